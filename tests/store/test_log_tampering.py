"""Tampering with the ledger file outside the app (plain sqlite3) is caught by verify_log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.factories import delivery_data, make_contract, make_delivery
from tracker.domain.messages import msg, render
from tracker.services.deliveries import update_delivery
from tracker.store.database import open_database
from tracker.store.log_verify import verify_log


@pytest.fixture
def ledger(db_path: Path) -> tuple[Path, int]:
    """A file ledger with a contract, two deliveries and an edit; closed again."""
    db = open_database(db_path)
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    make_delivery(db, contract, serial_block="ACR-US-1-2025-1-101 to 200", reference="TX-2")
    update_delivery(db, delivery, delivery_data(reference="TX-1b"))
    assert verify_log(db).ok
    db.close()
    return db_path, delivery


def _tamper(path: Path, sql: str, params: tuple = ()) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, params)
    conn.close()


def _verify(path: Path):
    db = open_database(path)
    try:
        return verify_log(db)
    finally:
        db.close()


def test_editing_a_delivery_directly_is_caught_and_named(ledger) -> None:
    path, delivery = ledger
    _tamper(path, "update deliveries set tonnes_kg = 90000 where id = ?", (delivery,))
    report = _verify(path)
    assert not report.ok
    assert report.first_broken_seq is None
    assert [(m.table, m.record_id) for m in report.mismatches] == [("deliveries", delivery)]
    assert "tonnes_kg is 90000, the log says 100000" in report.describe()


def test_deleting_a_log_entry_is_caught_at_the_next_entry(ledger) -> None:
    path, _delivery = ledger
    _tamper(path, "delete from change_log where seq = 7")
    report = _verify(path)
    assert report.first_broken_seq == 8
    assert "chain broken at entry 8: entry 7 is missing" in report.describe()


def test_deleting_a_log_entry_and_renumbering_is_still_caught(ledger) -> None:
    path, _delivery = ledger
    _tamper(path, "delete from change_log where seq = 7")
    _tamper(path, "update change_log set seq = seq - 1 where seq > 7")
    report = _verify(path)
    assert report.first_broken_seq == 7
    assert report.chain_problem == msg("log.unlinked")
    assert "does not link to the entry before it" in report.describe()


def test_editing_a_log_entry_is_caught_at_that_entry(ledger) -> None:
    path, _delivery = ledger
    _tamper(path, "update change_log set user = 'someone else' where seq = 6")
    report = _verify(path)
    assert report.first_broken_seq == 6
    assert report.describe().startswith(
        "chain broken at entry 6: its contents do not match its hash"
    )


def test_deleting_a_table_row_directly_is_caught(ledger) -> None:
    path, _delivery = ledger
    _tamper(path, "delete from deliveries where reference = 'TX-2'")
    report = _verify(path)
    assert [render(m.problem) for m in report.mismatches] == [
        "is in the change log but missing from the table"
    ]
