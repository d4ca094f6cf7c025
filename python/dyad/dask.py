"""Coding a corpus of JSONL shards on a Dask cluster.

>>> from dask.distributed import Client, LocalCluster   # or Client("tcp://scheduler:8786")
>>> import dyad.dask
>>> client = Client(LocalCluster(n_workers=2, threads_per_worker=1))
>>> docs = dyad.dask.read_documents("shards/*.jsonl")
>>> events = dyad.dask.code_bag(docs)
>>> dyad.dask.write_events(events, "events/part-*.jsonl")

Each partition of documents becomes the partition of its events, in document order. Tasks carry
only the Coder's options; each worker process loads the models and dictionaries once (the first
time it codes with those options) and keeps them for every later partition (get_coder), so a
cluster pays one model load per worker process, not per task. Workers need the dyad package
importable and, for the defaults, its data (``pip install ./python`` installs both), or
explicit ``dictionaries=``/``models=`` paths that exist on every worker.

Use one thread per worker process (``threads_per_worker=1``) and as many processes as cores; or
fewer processes with ``threads=N``, which codes a partition on N native threads.
"""

from __future__ import annotations

import json
import threading
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import dask.bag

from . import Coder

__all__ = ["code_bag", "code_partition", "get_coder", "coder_loads", "read_documents", "write_events"]

_coders: Dict[Tuple[Any, ...], Coder] = {}
_loads = 0
_lock = threading.Lock()


def get_coder(dictionaries: Optional[str] = None, models: Optional[str] = None,
              negated: bool = False, allow_no_target: bool = False) -> Coder:
    """This process's Coder for these options, loaded on first use and kept."""
    global _loads
    key = (dictionaries, models, negated, allow_no_target)
    with _lock:  # one load even when a worker's threads start together
        coder = _coders.get(key)
        if coder is None:
            coder = _coders[key] = Coder(dictionaries, models, negated, allow_no_target)
            _loads += 1
    return coder


def coder_loads() -> int:
    """How many Coders this process has loaded (``client.run(dyad.dask.coder_loads)``)."""
    return _loads


def code_partition(docs: Iterable[Dict[str, Any]], dictionaries: Optional[str] = None,
                   models: Optional[str] = None, negated: bool = False,
                   allow_no_target: bool = False, threads: int = 1) -> List[Dict[str, Any]]:
    """The events of one partition of documents (dicts as in a JSONL input file)."""
    coder = get_coder(dictionaries, models, negated, allow_no_target)
    return coder.code_batch(docs, threads=threads)


def code_bag(docs: dask.bag.Bag, dictionaries: Optional[str] = None, models: Optional[str] = None,
             negated: bool = False, allow_no_target: bool = False, threads: int = 1) -> dask.bag.Bag:
    """A bag of event dicts from a bag of document dicts, partition by partition.

    Options are those of dyad.Coder; ``threads`` codes each partition on that many native
    threads. A malformed document fails its partition's task with a ValueError naming it.
    """
    return docs.map_partitions(code_partition, dictionaries=dictionaries, models=models,
                               negated=negated, allow_no_target=allow_no_target, threads=threads)


def _is_record(line: str) -> bool:
    return bool(line.strip())


def read_documents(paths: Union[str, Sequence[str]], blocksize: Union[int, str, None] = None) -> dask.bag.Bag:
    """Documents from JSONL files (globs, lists, ``.gz`` and remote URLs as dask.bag.read_text).

    One partition per file unless ``blocksize`` (e.g. "64MiB") splits files further. Blank lines
    are skipped, as ``dyad code`` skips them.
    """
    return dask.bag.read_text(paths, blocksize=blocksize).filter(_is_record).map(json.loads)


def _jsonl_block(events: Iterable[Dict[str, Any]]) -> List[str]:
    # One string per partition, every line newline-terminated: to_textfiles would otherwise leave
    # the last line unterminated, or write a blank line for a partition without events.
    return ["".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in events)]


def write_events(events: dask.bag.Bag, path: Union[str, Sequence[str]], **kwargs: Any) -> List[str]:
    """Writes one JSONL file per partition (``path`` with a ``*``, as Bag.to_textfiles).

    Lines are compact JSON, UTF-8, each ending in a newline, as ``dyad code`` writes them; a
    partition without events gives an empty file. Computes the bag and returns the file names;
    extra arguments go to Bag.to_textfiles (``compression=``, ``compute=False``, ...).
    """
    return events.map_partitions(_jsonl_block).to_textfiles(path, **kwargs)
