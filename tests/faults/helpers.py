"""Shared helpers for the fault suites: file fingerprints and running the CLI."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tracker.cli.main import main


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def demo_ledger(path: Path) -> Path:
    """A ledger with the demo portfolio, closed."""
    assert main(["new", str(path)]) == 0
    assert main(["--db", str(path), "demo"]) == 0
    return path
