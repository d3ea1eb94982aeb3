"""Registry import: preview writes nothing, apply is all or nothing and idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import counts, make_contract, make_delivery
from tests.services.registry_files import (
    acr_file,
    acr_retirement,
    gs_file,
    gs_row,
    iso_file,
    iso_retirement,
    verra_delivery,
    verra_file,
)
from tracker.domain.errors import ImportRefused
from tracker.services import tracker_csv
from tracker.services.csv_safe import to_text
from tracker.services.registry import (
    Action,
    ImportOptions,
    import_registry_file,
    preview_registry_file,
)
from tracker.store import queries


def write(tmp_path: Path, data: bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_preview_lists_rows_to_add_and_writes_nothing(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="C-1", registry="gold-standard")
    path = write(
        tmp_path,
        gs_file(gs_row(), gs_row(serial="GS1-1-KE-GS11603-16-2025-30256-101-150", quantity="50")),
    )
    before = counts(db)

    preview = preview_registry_file(db, path, ImportOptions(contract="C-1"))

    assert [o.action for o in preview.outcomes] == [Action.ADD, Action.ADD]
    assert preview.kg(Action.ADD) == 150_000
    assert counts(db) == before


def test_importing_the_same_file_twice_adds_nothing(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="C-1", registry="gold-standard")
    path = write(tmp_path, gs_file(gs_row()))
    import_registry_file(db, path, ImportOptions(contract="C-1"))
    after_first = counts(db)

    second = import_registry_file(db, path, ImportOptions(contract="C-1"))

    assert second.count(Action.PRESENT) == 1
    assert second.count(Action.ADD) == 0
    assert counts(db) == after_first


def test_a_bad_row_refuses_the_whole_file(db: sqlite_utils.Database, tmp_path: Path) -> None:
    make_contract(db, reference="C-1", registry="gold-standard")
    path = write(
        tmp_path, gs_file(gs_row(), gs_row(serial="GS1-1-KE-GS1-16-2025-9-1-100", quantity="-1"))
    )
    with pytest.raises(ImportRefused):
        import_registry_file(db, path, ImportOptions(contract="C-1"))
    assert counts(db)["deliveries"] == 0


def test_retired_block_goes_to_the_contract_whose_delivery_holds_it(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = make_contract(db, reference="C-1", registry="acr")
    make_delivery(db, contract, serial_block="ACR-US-1-2025-1-1 to 100", tonnes="100")
    path = write(
        tmp_path, acr_file(acr_retirement(serial="ACR-US-1-2025-1-1 to 40", quantity="40"))
    )

    result = import_registry_file(db, path)

    [retirement] = queries.retirements(db, contract)
    assert (retirement.tonnes_kg, retirement.beneficiary) == (40_000, "Buyer Co")
    assert str(retirement.claim_start) == "2025-01-01"
    assert result.outcomes[0].contract == "C-1"


def test_deliver_retired_records_the_delivery_and_the_retirement(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = make_contract(db, reference="C-1", registry="acr")
    path = write(tmp_path, acr_file(acr_retirement()))

    import_registry_file(db, path, ImportOptions(contract="C-1", deliver_retired=True))

    [delivery] = queries.deliveries(db, contract)
    assert (delivery.delivered_on.isoformat(), delivery.tonnes_kg) == ("2025-02-03", 100_000)
    assert len(queries.retirements(db, contract)) == 1


def test_cancellations_and_project_issuances_are_skipped_with_a_reason(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="C-1", registry="gold-standard")
    path = write(tmp_path, gs_file(gs_row(status="Cancelled", retired="2026-04-01")))

    preview = preview_registry_file(db, path, ImportOptions(contract="C-1"))

    [outcome] = preview.outcomes
    assert outcome.action is Action.SKIP
    assert "cancellation" in outcome.reason


def test_isometric_retirement_draws_oldest_first_and_reimports_as_present(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = make_contract(db, reference="C-1", registry="isometric")
    make_delivery(
        db, contract, registry="isometric", serial_block="ISO-1-A-2024-1-10000", tonnes="10"
    )
    path = write(tmp_path, iso_file(iso_retirement(kgs="2500")))

    import_registry_file(db, path, ImportOptions(contract="C-1"))
    again = import_registry_file(db, path, ImportOptions(contract="C-1"))

    [retirement] = queries.retirements(db, contract)
    assert retirement.block.text == "ISO-1-A-2024-1-2500"
    assert retirement.registry_reference == "ret_1"
    assert again.count(Action.PRESENT) == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_encodings_are_recognised(db: sqlite_utils.Database, tmp_path: Path, encoding: str) -> None:
    make_contract(db, reference="C-1", registry="gold-standard")
    text = gs_file(
        gs_row(entity="Société Générale", status="Retired", retired="2026-04-10")
    ).decode()
    make_delivery(
        db, 1, registry="gold-standard", serial_block="GS1-1-KE-GS11603-16-2025-30256-1-100"
    )
    path = write(tmp_path, text.encode(encoding))

    import_registry_file(db, path)

    [retirement] = queries.retirements(db)
    assert retirement.beneficiary == "Société Générale"


def test_semicolon_file_with_decimal_commas(db: sqlite_utils.Database, tmp_path: Path) -> None:
    make_contract(db, reference="C-1", registry="isometric")
    make_delivery(db, 1, registry="isometric", serial_block="ISO-1-A-2024-1-10000", tonnes="10")
    data = (
        b"retirement_id;retired_at;credit_batch_size_total.credits;"
        b"credit_batch_size_total.credit_kgs;beneficiary.name\n"
        b'ret_9;2026-04-09T18:21:22Z;1,5;1.500;"Buyer Co, GmbH"\n'
    )

    import_registry_file(db, write(tmp_path, data), ImportOptions(contract="C-1"))

    [retirement] = queries.retirements(db)
    assert (retirement.tonnes_kg, retirement.beneficiary) == (1500, "Buyer Co, GmbH")


def test_multiline_notes_and_trailing_empty_columns(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="C-1", registry="acr")
    row = acr_retirement(beneficiary="Line one\nline two") + ",,"
    preview = preview_registry_file(
        db,
        write(tmp_path, acr_file(row, acr_retirement(serial="ACR-US-1-2025-1-101 to 200"))),
        ImportOptions(contract="C-1", deliver_retired=True),
    )
    assert [o.line for o in preview.outcomes] == [2, 4]
    assert preview.errors == []


def test_the_trackers_own_deliveries_file_is_accepted(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = make_contract(db, reference="C-1")
    make_delivery(db, contract)
    text = to_text(tracker_csv.header("deliveries"), tracker_csv.export_rows(db, "deliveries"))

    preview = preview_registry_file(db, write(tmp_path, text.encode()))

    assert [o.action for o in preview.outcomes] == [Action.PRESENT]
    assert preview.layout == "tracker deliveries"


def test_verra_issued_rows_become_deliveries(db: sqlite_utils.Database, tmp_path: Path) -> None:
    contract = make_contract(db, reference="C-1", registry="verra")
    import_registry_file(
        db,
        write(tmp_path, verra_file(verra_delivery(quantity="100"))),
        ImportOptions(contract="C-1"),
    )
    [delivery] = queries.deliveries(db, contract)
    assert (delivery.vintage, delivery.block.start, delivery.block.end) == (2020, 1001, 1100)


def test_deliver_retired_import_is_idempotent(db: sqlite_utils.Database, tmp_path: Path) -> None:
    make_contract(db, reference="C-1", registry="acr")
    path = write(tmp_path, acr_file(acr_retirement()))
    options = ImportOptions(contract="C-1", deliver_retired=True)
    import_registry_file(db, path, options)
    after_first = counts(db)

    again = import_registry_file(db, path, options)

    assert again.count(Action.PRESENT) == 1
    assert counts(db) == after_first


def test_puro_records_keep_the_issuance_in_the_serial_prefix(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = make_contract(db, reference="C-1", registry="puro")
    block = "PURO_PR_CORC100+_FI_577166_2020_0f3c9a7e-1b2d-4c8e-9f00-123456789abc"
    data = (
        "id,type,completedOn,volume,certificates,retirementDetails.beneficiaryName,"
        "retirementDetails.retirementPurpose,retirementDetails.consumptionPeriodStartDate,"
        "retirementDetails.consumptionPeriodEndDate\n"
        f"tr-1,TRANSFER,2025-03-01T10:00:00Z,100,{block}_1-100,,,,\n"
        f"rt-1,RETIREMENT,2025-06-01T10:00:00Z,40,{block}_1-40,Buyer Co,"
        "Corporate target,2024-01-01,2024-12-31\n"
    ).encode()

    import_registry_file(db, write(tmp_path, data), ImportOptions(contract="C-1"))

    [delivery] = queries.deliveries(db, contract)
    [retirement] = queries.retirements(db, contract)
    assert delivery.block.prefix.endswith("123456789abc")
    assert (retirement.tonnes_kg, str(retirement.claim_end)) == (40_000, "2024-12-31")
    assert retirement.purpose.value == "corporate-target"
