"""verify-log reads the chain's payloads and the rows' JSON from SQLite: Python builds
JSON only for an entry or row SQLite writes differently, and every tampering is still
named."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.domain.messages import render
from tracker.services.deliveries import delete_delivery
from tracker.store import change_log, log_verify
from tracker.store.log_verify import verify_log


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    contract = make_contract(db, notes="émission 碳信用 \u2028")
    make_delivery(db, contract)
    make_delivery(db, contract, serial_block="ACR-US-1-2025-1-101 to 200", reference="TX-2")
    return db


def _count_python_hashes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = change_log.entry_hash

    def counted(seq: int, *rest: object) -> str:
        calls.append(seq)
        return real(seq, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(change_log, "entry_hash", counted)
    return calls


def test_every_entry_is_hashed_from_sqlites_json(
    ledger: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_python_hashes(monkeypatch)

    report = verify_log(ledger)

    assert report.ok, report.describe()
    assert report.entries > 3
    assert calls == []


def test_an_entry_sqlite_writes_differently_is_hashed_again_by_python(
    ledger: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_python_hashes(monkeypatch)
    differently = log_verify._CHAIN.replace("json_array(", "iif(seq = 2, 'x', json_array(")
    differently = differently.replace(" as blob)", ") as blob)")
    monkeypatch.setattr(log_verify, "_CHAIN", differently)  # as if SQLite escaped entry 2

    report = verify_log(ledger)

    assert report.ok, report.describe()
    assert calls == [2]


def test_an_entry_edited_outside_the_app_is_named(ledger: sqlite_utils.Database) -> None:
    ledger.execute("update change_log set user = 'someone else' where seq = 2")

    report = verify_log(ledger)

    assert report.first_broken_seq == 2
    assert report.chain_problem is not None
    assert "do not match its hash" in render(report.chain_problem)


def test_a_deleted_record_put_back_outside_the_app_is_caught(
    ledger: sqlite_utils.Database,
) -> None:
    row = ledger.execute("select * from deliveries where reference = 'TX-2'").fetchone()
    delete_delivery(ledger, row[0])
    assert verify_log(ledger).ok
    marks = ", ".join("?" * len(row))
    ledger.execute(f"insert into deliveries values ({marks})", row)

    report = verify_log(ledger)

    assert [(m.record_id, render(m.problem)) for m in report.mismatches] == [
        (row[0], "is in the table but not in the change log")
    ]


def test_a_record_deleted_in_the_app_is_not_missing(ledger: sqlite_utils.Database) -> None:
    delivery = ledger.execute("select id from deliveries where reference = 'TX-2'").fetchone()[0]
    delete_delivery(ledger, delivery)

    assert verify_log(ledger).ok


def test_an_edited_row_with_unusual_text_names_the_field(ledger: sqlite_utils.Database) -> None:
    ledger.execute("update contracts set notes = 'émission edited'")

    report = verify_log(ledger)

    assert report.mismatch_count == 1
    assert "notes is 'émission edited'" in render(report.mismatches[0].problem)
