"""Refusals of imported files carry a message code; their English wording is unchanged.

The command line, CSV reports and logs show the English ``reason`` as before; the
window words the message (``reason_message``) in its language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import make_contract
from tests.services.registry_files import acr_file, acr_retirement, gs_file, gs_row
from tracker.domain.errors import ImportRefused, ValidationError
from tracker.domain.messages import render
from tracker.services.audit import verification_csv
from tracker.services.delivery_import import import_deliveries
from tracker.services.registry import ImportOptions, preview_registry_file
from tracker.services.registry.common import require
from tracker.services.registry.gold_standard import LAYOUTS as GOLD_STANDARD
from tracker.services.registry.model import Layout, RegistryRow
from tracker.services.registry.puro import LAYOUTS as PURO
from tracker.services.registry.rows import record_row
from tracker.services.registry.text import read_table
from tracker.services.registry.values import (
    parse_quantity,
    parse_registry_date,
    parse_vintage,
    tonnes_to_kg,
    whole_kg,
)
from tracker.store import queries

DATES = "M/D/YYYY [h:mm:ss AM], DD.MM.YYYY or ISO 8601 (YYYY-MM-DD[Thh:mm:ss[.ffffff][Z]])"


def refusal(action: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        action()  # type: ignore[operator]
    return caught.value


def coded(error: ValidationError) -> tuple[str, str]:
    """(code, English reason); the reason is the message's English wording."""
    assert error.reason_message is not None, error.reason
    assert render(error.reason_message) == error.reason
    return error.reason_message.code, error.reason


@pytest.mark.parametrize(
    ("action", "code", "english"),
    [
        (lambda: parse_registry_date("", "Date"), "error.registry_date_required",
         f"is required (a date: {DATES})"),
        (lambda: parse_registry_date("2/30/2025", "Date"), "error.not_a_calendar_date",
         "is not a real calendar date"),
        (lambda: parse_registry_date("soon", "Date"), "error.not_a_registry_date",
         f"is not a date ({DATES})"),
        (lambda: parse_quantity("", "Q"), "error.quantity_required", "is required (a quantity)"),
        (lambda: parse_quantity("-1", "Q"), "error.negative", "must not be negative"),
        (lambda: parse_quantity("1,5x", "Q"), "error.not_a_quantity",
         "is not a quantity (digits, grouped like 1,234.5)"),
        (lambda: parse_quantity("1.5x", "Q", decimal_comma=True), "error.not_a_quantity",
         "is not a quantity (digits, grouped like 1.234,5)"),
        (lambda: tonnes_to_kg(parse_quantity("0.0001", "Q"), "Q", "0.0001"),
         "error.tonnes_precision", "has more precision than 0.001 t (one kilogram)"),
        (lambda: tonnes_to_kg(parse_quantity("0", "Q"), "Q", "0"), "error.not_positive",
         "must be greater than zero"),
        (lambda: whole_kg(parse_quantity("1.5", "Q"), "Q", "1.5"), "error.not_whole_kilograms",
         "is not a whole number of kilograms"),
        (lambda: parse_vintage("1850", "Vintage"), "error.not_a_vintage",
         "is not a vintage year between 1900 and 2200"),
        (lambda: require({}, "serial", "Serial Number"), "error.required", "is required"),
    ],
)  # fmt: skip
def test_refused_registry_values_keep_their_english(
    action: object, code: str, english: str
) -> None:
    assert coded(refusal(action)) == (code, english)


def test_an_unknown_puro_type_keeps_its_english() -> None:
    layout: Layout = PURO[0]
    error = refusal(lambda: layout.parse(2, {"type": "swap"}, False))
    assert coded(error) == ("error.not_a_puro_type", "is not RETIREMENT, TRANSFER or CANCELLATION")


def _preview_reason(db: sqlite_utils.Database, tmp_path: Path, data: bytes) -> tuple[str, str]:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    [outcome] = preview_registry_file(db, path).outcomes
    assert outcome.reason_message is not None, outcome.reason
    assert outcome.reason == outcome.refused + render(outcome.reason_message)
    error = outcome.as_error()
    assert (error.reason, error.reason_message) == (outcome.reason, outcome.reason_message)
    return outcome.reason_message.code, outcome.reason


def test_an_unknown_gold_standard_status_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    found = _preview_reason(db, tmp_path, gs_file(gs_row(status="Parked")))
    assert found == (
        "error.not_a_credit_status",
        "'Parked' is not a credit status this tracker reads "
        "(issued, transferred, retired, cancelled, canceled)",
    )


def test_a_negative_registry_quantity_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    found = _preview_reason(db, tmp_path, acr_file(acr_retirement(quantity="-1")))
    assert found == ("error.negative", "'-1' must not be negative")


def test_a_retired_block_no_delivery_holds_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="C-1", registry="gold-standard", registry_project_ids="GS11603")
    row = gs_row(status="Retired", retired="2026-04-10", entity="Buyer Co")
    code, english = _preview_reason(db, tmp_path, gs_file(row))
    assert code == "error.retired_block_not_delivered"
    assert english == (
        "'GS1-1-KE-GS11603-16-2025-30256-1-100' is in no delivery of the ledger: import its "
        "delivery first, or record it as delivered and retired (--deliver-retired)"
    )


def _gold_standard_row(data: bytes) -> RegistryRow:
    table = read_table("gs.csv", data)
    [(line, cells)] = list(table.rows())
    return GOLD_STANDARD[0].parse(line, cells, table.decimal_comma)


def test_a_block_no_contract_holds_and_one_of_another_contract_keep_their_english(
    db: sqlite_utils.Database,
) -> None:
    row = _gold_standard_row(gs_file(gs_row()))
    unowned = refusal(lambda: record_row(db, row, None, ImportOptions()))
    assert coded(unowned) == (
        "error.block_needs_contract",
        "no contract holds this serial block yet: choose the contract the credits belong "
        "to (--contract REF)",
    )
    first, second = (make_contract(db, reference=r, registry="gold-standard") for r in "AB")
    record_row(db, row, queries.contract(db, first), ImportOptions())
    taken = refusal(lambda: record_row(db, row, queries.contract(db, second), ImportOptions()))
    assert coded(taken) == (
        "error.already_delivered_under",
        "is already delivered under contract A, not B",
    )


def test_a_project_of_three_contracts_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    for ref in ("GS-A", "GS-B", "GS-C"):
        make_contract(db, reference=ref, registry="gold-standard", registry_project_ids="11603")
    code, english = _preview_reason(db, tmp_path, gs_file(gs_row()))
    assert code == "error.project_of_several_contracts"
    assert english == (
        "project 11603 belongs to contracts GS-A, GS-B and GS-C: choose the contract "
        "(--contract REF)"
    )


def test_verification_rows_naming_no_delivery_keep_their_english(
    db: sqlite_utils.Database,
) -> None:
    missing = refusal(lambda: verification_csv._delivery_id(db, ""))
    assert coded(missing) == (
        "error.delivery_reference_required",
        "is required (a delivery's reference)",
    )
    unknown = refusal(lambda: verification_csv._delivery_id(db, "D-9"))
    assert coded(unknown) == ("error.matches_no_delivery", "matches no delivery")
    header = ",".join(verification_csv.COLUMNS)
    text = f"{header}\nD-9,V,2026-01-01,verified,,,\n"
    with pytest.raises(ImportRefused, match="'D-9' matches no delivery"):
        verification_csv.import_text(db, text, "v.csv")


def test_bulk_delivery_rows_keep_their_english_and_their_message(
    db: sqlite_utils.Database,
) -> None:
    text = (
        "contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,"
        "verifier,verified_on,reference,tranche_due_on\n"
        "NOPE,2026-01-01,10,2025,gold-standard,GS1-1-KE-GS1-16-2025-1-1-10,pending,,,,\n"
        ",2026-01-01,10,2025,gold-standard,GS1-1-KE-GS1-16-2025-1-11-20,pending,,,,\n"
    )
    with pytest.raises(ImportRefused) as caught:
        import_deliveries(db, text, "d.csv")
    unknown, missing = caught.value.errors
    assert unknown.reason == "'NOPE' is not a known contract reference"
    assert unknown.reason_message is not None
    assert unknown.reason_message.code == "error.unknown_contract"
    assert unknown.refused == "'NOPE' "
    assert missing.reason == "is required (a contract reference)"
    assert missing.reason_message is not None
    assert missing.reason_message.code == "error.contract_reference_required"
