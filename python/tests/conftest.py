"""Shared fixtures: the test corpus, the CLI binary to compare against, one Coder per session."""

import os
import pathlib
import subprocess

import pytest

import dyad

TESTDATA = pathlib.Path(__file__).parent / "testdata"
NEWS = TESTDATA / "news.jsonl"


def dyad_binary() -> str:
    """The `dyad` CLI: $DYAD_BINARY (set by CTest), else build/tools/dyad of this checkout."""
    path = os.environ.get("DYAD_BINARY") or str(
        pathlib.Path(__file__).resolve().parents[2] / "build" / "tools" / "dyad")
    if not os.access(path, os.X_OK):
        pytest.skip(f"dyad CLI not found at {path} (set DYAD_BINARY)")
    return path


def run_cli(*args: str) -> str:
    """Runs the CLI, asserts it succeeded, returns its stdout."""
    done = subprocess.run([dyad_binary(), *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def news_docs():
    import json
    return [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def coder() -> dyad.Coder:
    return dyad.Coder()
