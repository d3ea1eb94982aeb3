"""A cancel abandons a long statement where it is: the integrity check of Check
database… and of verify-log, and the walk's comparisons."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.services.progress import Cancelled, Progress
from tracker.store import integrity
from tracker.store.check import CheckReport, check_database
from tracker.store.database import open_database
from tracker.store.integrity import IntegrityCheck
from tracker.store.interrupts import interruptible
from tracker.store.log_verify import LogReport, verify_log
from tracker.store.readers import open_reader


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    contract = make_contract(db)
    for n in range(20):
        first = n * 100 + 1
        make_delivery(
            db,
            contract,
            reference=f"TX-{n}",
            serial_block=f"ACR-US-1-2025-1-{first} to {first + 99}",
        )
    db.close()
    return path


def _interruptible_check(db: sqlite_utils.Database, progress: Progress) -> CheckReport:
    with interruptible(db, progress):  # as the window's ReadOperation runs it
        return check_database(db, repair=False, step=progress.advance)


def _interruptible_verify(
    db: sqlite_utils.Database,
    progress: Progress,
    integrity: bool = True,
    step: Callable[[int], None] | None = None,
) -> LogReport:
    with interruptible(db, progress):
        return verify_log(db, integrity=integrity, step=step or progress.advance)


def _cancel_when(db: sqlite_utils.Database, progress: Progress, starts: str) -> list[str]:
    """Cancel ``progress`` as soon as a statement containing ``starts`` begins on ``db``
    (the statement is then running: only an interrupt stops it)."""
    begun: list[str] = []

    def traced(sql: str) -> None:
        begun.append(sql)
        if starts in sql and not progress.cancel_requested:
            progress.cancel()

    db.conn.set_trace_callback(traced)
    return begun


def test_check_database_stops_inside_the_integrity_check(ledger: Path) -> None:
    db = open_reader(ledger)
    progress = Progress()
    begun = _cancel_when(db, progress, "integrity_check")

    with pytest.raises(Cancelled):
        _interruptible_check(db, progress)

    assert [sql for sql in begun if "integrity_check" in sql]
    assert not [sql for sql in begun if "foreign_key_check" in sql]  # nothing after it


def test_an_interrupted_check_is_not_reported_as_damage(ledger: Path) -> None:
    db = open_reader(ledger)
    progress = Progress()
    _cancel_when(db, progress, "integrity_check")
    try:
        report = _interruptible_check(db, progress)
    except Cancelled:
        return
    pytest.fail(f"an interrupted check came back as a report: {report.describe()}")


def test_verify_log_stops_inside_a_table_comparison(ledger: Path) -> None:
    db = open_reader(ledger)
    progress = Progress()
    begun = _cancel_when(db, progress, "json_object(")  # the first table compared

    with pytest.raises(Cancelled):
        _interruptible_verify(db, progress, integrity=False)

    assert len([sql for sql in begun if "json_object(" in sql]) == 1
    assert not [sql for sql in begun if "select distinct record_id" in sql]  # its next query


def test_without_a_cancel_the_same_calls_report_as_before(ledger: Path) -> None:
    db = open_reader(ledger)
    progress = Progress()
    assert _interruptible_check(db, progress).ok
    assert _interruptible_verify(db, progress).ok


def _slowed_reader(path: Path, *, mapped: bool = False) -> sqlite_utils.Database:
    """A reader whose statements crawl (a pause every five steps): its integrity check
    (some 4,500 steps) would take about 45 s, unless interrupted."""
    reader = open_reader(path, mapped=mapped)
    reader.conn.set_progress_handler(lambda: time.sleep(0.05) or 0, 5)
    return reader


def _stops_within(stop: Callable[[], None], seconds: float) -> bool:
    stopper = threading.Thread(target=stop)
    stopper.start()
    stopper.join(seconds)
    return not stopper.is_alive()


def test_a_stopped_integrity_check_ends_instead_of_reading_on(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = threading.Event()

    def reader(path: Path, *, mapped: bool = False) -> sqlite_utils.Database:
        slowed = _slowed_reader(path, mapped=mapped)
        opened.set()
        return slowed

    monkeypatch.setattr(integrity, "open_reader", reader)
    db = open_database(ledger)
    check = IntegrityCheck.start(db)
    assert opened.wait(10)

    assert _stops_within(check.stop, 20)  # far sooner than the check's 45 s

    assert check._thread is not None
    assert not check._thread.is_alive()


def test_a_cancelled_verify_log_stops_its_integrity_check(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[IntegrityCheck] = []
    real_start = IntegrityCheck.start.__func__  # type: ignore[attr-defined]

    def start(cls: type[IntegrityCheck], db: sqlite_utils.Database) -> IntegrityCheck:
        check = real_start(cls, db)
        started.append(check)
        return check

    monkeypatch.setattr(integrity, "open_reader", _slowed_reader)
    monkeypatch.setattr(IntegrityCheck, "start", classmethod(start))
    db = open_database(ledger)
    progress = Progress()
    progress_calls = 0

    def step(count: int) -> None:
        nonlocal progress_calls
        progress_calls += 1
        progress.cancel()
        progress.advance(count)

    with pytest.raises(Cancelled):
        _interruptible_verify(db, progress, step=step)

    [check] = started
    assert check._thread is not None
    assert not check._thread.is_alive()
    assert progress_calls >= 1
