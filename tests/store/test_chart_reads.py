"""What the kept portfolio chart reads to learn what changed: the change log's entries
since its last read, by their sequence numbers, and each contract's series by contract."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.store import chart_reads

AS_OF = dt.date(2026, 6, 30)


def _plans_of(db: sqlite_utils.Database, call: object) -> list[str]:
    """The query plan of every statement ``call`` runs."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        call()  # type: ignore[operator]
    finally:
        db.conn.set_trace_callback(None)
    plans = []
    for sql in statements:
        if sql.lstrip().lower().startswith(("select", "with")):
            rows = db.conn.execute(f"explain query plan {sql}").fetchall()
            plans.append(" / ".join(r[3] for r in rows))
    return plans


def test_the_contracts_logged_since_a_read_are_found_by_sequence(
    db: sqlite_utils.Database,
) -> None:
    first = make_contract(db, reference="C-1")
    second = make_contract(db, reference="C-2")
    head = chart_reads.change_log_head(db)
    make_delivery(db, second)
    tables = ("contracts", "deliveries")
    assert chart_reads.logged_contracts(db, head, tables) == {second}
    assert chart_reads.logged_contracts(db, 0, tables) == {first, second}
    assert chart_reads.logged_contracts(db, chart_reads.change_log_head(db), tables) == set()
    [plan] = _plans_of(db, lambda: chart_reads.logged_contracts(db, head, tables))
    assert "INTEGER PRIMARY KEY (rowid>?)" in plan  # the entries since, not the whole log


def test_an_entry_naming_no_contract_asks_for_everything(db: sqlite_utils.Database) -> None:
    make_contract(db, reference="C-1")
    head = chart_reads.change_log_head(db)
    db.execute(
        "insert into change_log (seq, logged_at, user, action, table_name, record_id, "
        "contract_id, prev_hash, hash) values (?, '', '', 'update', 'deliveries', 1, null, "
        "'', '')",
        [head + 1],
    )
    assert chart_reads.logged_contracts(db, head, ("deliveries",)) is None
    assert chart_reads.logged_contracts(db, head, ("retirements",)) == set()


def test_one_contract_s_series_are_read_through_its_index(db: sqlite_utils.Database) -> None:
    contract = make_contract(db, reference="C-1")
    make_delivery(db, contract)
    rows = list(chart_reads.lifecycle_rows_by_contract(db, {contract}, AS_OF))
    assert {(c, name) for c, name, _day, _kg in rows} == {
        (contract, "delivered"),
        (contract, "verified"),
    }
    plans = _plans_of(db, lambda: list(chart_reads.lifecycle_rows_by_contract(db, {7}, AS_OF)))
    assert "SEARCH d USING INDEX deliveries_contract (contract_id=?" in plans[0]
    assert "SEARCH retirements USING INDEX retirements_contract (contract_id=?" in plans[1]
