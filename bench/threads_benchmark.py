#!/usr/bin/python3
"""Thread scaling of raw text -> events: `dyad code --threads N` and dyad.Coder.code_batch(threads=N).

Usage (from the repository root, after a build):
    PYTHONPATH=build/python /usr/bin/python3 bench/threads_benchmark.py [--corpus FILE.jsonl]
        [--threads 1,2] [--repeat 3] [--dyad build/tools/dyad]

Corpus: ../shared/data/news/wikinews_docs.jsonl (295 articles) unless --corpus; skips with a
message when it is absent. Sentences are dyad's own (the count in the CLI's summary line); the
time is the coding time without the model load (the CLI's summary; around code_batch in Python).
Prints the best of --repeat runs per thread count, as sentences/s and documents/s.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMMARY = re.compile(r"(\d+) documents read, .* (\d+) sentences, ([\d.]+) seconds")


def cli_run(dyad, corpus, threads):
    """(documents, sentences, seconds) from the summary line of one `dyad code` run."""
    done = subprocess.run([dyad, "code", corpus, "--threads", str(threads), "--no-progress",
                           "-o", os.devnull], capture_output=True, text=True, check=True)
    m = SUMMARY.search(done.stderr)
    if not m:
        sys.exit(f"no summary line in: {done.stderr}")
    return int(m.group(1)), int(m.group(2)), float(m.group(3))


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

    print(f"corpus {args.corpus}")
    sentences = None
    for t in thread_counts:
        runs = [cli_run(args.dyad, args.corpus, t) for _ in range(args.repeat)]
        docs, sentences, secs = min(runs, key=lambda r: r[2])
        print(f"dyad code --threads {t}: {docs} documents, {sentences} sentences, {secs:.2f} s: "
              f"{sentences / secs:,.0f} sentences/s, {docs / secs:,.1f} documents/s")

    import dyad
    with open(args.corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    start = time.perf_counter()
    coder = dyad.Coder()
    print(f"dyad.Coder() load: {time.perf_counter() - start:.2f} s")
    for t in thread_counts:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            events = coder.code_batch(records, threads=t)
            best = min(best, time.perf_counter() - start)
        print(f"Coder.code_batch(threads={t}): {len(records)} documents, {len(events)} events, {best:.2f} s: "
              f"{sentences / best:,.0f} sentences/s, {len(records) / best:,.1f} documents/s")


if __name__ == "__main__":
    main()
