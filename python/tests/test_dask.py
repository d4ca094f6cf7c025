"""dyad.dask on a 2-worker LocalCluster (processes, loopback): the events written equal the CLI's."""

import json

import pytest

distributed = pytest.importorskip("distributed")

import dyad.dask  # noqa: E402
from conftest import NEWS, run_cli  # noqa: E402


def write_shards(directory, count):
    """Splits the test corpus into `count` JSONL shards, round robin."""
    lines = [line for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    directory.mkdir()
    for s in range(count):
        (directory / f"shard-{s}.jsonl").write_text(
            "".join(line + "\n" for line in lines[s::count]), encoding="utf-8")


def test_local_cluster_output_equals_cli(tmp_path):
    write_shards(tmp_path / "shards", 4)
    expected = sorted(run_cli("code", str(NEWS), "--no-progress").splitlines())
    assert len(expected) >= 10

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  worker_dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        docs = dyad.dask.read_documents(str(tmp_path / "shards" / "*.jsonl"))
        assert docs.npartitions == 4
        files = dyad.dask.write_events(dyad.dask.code_bag(docs), str(tmp_path / "out" / "part-*.jsonl"))
        loads = client.run(dyad.dask.coder_loads)

    assert len(files) == 4
    text = "".join(open(f, encoding="utf-8").read() for f in files)
    assert text.endswith("\n") and "\n\n" not in text
    assert sorted(text.splitlines()) == expected
    # Four partitions on two worker processes, one model load per process that coded any.
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1


def test_code_partition_without_a_cluster():
    docs = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    events = dyad.dask.code_partition(docs[:2])
    assert events == dyad.dask.get_coder().code_batch(docs[:2])
    assert dyad.dask.get_coder() is dyad.dask.get_coder()
