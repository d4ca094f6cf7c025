"""dyad: political event data (CAMEO/PLOVER) from news text.

>>> import dyad
>>> coder = dyad.Coder()                       # dyad's dictionaries and models
>>> events = coder.code("Iran and Iraq signed a border security agreement on Sunday.",
...                     date="2017-07-23", doc_id="accord")
>>> events[0]["source"]["code"], events[0]["cameo"], events[0]["target"]["code"]
('IRN', '057', 'IRQ')

Every event is a dict with exactly the keys of the CLI's JSONL output (``dyad code``): doc_id,
sentence, date, source, target, cameo, root, plover, goldstein, quad_class, verb, pattern, text
(see the README, "Output formats and the event record"). Documents go to the native engine as
JSONL records and events come back as the CLI's JSONL lines, so the two never differ.

Errors: malformed input (a bad date, a bad dictionary line) raises ValueError, a missing
dictionary or model file FileNotFoundError, other I/O errors OSError, anything else
RuntimeError; the message names the file, line or document at fault.

``dyad.dask`` codes corpora on a Dask cluster.
"""

from __future__ import annotations

import datetime as _datetime
import json as _json
import os as _os
import threading as _threading
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _dyad

__all__ = ["Coder", "parse", "data_dir"]

Date = Union[str, _datetime.date, None]


def data_dir() -> str:
    """The folder holding ``dictionaries/`` and ``models/`` that Coder uses by default.

    In order: the DYAD_DATA_DIR environment variable; the data installed with the package
    (``pip install ./python`` copies it); the checkout the module was built from (CMake build).
    """
    env = _os.environ.get("DYAD_DATA_DIR")
    if env:
        return env
    packaged = _os.path.join(_os.path.dirname(__file__), "data")
    if _os.path.isdir(packaged):
        return packaged
    return _dyad.SOURCE_DATA_DIR


def _iso_date(date: Date) -> Optional[str]:
    if date is None or isinstance(date, str):
        return date
    if isinstance(date, _datetime.date):  # datetime.datetime too: its isoformat keeps the time
        return date.isoformat()
    raise TypeError(f"date must be a str, datetime.date or None, not {type(date).__name__}")


def _record(doc: Mapping[str, Any]) -> str:
    """One JSONL record, as a line of a JSONL input file would hold it."""
    if "date" in doc and not (doc["date"] is None or isinstance(doc["date"], str)):
        doc = {**doc, "date": _iso_date(doc["date"])}
    return _json.dumps(doc, ensure_ascii=False)


def _events(jsonl: str) -> List[Dict[str, Any]]:
    return [_json.loads(line) for line in jsonl.splitlines()]


class Coder:
    """Loaded dictionaries and models that turn text into events.

    Loading takes about a second (the tagger and parser models, ~200 MB in memory), so make one
    Coder and reuse it. A Coder is thread-safe: code() and parse() release the GIL, and several
    Python threads may call them at once.

    Args:
        dictionaries: a dictionary set, as ``dyad code --dictionaries``: ``dyad:DIR`` (dyad's
            format), ``petrarch2:DIR``, ``up:DIR``, ``petrarch1:DIR`` or ``tabari:FILE.project``.
            Default: dyad's own, ``dyad:<data_dir()>/dictionaries``.
        models: folder of en-tagger.bin and en-parser.bin. Default ``<data_dir()>/models``.
        negated: code negated verbs ("did not sign") as if affirmed (``--code-negated``).
        allow_no_target: code events that have a source but no target (``--allow-no-target``).

    Raises:
        FileNotFoundError: a dictionary or model file is missing.
        ValueError: a dictionary or model file is malformed (the message names file and line).
    """

    def __init__(self, dictionaries: Optional[str] = None, models: Optional[str] = None,
                 negated: bool = False, allow_no_target: bool = False) -> None:
        base = data_dir()
        self.dictionaries = dictionaries or "dyad:" + _os.path.join(base, "dictionaries")
        self.models = models if models is not None else _os.path.join(base, "models")
        self.negated = negated
        self.allow_no_target = allow_no_target
        self._engine = _dyad.Engine(self.dictionaries, self.models, negated, allow_no_target)

    def __repr__(self) -> str:
        return (f"dyad.Coder(dictionaries={self.dictionaries!r}, models={self.models!r}, "
                f"negated={self.negated}, allow_no_target={self.allow_no_target})")

    def code(self, text: str, date: Date = None, doc_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """Codes one article: segments, tags, parses and codes ``text``.

        Args:
            text: the article text (title excluded).
            date: publication date, "YYYY-MM-DD", an ISO datetime or a datetime.date; it dates the
                events and picks dated actor codes (a head of state's term).
            doc_id: written into every event's ``doc_id`` ("" when None).

        Returns:
            The events in the order ``dyad code`` writes them, each a dict of the JSONL schema.

        Raises:
            ValueError: a malformed date, or a NUL character in the text.
        """
        doc: Dict[str, Any] = {"id": doc_id, "text": text, "date": _iso_date(date)}
        return _events(self._engine.code(_record(doc)))

    def code_batch(self, docs: Iterable[Mapping[str, Any]], threads: int = 1) -> List[Dict[str, Any]]:
        """Codes many articles on ``threads`` native threads, without holding the GIL.

        Args:
            docs: dicts shaped like the lines of a JSONL input file: ``text`` (required), ``id``
                (str or int), ``date`` (str or datetime.date), optional ``title``, ``source``,
                ``url``; other keys are ignored. A document without an id gets its position
                ("0", "1", ...).
            threads: worker threads (the calling one included); 0 = one per core.

        Returns:
            The events of all documents, in input order: what ``dyad code`` writes for the same
            documents as a JSONL file, whatever the thread count.

        Raises:
            ValueError: a document is malformed; the message starts with ``docs[i]``.
        """
        records = []
        for i, doc in enumerate(docs):
            if doc.get("id") in (None, ""):
                doc = {**doc, "id": str(i)}
            records.append(_record(doc))
        outputs = self._engine.code_batch(records, threads)
        return [event for out in outputs for event in _events(out)]

    def parse(self, text: str, doc_id: Optional[str] = None) -> str:
        """Segments, tags, lemmatizes and parses ``text``; returns CoNLL-U (as ``dyad parse``).

        Sentence ids are ``<doc_id>-<n>``; FORM is the token's original text.
        """
        return self._engine.parse(_record({"id": doc_id, "text": text}))


_default_coder: Optional[Coder] = None
_default_lock = _threading.Lock()


def parse(text: str, doc_id: Optional[str] = None) -> str:
    """``Coder().parse(text)`` with a default Coder loaded once per process."""
    global _default_coder
    with _default_lock:
        if _default_coder is None:
            _default_coder = Coder()
    return _default_coder.parse(text, doc_id)
