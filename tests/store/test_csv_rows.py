"""Cells SQLite writes for exports are the cells Python would write: the same tonnes
text, the same neutralised formulas, the same serial ranges."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.domain.quantities import format_tonnes_short
from tracker.services import csv_safe, tracker_csv
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import csv_rows, queries
from tracker.store.database import configure, open_database
from tracker.store.migrations import migrations


def _sql_value(db: sqlite_utils.Database, expression: str, value: object) -> object:
    return db.execute(f"select {expression}", {"v": value}).fetchone()[0]


def test_tonnes_text_is_format_tonnes_short(db: sqlite_utils.Database) -> None:
    rng = random.Random(2)
    samples = [0, 1, 10, 100, 999, 1000, 1001, 1010, 1100, 150_500, 5_000_000, -1, -1500]
    samples += [rng.randint(-(10**12), 10**12) for _ in range(2_000)]
    sql = csv_rows.tonnes_text(":v")
    for kg in samples:
        assert _sql_value(db, sql, kg) == format_tonnes_short(kg), kg


def test_positive_tonnes_text_is_format_tonnes_short(db: sqlite_utils.Database) -> None:
    rng = random.Random(3)
    samples = [1, 10, 100, 999, 1000, 1001, 1010, 1100, 1500, 150_500, 5_000_000]
    samples += [rng.randint(1, 10**12) for _ in range(2_000)]
    sql = csv_rows.positive_tonnes_text(":v")
    for kg in samples:
        assert _sql_value(db, sql, kg) == format_tonnes_short(kg), kg


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        "=1+1",
        "+49 30",
        "-5",
        "@SUM(A1)",
        "\tlead",
        "\rlead",
        "\0lead",
        "'=quoted",
        "a=b",
        "été",
    ],
)
def test_safe_text_is_neutralise(db: sqlite_utils.Database, text: str) -> None:
    assert _sql_value(db, csv_rows.safe_text(":v"), text) == csv_safe.neutralise(text)


@pytest.mark.parametrize("collation", ["binary", "nocase"])
def test_safe_text_is_neutralise_whatever_the_first_character(
    db: sqlite_utils.Database, collation: str
) -> None:
    """The quick pass for texts that cannot be formulas lets none through: every first
    character up to U+024F and some beyond, compared as a column of either collation."""
    db.execute(f"create temp table cells (v text collate {collation})")
    firsts = [chr(code) for code in range(0x250)] + ["中", "\U0001f600", "\ufeff"]
    texts = [lead + tail for lead in firsts for tail in ("", "1", "x=1")]
    db.conn.executemany("insert into temp.cells values (?)", [(t,) for t in texts])
    written = db.execute(f"select v, {csv_rows.safe_text('v')} from temp.cells").fetchall()
    assert [(v, cell) for v, cell in written if cell != csv_safe.neutralise(v)] == []
    assert len(written) == len(texts)


def test_safe_text_of_null_is_empty(db: sqlite_utils.Database) -> None:
    assert _sql_value(db, csv_rows.safe_text(":v"), None) == csv_safe.neutralise(None)


def test_the_leads_are_the_dangerous_leads_of_csv_safe() -> None:
    assert tuple(chr(code) for code in csv_rows.FORMULA_LEADS) == csv_safe.DANGEROUS_LEADS


def test_delivery_cells_are_the_python_lines_neutralised(db: sqlite_utils.Database) -> None:
    contract = make_contract(db, reference="=HYPERLINK(1)", registry="gold-standard")
    make_delivery(  # serials pending, no vintage
        db,
        contract,
        tonnes="1.5",
        verifier="-Verifier",
        vintage="",
        serial_block="",
        registry="gold-standard",
    )
    make_delivery(  # a range, written from its template
        db,
        contract,
        tonnes="100",
        registry="gold-standard",
        serial_block="GS1-1-KE-GS11603-16-2025-30256-1-100",
        reference="@transfer",
    )
    make_delivery(
        db,
        contract,
        tonnes="2000",
        serial_block="",
        registry="gold-standard",
        verification_status="pending",
        verified_on="",
    )
    refs = queries.contract_references(db)
    expected = [
        [csv_safe.neutralise(cell) for cell in tracker_csv.delivery_line(d, refs[d.contract_id])]
        for d in queries.deliveries(db)
    ]
    written = [
        [csv_safe.neutralise(cell) for cell in row]
        for chunk in csv_rows.delivery_cell_chunks(db)
        for row in chunk
    ]
    assert written == expected
    assert expected[0][0] == "'=HYPERLINK(1)"


@pytest.mark.parametrize(
    "block",
    ["ACR-1 to 100", "5-9-KE", "-5-9-KE", "=1+2", "\x001", "", "-batch-7", "cb_01J", None],
)
def test_a_serials_cell_is_the_stored_text_neutralised(
    db: sqlite_utils.Database, block: str | None
) -> None:
    """A range, a batch id or serials still to come: the text the ledger holds (a range's
    is written from its template with its numbers), neutralised."""
    db.execute("create temp table d (serial_block)")
    db.execute("insert into temp.d values (?)", [block])
    cell = csv_rows.DELIVERY_CELLS[5]
    assert db.execute(f"select {cell} from temp.d d").fetchone()[0] == csv_safe.neutralise(block)


@pytest.mark.parametrize(
    ("column", "commas"),
    [("verifier", 0), ("verifier", 4), ("reference", 2), ("serial_block", 6), ("uid", 0)],
)
def test_a_text_cut_short_by_a_nul_is_exported_whole(
    db: sqlite_utils.Database, column: str, commas: int
) -> None:
    """No input lets a NUL into a text, but a ledger written by hand may hold one: the
    row's one-piece text stops there, and the row is written from its cells instead."""
    contract = make_contract(db, registry="gold-standard")
    delivery = make_delivery(db, contract, tonnes="2", serial_block="", registry="gold-standard")
    held = "x" + "," * commas + "\0tail"  # as many commas as the cells a cut drops: 4 after
    db.execute(f"update deliveries set {column} = ? where id = ?", [held, delivery])
    written = io.StringIO()
    csv_safe.write_rows(written, ["h"], tracker_csv.export_rows(db, "deliveries"))
    assert written.getvalue().count("\0tail") == 1


def test_a_contract_reference_cut_short_by_a_nul_is_exported_whole(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db, registry="gold-standard")
    make_delivery(db, contract, tonnes="2", serial_block="", registry="gold-standard")
    db.execute("update contracts set reference = ? where id = ?", ["C-1\0tail", contract])
    written = io.StringIO()
    csv_safe.write_rows(written, ["h"], tracker_csv.export_rows(db, "deliveries"))
    assert "C-1\0tail," in written.getvalue()


def test_the_export_reads_the_noted_deliveries_not_every_delivery_again(
    db: sqlite_utils.Database,
) -> None:
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    list(csv_rows.delivery_line_chunks(db))
    db.conn.set_trace_callback(None)
    (export,) = statements
    plan = [row[3] for row in db.execute(f"explain query plan {export}")]
    assert any("deliveries_holding_nul" in line for line in plan)
    scans = [line for line in plan if line.startswith("SCAN")]
    assert [line.split()[1] for line in scans] == ["c", "contracts"], plan  # no deliveries


def test_a_ledger_of_the_previous_release_exports_the_same_text(tmp_path: Path) -> None:
    """The upgrade notes the deliveries a ledger written by hand holds with a NUL; each
    row is exported whole, as its cells are."""
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m013_deliveries_holding_nul")
    write_ledger(old, Spec(contracts=3, deliveries=200, retirements=0, seed=5))
    held = old.execute("select min(id), max(id) from deliveries").fetchone()
    old.execute("update deliveries set verifier = ? where id = ?", ["V\0x", held[0]])
    old.execute("update deliveries set reference = ? where id = ?", ["R1\0y", held[1]])
    old.conn.commit()
    old.close()

    db = open_database(path)

    assert db.execute("select delivery_id from deliveries_holding_nul").fetchall() == [
        (held[0],),
        (held[1],),
    ]
    cells = [
        [csv_safe.neutralise(cell) for cell in row]
        for chunk in csv_rows.delivery_cell_chunks(db)
        for row in chunk
    ]
    assert csv_safe.to_text(["h"], tracker_csv.export_rows(db, "deliveries")) == (
        csv_safe.to_text(["h"], cells)
    )
    db.close()
