"""Registry rows are attributed to a contract by registry, project id and the buyer's
own names; other buyers' rows are skipped, counted by name, never imported or flagged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import counts, make_contract, make_delivery
from tests.services.registry_files import gs_file, gs_row, iso_file
from tracker.domain.errors import ImportRefused
from tracker.services.audit.engine import evaluate
from tracker.services.own_names import default_own_names, own_names, save_own_names
from tracker.services.registry import (
    Action,
    ImportOptions,
    import_registry_file,
    preview_registry_file,
)
from tracker.store import queries

PROJECT = "prj_1HHYZFVGW1S044ZY"


def iso_row(ident: str, beneficiary: str, kgs: int, project: str = PROJECT) -> str:
    return (
        f"{ident},2026-04-09T18:21:22Z,['corporate_targets'],{beneficiary},{kgs / 1000},"
        f"{kgs},{project}"
    )


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "retirements.csv"
    path.write_bytes(data)
    return path


@pytest.fixture
def stratos(db: sqlite_utils.Database) -> int:
    """Microsoft's Isometric contract with one pending (unverified) delivery of 20 t."""
    contract = make_contract(
        db,
        reference="MSFT-ISO",
        buyer="Microsoft",
        registry="isometric",
        registry_project_ids=PROJECT,
    )
    make_delivery(
        db,
        contract,
        registry="isometric",
        serial_block="ISO-1-MSFT-2025-1-20000",
        tonnes="20",
        verification_status="pending",
        verified_on="",
    )
    return contract


def test_only_the_buyers_rows_of_a_mixed_isometric_file_are_imported_and_flagged(
    db: sqlite_utils.Database, tmp_path: Path, stratos: int
) -> None:
    path = write(
        tmp_path,
        iso_file(
            iso_row("ret_w1", "Workday", 531_000),
            iso_row("ret_m1", "Microsoft", 2_000),
            iso_row("ret_j1", "JPMorganChase", 4_000),
            iso_row("ret_w2", "Workday", 1_000),
            iso_row("ret_m2", "Microsoft Corporation", 3_000),
        ),
    )

    result = import_registry_file(db, path, ImportOptions(contract="MSFT-ISO"))

    assert [r.registry_reference for r in queries.retirements(db)] == ["ret_m1", "ret_m2"]
    assert result.skipped_as("other-buyer") == [("Workday", 2), ("JPMorganChase", 1)]
    flagged = {
        f.subject_id for f in evaluate(db, dt.date(2027, 1, 1)) if f.rule.startswith("RETIRED")
    }
    assert flagged == {r.id for r in queries.retirements(db)}


def test_the_preview_counts_other_buyers_by_name_and_what_each_contract_gets(
    db: sqlite_utils.Database, tmp_path: Path, stratos: int
) -> None:
    rows = [iso_row(f"ret_w{i}", "Workday", 1_000) for i in range(1_200)]
    rows += [iso_row("ret_j1", "JPMorganChase", 1_000), iso_row("ret_m1", "Microsoft", 2_500)]
    preview = preview_registry_file(db, write(tmp_path, iso_file(*rows)))

    text = preview.describe()

    assert "1,201 row(s) belong to other buyers: Workday 1,200, JPMorganChase 1" in text
    assert "to add to MSFT-ISO: 1 row(s), 2.500 t" in text


def test_contract_never_overrides_a_project_the_contract_does_not_carry(
    db: sqlite_utils.Database, tmp_path: Path, stratos: int
) -> None:
    path = write(tmp_path, iso_file(iso_row("ret_m1", "Microsoft", 2_000, "prj_OTHER")))
    before = counts(db)

    result = import_registry_file(db, path, ImportOptions(contract="MSFT-ISO"))

    [outcome] = result.outcomes
    assert (outcome.action, outcome.skip, outcome.party) == (
        Action.SKIP,
        "no-contract",
        "prj_OTHER",
    )
    assert "is not a project of contract MSFT-ISO" in outcome.reason
    assert counts(db) == before


def test_a_row_whose_project_no_contract_carries_is_reported_as_such(
    db: sqlite_utils.Database, tmp_path: Path, stratos: int
) -> None:
    path = write(tmp_path, iso_file(iso_row("ret_m1", "Microsoft", 2_000, "prj_NONE")))

    [outcome] = preview_registry_file(db, path).outcomes

    assert outcome.skip == "no-contract"
    assert "project prj_NONE (isometric) belongs to no contract" in outcome.reason


def test_project_ids_match_with_or_without_the_registrys_prefix(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="GS-1", registry="gold-standard", registry_project_ids="GS11603")
    path = tmp_path / "gs.csv"
    path.write_bytes(gs_file(gs_row()))  # GSID column: 11603

    [outcome] = import_registry_file(db, path).outcomes

    assert (outcome.action, outcome.contract) == (Action.ADD, "GS-1")


def test_contracts_sharing_a_project_are_told_apart_by_vintage(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    for ref, start, end in (
        ("GS-A", "2023-01-01", "2024-12-31"),
        ("GS-B", "2025-01-01", "2026-12-31"),
    ):
        make_contract(
            db, reference=ref, registry="gold-standard", registry_project_ids="11603",
            start_on=start, end_on=end, signed_on="",
        )  # fmt: skip
    path = tmp_path / "gs.csv"
    path.write_bytes(gs_file(gs_row(vintage="2025")))

    [outcome] = import_registry_file(db, path).outcomes

    assert outcome.contract == "GS-B"


def test_contracts_sharing_a_project_and_vintage_ask_for_the_contract(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    for ref in ("GS-A", "GS-B"):
        make_contract(db, reference=ref, registry="gold-standard", registry_project_ids="11603")
    path = tmp_path / "gs.csv"
    path.write_bytes(gs_file(gs_row()))

    with pytest.raises(ImportRefused, match="belongs to contracts GS-A and GS-B: choose"):
        import_registry_file(db, path)


def test_own_names_default_to_the_buyers_and_a_saved_list_replaces_them(
    db: sqlite_utils.Database,
) -> None:
    make_contract(db, reference="A", buyer="Microsoft")
    make_contract(db, reference="B", buyer="microsoft")
    assert own_names(db) == ("Microsoft",)

    save_own_names(db, "Microsoft Corporation\nMSFT Climate Fund\n")

    assert own_names(db) == ("Microsoft Corporation", "MSFT Climate Fund")
    assert default_own_names(db) == ("Microsoft",)


def test_the_demo_contracts_carry_their_known_registry_project_ids(
    db: sqlite_utils.Database,
) -> None:
    from tracker.services.demo import load_demo

    load_demo(db)

    ids = {c.reference: c.registry_project_ids for c in queries.contracts(db)}
    assert ids["MSFT-ALT-ERW"] == ("prj_1JYCV03BW1S0RTE5",)
    assert ids["MSFT-BIOLITE-COOK"] == ("GS11236",)


def test_reconcile_leaves_other_buyers_rows_out_and_counts_them(
    db: sqlite_utils.Database, tmp_path: Path, stratos: int
) -> None:
    from tracker.services.registry.reconcile import reconcile_file

    path = write(tmp_path, iso_file(iso_row("ret_w1", "Workday", 1_000)))

    result = reconcile_file(db, path)

    assert result.flags == ()
    assert result.other_buyers == (("Workday", 1),)


def test_a_spreadsheet_tracker_file_reads_the_same_through_the_registry_import(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="C-1", registry="acr", tonnes="5000")
    path = tmp_path / "schedule.csv"
    path.write_bytes(
        b"\xef\xbb\xbfcontract;due_on;tonnes;vintage;price_per_tonne\r\n"
        b"C-1;31.12.2025;1.000,5;2025;12,50\r\n"
    )

    preview = import_registry_file(db, path)

    assert preview.count(Action.ADD) == 1
    assert "decimal comma (1.234,5 read as 1234.5)" in preview.notes
    assert db.execute("select tonnes_kg, price from tranches").fetchone() == (1_000_500, 125_000)


def test_a_contract_without_project_ids_named_with_contract_is_noted_in_the_preview(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="GS-1", registry="gold-standard")
    path = tmp_path / "gs.csv"
    path.write_bytes(gs_file(gs_row()))

    preview = preview_registry_file(db, path, ImportOptions(contract="GS-1"))

    assert preview.count(Action.ADD) == 1
    assert "contract GS-1 lists no registry project ids" in preview.describe()


def test_contract_narrows_the_file_so_a_block_another_contract_holds_is_skipped(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    block = "GS1-1-KE-GS11603-16-2025-30256-1-100"
    make_contract(db, reference="GS-1", registry="gold-standard", registry_project_ids="11603")
    other = make_contract(db, reference="GS-2", registry="gold-standard")
    make_delivery(db, other, registry="gold-standard", serial_block=block)
    path = tmp_path / "gs.csv"
    path.write_bytes(gs_file(gs_row(serial=block)))

    [outcome] = import_registry_file(db, path, ImportOptions(contract="GS-1")).outcomes

    assert (outcome.action, outcome.skip, outcome.party) == (Action.SKIP, "other-contract", "GS-2")
    assert "delivered under contract GS-2, not GS-1" in outcome.reason
