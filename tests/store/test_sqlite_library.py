"""SQLite's allocation count is off in a tracker process, without disturbing a library
that is already in use."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tracker.store import sqlite_library
from tracker.store.database import open_database
from tracker.store.readers import open_reader
from tracker.store.sqlite_library import memory_statistics_on, stop_memory_statistics

ROOT = Path(__file__).resolve().parents[2]


def _in_fresh_process(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, check=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    return result.stdout.strip()


def test_a_process_that_uses_the_store_does_not_count_sqlite_allocations() -> None:
    out = _in_fresh_process(
        """
        import tracker.store.database
        from tracker.store.sqlite_library import memory_statistics_on
        print(memory_statistics_on())
        """
    )
    assert out == "False"


def test_a_library_already_holding_a_connection_is_left_as_it_is(tmp_path: Path) -> None:
    out = _in_fresh_process(
        f"""
        import sqlite3
        held = sqlite3.connect({str(tmp_path / "other.db")!r})
        held.execute("create table t (x)")
        from tracker.store.database import open_database
        from tracker.store.sqlite_library import memory_statistics_on, stop_memory_statistics
        db = open_database({str(tmp_path / "ledger.db")!r}, create=True)
        print(stop_memory_statistics(), memory_statistics_on(),
              held.execute("select count(*) from t").fetchone()[0],
              db.execute("select count(*) from contracts").fetchone()[0])
        """
    )
    assert out == "False True 0 0"


def test_turning_it_off_again_changes_nothing(tmp_path: Path) -> None:
    db = open_database(tmp_path / "ledger.db", create=True)
    before = memory_statistics_on()
    assert stop_memory_statistics() is (before is False)
    assert memory_statistics_on() == before
    assert db.execute("select count(*) from contracts").fetchone()[0] == 0


def test_connections_in_two_threads_read_the_same_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    db = open_database(path, create=True)
    db.execute("create table numbers (n integer)")
    db.conn.executemany("insert into numbers values (?)", [(n,) for n in range(5_000)])
    db.conn.commit()
    sums: list[int] = []

    def read() -> None:
        reader = open_reader(path)
        sums.append(reader.execute("select sum(n) from numbers").fetchone()[0])
        reader.close()

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sums == [12_497_500, 12_497_500]


def test_a_library_ctypes_cannot_reach_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(_name: object) -> object:
        raise OSError("no such library")

    monkeypatch.setattr(sqlite_library, "_done", False)
    monkeypatch.setattr(sqlite_library.ctypes, "CDLL", unreachable)
    monkeypatch.delattr(sqlite_library._sqlite3, "__file__")  # a module built in

    assert sqlite_library.stop_memory_statistics() is False
    assert sqlite_library.memory_statistics_on() is None
