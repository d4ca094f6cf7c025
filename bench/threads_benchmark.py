#!/usr/bin/python3
"""Thread scaling of raw text -> events: `dyad code --threads N` and dyad.Coder.code_batch(threads=N).

Usage (from the repository root, after a build):
    PYTHONPATH=build/python /usr/bin/python3 bench/threads_benchmark.py [--corpus FILE.jsonl]
        [--threads 1,2] [--repeat 3] [--dyad build/tools/dyad]

Corpus: ../shared/data/news/wikinews_docs.jsonl (295 articles) unless --corpus; skips with a
message when it is absent. Sentences are dyad's own (the count in the CLI's summary line); the
time is the coding time without the model load (the CLI's summary; around code_batch in Python).
Prints the best of --repeat runs per thread count: sentences/s and documents/s of wall time, and
sentences per CPU-second (all threads' CPU time; for the CLI minus that of a run on an empty input,
i.e. without the model load). On an idle machine wall-time scaling approaches the CPU figure's
ratio; on a loaded one (see the load average printed first) wall time cannot scale.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMMARY = re.compile(r"(\d+) documents read, .* (\d+) sentences, ([\d.]+) seconds")


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli_run(dyad, corpus, threads):
    """(documents, sentences, wall seconds, CPU seconds) of one `dyad code` run."""
    before = children_cpu()
    done = subprocess.run([dyad, "code", corpus, "--threads", str(threads), "--no-progress",
                           "-o", os.devnull], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          check=True)
    cpu = children_cpu() - before
    m = SUMMARY.search(done.stderr)
    if not m:
        sys.exit(f"no summary line in: {done.stderr}")
    return int(m.group(1)), int(m.group(2)), float(m.group(3)), cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "data", "news", "wikinews_docs.jsonl"))
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dyad", default=os.path.join(ROOT, "build", "tools", "dyad"))
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"skip: {args.corpus} not found (../shared is absent)")
        return
    thread_counts = [int(t) for t in args.threads.split(",")]

    print(f"corpus {args.corpus}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    load_cpu = min(cli_run(args.dyad, "-", 1)[3] for _ in range(args.repeat))  # stdin: empty
    sentences = None
    for t in thread_counts:
        runs = [cli_run(args.dyad, args.corpus, t) for _ in range(args.repeat)]
        docs, sentences, secs, cpu = min(runs, key=lambda r: r[2])
        print(f"dyad code --threads {t}: {docs} documents, {sentences} sentences, {secs:.2f} s: "
              f"{sentences / secs:,.0f} sentences/s, {docs / secs:,.1f} documents/s, "
              f"{sentences / (cpu - load_cpu):,.0f} sentences/CPU-s")

    import dyad
    with open(args.corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    start = time.perf_counter()
    coder = dyad.Coder()
    print(f"dyad.Coder() load: {time.perf_counter() - start:.2f} s")
    for t in thread_counts:
        best = (float("inf"), 0.0)
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            events = coder.code_batch(records, threads=t)
            best = min(best, (time.perf_counter() - start, time.process_time() - start_cpu))
        print(f"Coder.code_batch(threads={t}): {len(records)} documents, {len(events)} events, {best[0]:.2f} s: "
              f"{sentences / best[0]:,.0f} sentences/s, {len(records) / best[0]:,.1f} documents/s, "
              f"{sentences / best[1]:,.0f} sentences/CPU-s")


if __name__ == "__main__":
    main()
