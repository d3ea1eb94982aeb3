"""Tracker CSV files as spreadsheets save them (separator, BOM, decimal comma, day-first
dates) import to the same records as their canonical twins; re-imports add nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import sqlite_utils

from tests.factories import contract_data, counts, make_contract, make_delivery
from tracker.domain.errors import ImportRefused, ValidationError
from tracker.services.csv_safe import to_text
from tracker.services.demo import load_demo
from tracker.services.retirements import retire
from tracker.services.tracker_csv import IMPORT_KINDS, export_rows, header, import_text
from tracker.services.tracker_dialect import DATE_COLUMNS, NUMBER_COLUMNS
from tracker.store.database import open_database

AS_OF = dt.date(2027, 1, 1)


def _export(db: sqlite_utils.Database, kind: str) -> str:
    return to_text(header(kind), export_rows(db, kind, as_of=AS_OF))


def _european_number(text: str, grouped: bool) -> str:
    whole, _, frac = text.partition(".")
    digits = f"{int(whole):,}".replace(",", ".") if grouped else whole
    return digits + ("," + frac if frac else "")


def _spreadsheet(canonical: str, date_style: str, separator: str = ";") -> bytes:
    """The canonical file as a European spreadsheet saves it."""
    rows = list(csv.reader(io.StringIO(canonical)))
    head = rows[0]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(head)
    for row in rows[1:]:
        cells = []
        for name, cell in zip(head, row, strict=True):
            if name in NUMBER_COLUMNS and cell:
                cell = _european_number(cell, grouped=separator == ";")
            elif name in DATE_COLUMNS and cell:
                day = dt.date.fromisoformat(cell)
                cell = day.strftime("%d.%m.%Y" if date_style == "dotted" else "%d/%m/%Y")
            cells.append(cell)
        writer.writerow(cells)
    return b"\xef\xbb\xbf" + out.getvalue().encode()


@pytest.mark.parametrize(
    ("date_style", "separator"), [("dotted", ";"), ("slashed", ";"), ("dotted", "\t")]
)
def test_spreadsheet_files_import_to_the_same_records_as_their_canonical_twins(
    db: sqlite_utils.Database, date_style: str, separator: str
) -> None:
    load_demo(db)
    canonical, spreadsheet = open_database(":memory:"), open_database(":memory:")
    for kind in IMPORT_KINDS:
        text = _export(db, kind)
        import_text(canonical, kind, text, f"{kind}.csv")
        data = _spreadsheet(text, date_style, separator)
        result = import_text(spreadsheet, kind, data, f"{kind}.csv")
        assert f"separator {'tab' if separator == chr(9) else repr(separator)}" in result.notes
    for kind in (*IMPORT_KINDS, "summary"):
        assert _export(spreadsheet, kind) == _export(canonical, kind), kind


def test_a_spreadsheet_file_imported_again_adds_nothing(db: sqlite_utils.Database) -> None:
    load_demo(db)
    before = counts(db)
    for kind in IMPORT_KINDS:
        result = import_text(db, kind, _spreadsheet(_export(db, kind), "dotted"), kind)
        assert result.added == 0
    assert counts(db) == before


def test_the_notes_say_what_was_assumed(db: sqlite_utils.Database) -> None:
    make_contract(db, reference="C-1", tonnes="5000")
    text = "contract;due_on;tonnes;vintage;price_per_tonne\nC-1;31.12.2025;1.000,5;2025;\n"

    result = import_text(db, "schedule", text.encode(), "s.csv")

    assert result.notes == (
        "separator ';'",
        "decimal comma (1.234,5 read as 1234.5)",
        "dates DD.MM.YYYY read day-first",
    )


def test_grouped_whole_tonnes_in_a_semicolon_file_read_as_thousands_and_say_so(
    db: sqlite_utils.Database,
) -> None:
    make_contract(db, reference="C-1", tonnes="5000")
    text = "contract;due_on;tonnes;vintage;price_per_tonne\nC-1;2025-12-31;1.000;2025;\n"

    result = import_text(db, "schedule", text, "s.csv")

    assert db.execute("select tonnes_kg from tranches").fetchone() == (1_000_000,)
    assert "numbers such as 1.000 read as thousands" in result.notes[1]


def test_a_header_error_names_the_separator(db: sqlite_utils.Database) -> None:
    text = ";".join(c for c in header("contracts") if c != "reference") + "\n"
    with pytest.raises(ImportRefused) as refused:
        import_text(db, "contracts", text, "c.csv")
    [error] = refused.value.errors
    assert error.column == "reference"
    assert error.reason.startswith("the file uses ';' as separator and lacks column reference")


def test_slash_dates_that_never_show_their_order_are_refused(db: sqlite_utils.Database) -> None:
    make_contract(db, reference="C-1")
    text = "contract,due_on,tonnes,vintage,price_per_tonne\nC-1,03/04/2025,10,,\n"
    with pytest.raises(ImportRefused, match="due_on: '03/04/2025' is not a valid date"):
        import_text(db, "schedule", text, "s.csv")


def test_a_contracts_file_written_before_project_ids_still_imports_and_re_imports(
    db: sqlite_utils.Database,
) -> None:
    make_contract(db, reference="C-1", registry_project_ids="ACR1129")
    old = {k: v for k, v in contract_data(reference="C-1").items() if k != "registry_project_ids"}
    text = ",".join(old) + "\n" + ",".join(old.values()) + "\n"

    result = import_text(db, "contracts", text, "old.csv")

    assert (result.added, result.unchanged) == (0, 1)


def test_deliveries_with_an_empty_registry_import_twice_adding_nothing(
    db: sqlite_utils.Database,
) -> None:
    make_contract(db, reference="C-1", registry="acr")
    text = (
        ",".join(header("deliveries")[:-1])  # a file without uids (the previous release)
        + "\nC-1,2025-06-30,100,2025,,ACR-US-1-2025-1-1 to 100,verified,SCS,2025-07-15,TX-1,\n"
    )
    import_text(db, "deliveries", text, "d.csv")

    again = import_text(db, "deliveries", text, "d.csv")

    assert (again.added, again.unchanged) == (0, 1)


def test_retirements_drawn_oldest_first_import_twice_adding_nothing(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db, reference="C-1", registry="acr")
    make_delivery(db, contract, serial_block="ACR-US-1-2025-1-1 to 60", tonnes="60")
    make_delivery(db, contract, serial_block="ACR-US-1-2025-1-61 to 100", tonnes="40")
    text = (
        ",".join(header("retirements")[:-1])
        + "\nC-1,2025-09-30,80,,Buyer Co,corporate-target,2025-01-01,2025-12-31,\n"
    )
    import_text(db, "retirements", text, "r.csv")

    again = import_text(db, "retirements", text, "r.csv")

    assert (again.added, again.unchanged) == (0, 1)
    assert counts(db)["retirements"] == 2


def test_every_bad_cell_of_a_row_is_reported(db: sqlite_utils.Database) -> None:
    make_contract(db, reference="C-1")
    text = (
        ",".join(header("retirements")[:-1])
        + "\nC-1,2025-02-30,-1,,Buyer Co,bragging,2025-01-01,2025-12-31,\n"
    )
    with pytest.raises(ImportRefused) as refused:
        import_text(db, "retirements", text, "r.csv")
    assert [e.column for e in refused.value.errors] == ["retired_on", "tonnes", "purpose"]


def test_a_file_with_many_bad_rows_lists_fifty_and_counts_the_rest(
    db: sqlite_utils.Database,
) -> None:
    text = "contract,due_on,tonnes,vintage,price_per_tonne\n" + "C-9,2025-12-31,1,,\n" * 60
    with pytest.raises(ImportRefused, match="… and 10 more"):
        import_text(db, "schedule", text, "s.csv")


def test_retiring_part_of_a_tonne_on_a_whole_tonne_registry_says_so_first(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db, reference="C-1", registry="acr")
    make_delivery(db, contract, serial_block="ACR-US-1-2025-1-1 to 17", tonnes="17")
    with pytest.raises(ValidationError) as refused:
        retire(db, contract, {"retired_on": "2025-09-30", "tonnes": "2.5"})
    assert refused.value.reason == "must be whole tonnes: acr serial numbers count whole tonnes"


def test_numbers_in_refusals_are_grouped(db: sqlite_utils.Database) -> None:
    contract = make_contract(db, reference="C-1", registry="acr", tonnes="100000")
    make_delivery(db, contract, serial_block="ACR-US-1-2025-1-1 to 17000", tonnes="17000")
    with pytest.raises(ValidationError) as refused:
        retire(db, contract, {"retired_on": "2025-09-30", "tonnes": "43000"})
    assert "is more than the 17,000.000 t of C-1 delivered by then" in refused.value.reason
