"""Cells SQLite writes for exports are the cells Python would write: the same tonnes
text, the same neutralised formulas, the same serial ranges."""

from __future__ import annotations

import io
import random

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.domain.quantities import format_tonnes_short
from tracker.services import csv_safe, tracker_csv
from tracker.store import csv_rows, queries


def _sql_value(db: sqlite_utils.Database, expression: str, value: object) -> object:
    return db.execute(f"select {expression}", {"v": value}).fetchone()[0]


def test_tonnes_text_is_format_tonnes_short(db: sqlite_utils.Database) -> None:
    rng = random.Random(2)
    samples = [0, 1, 10, 100, 999, 1000, 1001, 1010, 1100, 150_500, 5_000_000, -1, -1500]
    samples += [rng.randint(-(10**12), 10**12) for _ in range(2_000)]
    sql = csv_rows.tonnes_text(":v")
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
    ("start", "end", "template", "block"),
    [
        (1, 100, "ACR-{start} to {end}", "ACR-1 to 100"),
        (5, 9, "{start}-{end}-KE", "5-9-KE"),  # a range that starts with its number
        (-5, 9, "{start}-{end}-KE", "-5-9-KE"),  # written by hand: a leading minus
        (1, 2, "={start}+{end}", "=1+2"),
        (1, 2, "\0{start}", "\x001"),
        (1, 2, "", ""),
        (1, 2, None, ""),
        (None, None, None, "-batch-7"),
        (None, None, None, "cb_01J"),
        (None, None, None, None),
    ],
)
def test_a_range_cell_is_its_text_neutralised(
    db: sqlite_utils.Database,
    start: int | None,
    end: int | None,
    template: str | None,
    block: str | None,
) -> None:
    """The range's text is computed once a row; what it starts with is read from its
    template, or from the range itself when the template starts with a number."""
    db.execute("create temp table d (serial_start, serial_end, serial_template, serial_block)")
    db.execute("insert into temp.d values (?, ?, ?, ?)", [start, end, template, block])
    cell = csv_rows.DELIVERY_CELLS[5]
    rendered = (
        (template or "").replace("{start}", str(start)).replace("{end}", str(end))
        if start is not None
        else block
    )
    assert db.execute(f"select {cell} from temp.d d").fetchone()[0] == csv_safe.neutralise(rendered)


def test_the_export_text_is_what_csv_writes_of_the_python_lines(
    db: sqlite_utils.Database,
) -> None:
    """Rows joined by SQLite, and rows with a comma or quote in a cell or a cell starting
    as a formula (written from their cells), come out as csv's writer writes the lines
    Python makes of the records, neutralised."""
    contract = make_contract(db, reference="C, quoted", registry="gold-standard")
    make_delivery(db, contract, tonnes="1.5", verifier='Verifier "A", Ltd', serial_block="",
                  registry="gold-standard")  # fmt: skip
    make_delivery(db, contract, tonnes="2", reference="plain-ref", serial_block="",
                  registry="gold-standard")  # fmt: skip
    plain = make_contract(db, reference="E-1", registry="gold-standard")
    make_delivery(db, plain, tonnes="4", reference="@ref", serial_block="",
                  registry="gold-standard")  # fmt: skip
    make_delivery(db, plain, tonnes="5", serial_block="", registry="gold-standard")
    other = make_contract(db, reference="=D-1", registry="gold-standard")  # a formula first
    make_delivery(db, other, tonnes="3", verifier="-Verifier", serial_block="",
                  registry="gold-standard")  # fmt: skip
    refs = queries.contract_references(db)
    expected = io.StringIO()
    csv_safe.write_rows(
        expected,
        ["h"],
        [tracker_csv.delivery_line(d, refs[d.contract_id]) for d in queries.deliveries(db)],
    )

    written = io.StringIO()
    count = csv_safe.write_rows(written, ["h"], tracker_csv.export_rows(db, "deliveries"))

    assert count == 5
    assert written.getvalue() == expected.getvalue()
    assert '"C, quoted"' in written.getvalue()
    assert "'=D-1," in written.getvalue()
    assert ",'@ref," in written.getvalue()
