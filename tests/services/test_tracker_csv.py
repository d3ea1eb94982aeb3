import datetime as dt
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import contract_data, counts, make_contract
from tracker.domain.errors import ImportRefused
from tracker.services.csv_safe import to_text
from tracker.services.demo import load_demo
from tracker.services.tracker_csv import IMPORT_KINDS, export_rows, header, import_text
from tracker.store.database import open_database

AS_OF = dt.date(2027, 1, 1)


def _export(db: sqlite_utils.Database, kind: str) -> str:
    return to_text(header(kind), export_rows(db, kind, as_of=AS_OF))


def test_every_kind_round_trips_through_csv(db: sqlite_utils.Database) -> None:
    load_demo(db)
    fresh = open_database(":memory:")
    for kind in IMPORT_KINDS:
        result = import_text(fresh, kind, _export(db, kind), f"{kind}.csv")
        assert result.unchanged == 0
    for kind in (*IMPORT_KINDS, "summary"):
        assert _export(fresh, kind) == _export(db, kind), kind
    fresh.close()


def test_importing_the_same_file_twice_adds_nothing(db: sqlite_utils.Database) -> None:
    load_demo(db)
    before = counts(db)
    for kind in IMPORT_KINDS:
        result = import_text(db, kind, _export(db, kind), f"{kind}.csv")
        assert result.added == 0
        assert result.unchanged > 0
    assert counts(db) == before


def test_a_bad_row_refuses_the_whole_file_listing_row_and_column(
    db: sqlite_utils.Database,
) -> None:
    text = (
        ",".join(header("contracts")) + "\n"
        + ",".join(contract_data(reference="OK-1").values()) + "\n"
        + ",".join(contract_data(reference="BAD-1", tonnes="-5").values()) + "\n"
        + ",".join(contract_data(reference="BAD-2", currency="XXX").values()) + "\n"
    )  # fmt: skip
    with pytest.raises(ImportRefused) as caught:
        import_text(db, "contracts", text, "contracts.csv")
    errors = [(e.row, e.column) for e in caught.value.errors]
    assert errors == [(3, "tonnes"), (4, "currency")]
    assert "row 3, column tonnes: '-5' must be greater than zero" in str(caught.value)
    assert "nothing was imported" in str(caught.value)
    assert counts(db)["contracts"] == 0


def test_unknown_contract_reference_is_named(db: sqlite_utils.Database) -> None:
    text = "contract,due_on,tonnes,vintage,price_per_tonne\nNOPE,2025-12-31,10,,\n"
    with pytest.raises(ImportRefused, match="row 2, column contract: 'NOPE' is not a known"):
        import_text(db, "schedule", text, "schedule.csv")


def test_rows_may_depend_on_earlier_rows_of_the_same_file(db: sqlite_utils.Database) -> None:
    make_contract(db)
    text = (
        "contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,"
        "verifier,verified_on,reference\n"
        "C-1,2025-06-30,100,2025,,ACR-US-1-2025-1-1 to 100,verified,V,2025-07-01,A\n"
        "C-1,2025-07-30,10,2025,,ACR-US-1-2025-1-95 to 104,pending,,,B\n"
    )
    with pytest.raises(ImportRefused) as caught:
        import_text(db, "deliveries", text, "d.csv")
    (error,) = caught.value.errors
    assert (error.row, error.column) == (3, "serial_block")
    assert "overlaps 'ACR-US-1-2025-1-1 to 100'" in error.reason
    assert counts(db)["deliveries"] == 0


@pytest.mark.parametrize(
    ("first_line", "column", "reason"),
    [
        (
            "contract,due_on,tonnes,vintage",
            "price_per_tonne",
            "the file uses ',' as separator and lacks column price_per_tonne",
        ),
        (
            "contract,due_on,tonnes,vintage,price_per_tonne,colour",
            "colour",
            "not a schedule column",
        ),
        ("contract,contract,due_on,tonnes,vintage,price_per_tonne", "contract", "more than once"),
    ],
)
def test_header_problems_are_named(
    db: sqlite_utils.Database, first_line: str, column: str, reason: str
) -> None:
    with pytest.raises(ImportRefused) as caught:
        import_text(db, "schedule", first_line + "\n", "s.csv")
    assert any(
        e.row == 1 and e.column == column and reason in e.reason for e in caught.value.errors
    )


def test_a_row_with_the_wrong_number_of_cells_is_refused(db: sqlite_utils.Database) -> None:
    text = "contract,due_on,tonnes,vintage,price_per_tonne\nC-1,2025-12-31\n"
    with pytest.raises(ImportRefused, match="row 2, column \\(row\\): has 2 cells"):
        import_text(db, "schedule", text, "s.csv")


def test_an_empty_file_is_refused(db: sqlite_utils.Database) -> None:
    with pytest.raises(ImportRefused, match="the file is empty"):
        import_text(db, "contracts", "", "empty.csv")


def test_a_windows_1252_file_is_read_and_the_encoding_named(
    tmp_path: Path, db: sqlite_utils.Database
) -> None:
    from tracker.services.tracker_csv import import_file

    legacy = tmp_path / "latin.csv"
    text = ",".join(header("contracts")) + "\n" + ",".join(contract_data(buyer="Café").values())
    legacy.write_bytes(text.encode("cp1252"))

    result = import_file(db, "contracts", legacy)

    assert result.added == 1
    assert "encoding cp1252" in result.notes
    assert db.execute("select buyer from contracts").fetchone() == ("Café",)


def test_formula_like_text_is_neutralised_and_restored(db: sqlite_utils.Database) -> None:
    make_contract(db, notes='=HYPERLINK("http://x")', buyer="-Buyer", supplier="@sup")
    text = _export(db, "contracts")
    assert "'=HYPERLINK" in text
    assert ",'-Buyer," in text
    fresh = open_database(":memory:")
    import_text(fresh, "contracts", text, "c.csv")
    assert fresh.execute("select buyer, supplier, notes from contracts").fetchone() == (
        "-Buyer",
        "@sup",
        '=HYPERLINK("http://x")',
    )
    fresh.close()


def test_a_nul_character_in_a_text_cell_is_refused_naming_row_and_column(
    db: sqlite_utils.Database,
) -> None:
    row = ["\0C-9", *list(contract_data().values())[1:]]
    text = ",".join(header("contracts")) + "\n" + ",".join(row) + "\n"
    with pytest.raises(ImportRefused) as refused:
        import_text(db, "contracts", text, "contracts.csv")
    assert "row 2, column reference" in str(refused.value)
    assert "contains a NUL character" in str(refused.value)
    assert counts(db)["contracts"] == 0
