"""Shared fixtures.  Qt runs offscreen; no test touches the user's settings or data."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHONFAULTHANDLER", "1")
# The window follows the system's language: the same (English) on every test machine.
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = "C.UTF-8"

import pytest
import sqlite_utils

from tracker.store.database import open_database

AS_OF = dt.date(2027, 1, 1)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default ledger and Qt settings at the test's own folder."""
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "default-ledger.db"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def _background_work_ends_with_its_test() -> Iterator[None]:
    """Work a test started on Qt's thread pool finishes, and its results are delivered,
    before the next test starts: no test sees another's late results.

    A failed test's objects are let go here too.  pytest keeps the last failure's
    traceback (``sys.last_traceback``, for post-mortem debugging), and with it every
    window, timer and watcher the test made: left alive, they would go on receiving
    events during later tests and be freed at some arbitrary moment there, which can
    crash the whole run instead of reporting one failure."""
    yield
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QThreadPool

    QThreadPool.globalInstance().waitForDone(60_000)
    if getattr(sys, "last_traceback", None) is not None:
        for name in ("last_type", "last_value", "last_traceback", "last_exc"):
            if hasattr(sys, name):
                delattr(sys, name)
        gc.collect()
        QThreadPool.globalInstance().waitForDone(60_000)
    if QCoreApplication.instance() is not None:
        QCoreApplication.processEvents()


@pytest.fixture
def db() -> Iterator[sqlite_utils.Database]:
    """An empty in-memory ledger with the schema applied."""
    database = open_database(":memory:")
    yield database
    database.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"
