"""The deliveries holding a NUL in a text are kept noted, whoever writes them, so the
export writes them cell by cell (``tracker.store.csv_rows``)."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.store import nul_texts
from tracker.store.check import check_database


def _noted(db: sqlite_utils.Database) -> list[int]:
    return [r[0] for r in db.execute("select delivery_id from deliveries_holding_nul")]


def test_deliveries_without_a_nul_are_not_noted(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    make_delivery(db, contract, tonnes="5", serial_block="", verifier="V, Ltd")
    assert _noted(db) == []


@pytest.mark.parametrize("column", nul_texts.TEXT_COLUMNS)
def test_a_nul_written_into_any_text_is_noted(db: sqlite_utils.Database, column: str) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract, tonnes="5", serial_block="")
    make_delivery(db, contract, tonnes="6", serial_block="")
    with db.conn:  # by hand: no input lets a NUL in
        db.execute(f"update deliveries set [{column}] = ? where id = ?", ["x\0y", delivery])
    assert _noted(db) == [delivery]


def test_a_delivery_inserted_with_a_nul_is_noted(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    with db.conn:
        db.execute(
            "insert into deliveries (contract_id, delivered_on, tonnes_kg, registry, "
            "verification_status, verifier) values (?, '2025-01-01', 1000, 'verra', "
            "'verified', ?)",
            [contract, "V\0"],
        )
    (inserted,) = db.execute("select id from deliveries").fetchone()
    assert _noted(db) == [inserted]


def test_check_db_finds_an_unnoted_delivery_and_notes_it(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract, tonnes="5", serial_block="")
    with db.conn:  # written with the triggers' work undone
        db.execute("update deliveries set reference = ? where id = ?", ["R\0", delivery])
        db.execute("delete from deliveries_holding_nul")

    report = check_database(db)

    assert report.unnoted_nuls == [delivery]
    assert "check.unnoted_nul_texts" in [f.code for f in report.findings]
    assert _noted(db) == [delivery]
    assert nul_texts.missing(db) == []
