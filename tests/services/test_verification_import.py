"""`import verifications`: every row or none, errors naming row and column."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.domain.errors import ImportRefused
from tracker.services.audit import verification_csv
from tracker.store import change_log, queries

HEADER = "delivery_reference,verifier,verified_on,outcome,verified_tonnes,evidence,note\n"


@pytest.fixture
def deliveries(db: sqlite_utils.Database) -> tuple[int, int]:
    contract = make_contract(db)
    first = make_delivery(db, contract, verification_status="pending", verifier="", verified_on="")
    second = make_delivery(
        db,
        contract,
        serial_block="ACR-US-1-2025-1-101 to 200",
        reference="TX-2",
        verification_status="pending",
        verifier="",
        verified_on="",
    )
    return first, second


def _count(db: sqlite_utils.Database) -> int:
    return db.execute("select count(*) from verifications").fetchone()[0]


def test_rows_are_imported_and_statuses_follow(db, deliveries) -> None:
    text = HEADER + (
        "TX-1,DNV,2025-08-01,verified,100,https://x/1,\nTX-2,DNV,2025-08-02,failed,,,leakage\n"
    )
    result = verification_csv.import_text(db, text, "v.csv")
    assert (result.added, result.unchanged) == (2, 0)
    assert [queries.delivery(db, d).verification_status.value for d in deliveries] == [
        "verified",
        "failed",
    ]


def test_one_bad_row_refuses_the_whole_file(db, deliveries) -> None:
    text = HEADER + "TX-1,DNV,2025-08-01,verified,100,,\nTX-9,DNV,2025-13-01,verified,100,,\n"
    with pytest.raises(ImportRefused) as refused:
        verification_csv.import_text(db, text, "v.csv")
    assert [str(e) for e in refused.value.errors] == [
        "row 3, column verified_on: '2025-13-01' is not a valid date as YYYY-MM-DD",
        "row 3, column delivery_reference: 'TX-9' matches no delivery",
    ]
    assert _count(db) == 0


def test_errors_name_the_row_and_column(db, deliveries) -> None:
    text = HEADER + "TX-1,DNV,2025-08-01,verified,,,\n"
    with pytest.raises(ImportRefused) as refused:
        verification_csv.import_text(db, text, "v.csv")
    assert str(refused.value.errors[0]) == (
        "row 2, column verified_tonnes: is required when the outcome is verified"
    )


def test_importing_the_same_file_twice_adds_nothing(db, deliveries) -> None:
    text = HEADER + "TX-1,DNV,2025-08-01,verified,100,https://x/1,\n"
    verification_csv.import_text(db, text, "v.csv")
    again = verification_csv.import_text(db, text, "v.csv")
    assert (again.added, again.unchanged, _count(db)) == (0, 1, 1)


def test_an_import_is_logged_as_one_summary_entry_after_its_rows(db, deliveries) -> None:
    verification_csv.import_text(db, HEADER + "TX-1,DNV,2025-08-01,verified,100,,\n", "v.csv")
    last = change_log.entries(db, newest_first=True, limit=3)
    assert [(e.action, e.table_name) for e in last] == [
        ("import", "verifications"),
        ("update", "deliveries"),
        ("insert", "verifications"),
    ]
    assert last[0].after == {"file": "v.csv", "added": 1, "unchanged": 0}


def test_export_reimports_to_the_same_records(db, deliveries) -> None:
    text = HEADER + "TX-1,DNV,2025-08-01,verified,99.5,https://x/1,=note\n"
    verification_csv.import_text(db, text, "v.csv")
    lines = [[str(c) for c in row] for row in verification_csv.export_rows(db)]
    assert lines == [["TX-1", "DNV", "2025-08-01", "verified", "99.5", "https://x/1", "=note"]]
