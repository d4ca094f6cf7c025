"""Type stubs of the native extension (python/src/dyad_module.cc). Use dyad.Coder instead."""

from typing import List

SOURCE_DATA_DIR: str

class Engine:
    """Models and dictionaries loaded once; thread-safe."""

    def __init__(self, dictionaries: str, models: str, code_negated: bool, allow_no_target: bool) -> None: ...
    def code(self, record: str) -> str:
        """Codes one JSONL record; returns the CLI's JSONL event lines."""
    def code_batch(self, records: List[str], threads: int) -> List[str]:
        """Codes JSONL records on C++ threads without the GIL; one JSONL string per record."""
    def parse(self, record: str) -> str:
        """Segments, tags and parses one JSONL record; returns CoNLL-U."""
