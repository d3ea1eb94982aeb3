"""The set-based deliveries import gives what importing row by row gave, at a bounded cost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import make_contract
from tracker.domain.errors import ImportRefused
from tracker.services import tracker_csv
from tracker.services.delivery_import import import_deliveries
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import FILES, write_csv
from tracker.store import delivery_staging
from tracker.store.database import open_database
from tracker.store.log_verify import verify_log

HEADER = (
    "contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,"
    "verifier,verified_on,reference,tranche_due_on\n"
)


def _portfolio(folder: Path, deliveries: int) -> sqlite_utils.Database:
    write_csv(folder, Spec(contracts=6, deliveries=deliveries, retirements=0, seed=5,
                           importable=True))  # fmt: skip
    db = open_database(":memory:")
    for kind in ("contracts", "schedule"):
        tracker_csv.import_file(db, kind, folder / FILES[kind])
    return db


def _table(db: sqlite_utils.Database) -> list[tuple]:
    """Every delivery; its uid is kept from the file, else new (so random): compared apart."""
    rows = db.execute("select * from deliveries order by id").fetchall()
    return [(*row[:-1], row[-1] if row[2] != "2025-03-01" else "new") for row in rows]


def test_the_same_deliveries_as_importing_row_by_row(tmp_path: Path) -> None:
    awaiting = HEADER + "SYN-0001-ISOMETRIC,2025-03-01,2.5,2025,,,pending,,,WAIT-1,\n"
    fast, slow = _portfolio(tmp_path, 600), _portfolio(tmp_path / "again", 600)
    for db in (fast, slow):
        tracker_csv.run_import(db, "deliveries", awaiting, "a.csv", tracker_csv._import_delivery)
    rows = (tmp_path / FILES["deliveries"]).read_text().splitlines(keepends=True)
    # a repeated row, and a row bringing the serials of the delivery that awaited them
    serials = "SYN-0001-ISOMETRIC,2025-03-01,2.5,2025,,cb_01JWAITED000000,pending,,,WAIT-1,,\n"
    data = "".join([*rows, rows[3], serials]).encode()
    tracker_csv.run_import(slow, "deliveries", data, "d.csv", tracker_csv._import_delivery)
    result = import_deliveries(fast, data, "d.csv")
    assert (result.added, result.unchanged) == (601, 1)
    assert _table(fast) == _table(slow)
    assert (
        fast.execute("select count(*) from deliveries where reference = 'WAIT-1'").fetchone()[0]
        == 1
    )
    assert verify_log(fast).ok


def test_a_second_import_adds_nothing(tmp_path: Path) -> None:
    db = _portfolio(tmp_path, 300)
    path = tmp_path / FILES["deliveries"]
    first = tracker_csv.import_file(db, "deliveries", path)
    again = tracker_csv.import_file(db, "deliveries", path)
    assert (first.added, again.added, again.unchanged) == (300, 0, 300)


def _statements(db: sqlite_utils.Database, data: bytes) -> int:
    """Statements run, leaving out the rows of prepared bulk inserts (executemany).
    A trigger that a row fires is traced as its statement again (with the values
    expanded, so a query run per row never repeats itself): a repeat counts once."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        import_deliveries(db, data, "d.csv")
    finally:
        db.conn.set_trace_callback(None)
    bulk = ("insert into temp.staged_deliveries", "insert into change_log")
    run = [s for n, s in enumerate(seen) if n == 0 or s != seen[n - 1]]
    return sum(1 for s in run if not s.lower().lstrip().startswith(bulk))


def test_the_number_of_queries_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small = _portfolio(tmp_path / "s", 100)
    large = _portfolio(tmp_path / "l", 2_000)
    assert _statements(small, (tmp_path / "s" / FILES["deliveries"]).read_bytes()) == (
        _statements(large, (tmp_path / "l" / FILES["deliveries"]).read_bytes())
    )


def test_the_change_notice_names_tables_and_contracts_only(tmp_path: Path) -> None:
    db = _portfolio(tmp_path, 2_000)
    result = tracker_csv.import_file(db, "deliveries", tmp_path / FILES["deliveries"])
    assert result.added == 2_000
    assert result.changes.bulk == {"deliveries"}
    assert result.changes.size <= 1 + 6


def test_clashes_with_the_ledger_and_within_the_file_name_their_rows(
    db: sqlite_utils.Database,
) -> None:
    make_contract(db, registry="isometric")
    tracker_csv.import_text(
        db, "deliveries",
        HEADER + "C-1,2025-06-30,1.000,2025,,ISO-1-A-2025-1-1000,verified,V,2025-07-01,A,\n"
        "C-1,2025-06-30,1,2025,,cb_01JBATCHONE,verified,V,2025-07-01,B,\n",
        "first.csv",
    )  # fmt: skip
    before = _table(db)
    text = HEADER + (
        "C-1,2025-07-30,0.010,2025,,ISO-1-A-2025-995-1004,pending,,,C,\n"  # ledger overlap
        "C-1,2025-07-30,0.010,2025,,ISO-1-A-2025-2001-2010,pending,,,D,\n"
        "C-1,2025-07-30,0.010,2025,,ISO-1-A-2025-2005-2014,pending,,,E,\n"  # overlaps row 3
        "C-1,2025-07-30,1,2025,,cb_01JBATCHONE,pending,,,F,\n"  # batch in the ledger
        "C-1,2025-07-30,1,2025,,cb_01JBATCHTWO,pending,,,G,\n"
        "C-1,2025-07-31,2,2025,,cb_01JBATCHTWO,pending,,,H,\n"  # batch of row 6
        "NOPE,2025-07-31,2,2025,,,pending,,,I,\n"
    )
    with pytest.raises(ImportRefused) as caught:
        import_deliveries(db, text, "second.csv")
    found = [(e.row, e.column) for e in caught.value.errors]
    assert found == [(2, "serial_block"), (4, "serial_block"), (5, "serial_block"),
                     (7, "serial_block"), (8, "contract")]  # fmt: skip
    messages = [e.reason for e in caught.value.errors]
    assert messages[0] == (
        "'ISO-1-A-2025-995-1004' overlaps 'ISO-1-A-2025-1-1000', already delivered under "
        "contract C-1"
    )
    assert messages[1].startswith("'ISO-1-A-2025-2005-2014' overlaps 'ISO-1-A-2025-2001-2010'")
    assert messages[2].startswith("'cb_01JBATCHONE' is the batch 'cb_01JBATCHONE'")
    assert _table(db) == before
    with pytest.raises(sqlite3.OperationalError):
        db.execute("select * from temp.staged_deliveries")


def test_an_import_writes_with_a_roomy_page_cache_and_gives_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _portfolio(tmp_path, 50)
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    seen: list[int] = []
    stage = delivery_staging.stage

    def watched(db: sqlite_utils.Database, chunk: list[tuple]) -> None:
        seen.append(db.execute("PRAGMA cache_size").fetchone()[0])
        stage(db, chunk)

    monkeypatch.setattr(delivery_staging, "stage", watched)
    tracker_csv.import_file(db, "deliveries", tmp_path / FILES["deliveries"])

    assert len(seen) == 1  # 50 rows: one chunk staged
    assert seen == [-delivery_staging.IMPORT_CACHE_KIB]
    assert db.execute("PRAGMA cache_size").fetchone()[0] == before
    assert db.execute("select count(*) from deliveries").fetchone()[0] == 50
