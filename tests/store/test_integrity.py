"""verify-log's integrity_check: run beside the walk of the log, reported first."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.domain.messages import Message, render
from tracker.store import integrity
from tracker.store.database import open_database
from tracker.store.log_verify import verify_log


@pytest.fixture
def ledger(db_path: Path) -> Path:
    db = open_database(db_path)
    contract = make_contract(db)
    make_delivery(db, contract)
    make_delivery(db, contract, serial_block="ACR-US-1-2025-1-101 to 200", reference="TX-2")
    db.close()
    return db_path


def _damage_an_index(path: Path) -> None:
    """Make an index disagree with its table (as a bad sector or a bad copy may): its
    definition now names another column, so its entries no longer match the rows."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    with conn:
        conn.execute(
            "update sqlite_master set sql = replace(sql, 'reference)', 'verifier)') "
            "where name = 'deliveries_reference'"
        )
    conn.close()


def test_the_check_runs_beside_the_caller_on_a_file_ledger(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    checked = integrity.integrity_problem

    def recording(db: sqlite_utils.Database) -> Message | None:
        threads.append(threading.current_thread())
        return checked(db)

    monkeypatch.setattr(integrity, "integrity_problem", recording)
    db = open_database(ledger)
    try:
        assert verify_log(db).ok
    finally:
        db.close()
    assert len(threads) == 1
    assert threads[0] is not threading.current_thread()


def test_an_in_memory_ledger_is_checked_on_its_own_connection(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_delivery(db, make_contract(db))
    threads: list[threading.Thread] = []
    checked = integrity.integrity_problem

    def recording(ledger: sqlite_utils.Database) -> Message | None:
        threads.append(threading.current_thread())
        return checked(ledger)

    monkeypatch.setattr(integrity, "integrity_problem", recording)
    assert verify_log(db).ok
    assert threads == [threading.current_thread()]


def test_a_damaged_index_is_reported_as_damage(ledger: Path) -> None:
    _damage_an_index(ledger)
    db = open_database(ledger)
    try:
        report = verify_log(db)
    finally:
        db.close()
    assert not report.ok
    assert report.damage[0].code == "log.integrity_failed"
    assert render(report.damage[0]).startswith("the ledger file fails its integrity check: ")
    assert "deliveries_reference" in render(report.damage[0])
    assert "check-db" in render(report.damage[-1])


def test_without_the_check_only_the_log_is_walked(ledger: Path) -> None:
    _damage_an_index(ledger)
    db = open_database(ledger)
    try:
        report = verify_log(db, integrity=False)
    finally:
        db.close()
    assert report.damage == []
    assert report.entries > 0


def test_the_check_beside_reads_the_file_memory_mapped(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mapped: list[int] = []
    checked = integrity.integrity_problem

    def recording(db: sqlite_utils.Database) -> Message | None:
        mapped.append(db.execute("PRAGMA mmap_size").fetchone()[0])
        return checked(db)

    monkeypatch.setattr(integrity, "integrity_problem", recording)
    db = open_database(ledger)
    try:
        assert verify_log(db).ok
        assert db.execute("PRAGMA mmap_size").fetchone()[0] == 0  # the caller's is not
    finally:
        db.close()
    assert len(mapped) == 1
    assert mapped[0] > 0


def test_a_damaged_index_is_reported_by_the_mapped_check_too(ledger: Path) -> None:
    _damage_an_index(ledger)
    db = open_database(ledger)
    try:
        check = integrity.IntegrityCheck.start(db)
        problem = check.result()
    finally:
        db.close()
    assert problem is not None
    assert "deliveries_reference" in render(problem)
