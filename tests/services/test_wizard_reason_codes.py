"""The import wizard's skip reasons, notes, the tracker CSV's header refusals and the bulk
delivery import's serial clashes carry a message code; their English is unchanged.

The command line shows the English ``reason`` as before; the window words the message
(``reason_message``) in its language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tests.services.registry_files import gs_file, gs_row, iso_file
from tracker.domain.errors import ImportRefused, RowError
from tracker.domain.messages import render
from tracker.services.delivery_import import import_deliveries
from tracker.services.registry import ImportOptions, RowOutcome, preview_registry_file
from tracker.services.registry.model import RowKind
from tracker.services.registry.rows import SKIP_REASONS
from tracker.services.tracker_csv import header, import_text

PROJECT = "prj_1HHYZFVGW1S044ZY"
BLOCK = "GS1-1-KE-GS11603-16-2025-30256-1-100"


def iso_row(beneficiary: str, project: str = PROJECT) -> str:
    return f"ret_1,2026-04-09T18:21:22Z,['corporate_targets'],{beneficiary},2.0,2000,{project}"


def _skipped(
    db: sqlite_utils.Database, tmp_path: Path, data: bytes, contract: str | None = None
) -> RowOutcome:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    [outcome] = preview_registry_file(db, path, ImportOptions(contract=contract)).outcomes
    assert outcome.reason_message is not None
    assert outcome.reason == render(outcome.reason_message)
    return outcome


def coded(outcome: RowOutcome | RowError) -> tuple[str, str]:
    assert outcome.reason_message is not None
    return outcome.reason_message.code, outcome.reason


@pytest.fixture
def iso_contract(db: sqlite_utils.Database) -> int:
    return make_contract(
        db, reference="MSFT-ISO", buyer="Microsoft", registry="isometric",
        registry_project_ids=PROJECT,
    )  # fmt: skip


def test_another_buyers_row_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path, iso_contract: int
) -> None:
    outcome = _skipped(db, tmp_path, iso_file(iso_row("Workday")))
    assert coded(outcome) == (
        "error.skip_other_buyer",
        "belongs to another buyer (Workday): not one of your own names (Tools → Audit settings)",
    )


def test_projects_of_no_contract_and_of_another_contract_keep_their_english(
    db: sqlite_utils.Database, tmp_path: Path, iso_contract: int
) -> None:
    none = _skipped(db, tmp_path, iso_file(iso_row("Microsoft", "prj_NONE")))
    assert coded(none) == (
        "error.skip_project_of_no_contract",
        "project prj_NONE (isometric) belongs to no contract: add it to the contract's "
        "registry project ids to import it",
    )
    not_its = _skipped(db, tmp_path, iso_file(iso_row("Microsoft", "prj_X")), "MSFT-ISO")
    assert coded(not_its) == (
        "error.skip_project_not_of_contract",
        f"project prj_X is not a project of contract MSFT-ISO (its registry project ids: "
        f"{PROJECT})",
    )
    make_contract(db, reference="OTHER", registry="isometric", registry_project_ids="prj_O")
    other = _skipped(db, tmp_path, iso_file(iso_row("Microsoft")), "OTHER")
    assert coded(other) == (
        "error.skip_project_of_other_contract",
        f"project {PROJECT} belongs to contract MSFT-ISO, not OTHER (--contract)",
    )


def test_a_block_another_contract_holds_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="GS-1", registry="gold-standard", registry_project_ids="11603")
    other = make_contract(db, reference="GS-2", registry="gold-standard")
    make_delivery(db, other, registry="gold-standard", serial_block=BLOCK)

    outcome = _skipped(db, tmp_path, gs_file(gs_row(serial=BLOCK)), "GS-1")

    assert coded(outcome) == (
        "error.skip_block_of_other_contract",
        "its serial block was delivered under contract GS-2, not GS-1 (--contract)",
    )


def test_cancellations_and_project_issuances_keep_their_english() -> None:
    assert {k: (m.code, render(m)) for k, m in SKIP_REASONS.items()} == {
        RowKind.CANCELLATION: (
            "error.skip_cancellation",
            "a cancellation: cancelled credits are never a delivery or a retirement of "
            "yours (reconcile compares them with your deliveries)",
        ),
        RowKind.ISSUANCE_SUMMARY: (
            "error.skip_issuance_summary",
            "a project-level issuance without serial numbers: credits issued to the "
            "project, not delivered to your account (import the transfer or retirement "
            "report for deliveries)",
        ),
    }


def test_the_note_on_a_contract_without_project_ids_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="GS-1", registry="gold-standard")
    path = tmp_path / "gs.csv"
    path.write_bytes(gs_file(gs_row()))

    preview = preview_registry_file(db, path, ImportOptions(contract="GS-1"))

    [note] = preview.warnings
    assert note.code == "error.no_project_ids"
    assert (
        "  Note: contract GS-1 lists no registry project ids, so rows of any project were "
        "taken as its own: add its project ids to the contract."
    ) in preview.describe()


def _header_errors(db: sqlite_utils.Database, text: str) -> list[RowError]:
    with pytest.raises(ImportRefused) as refused:
        import_text(db, "contracts", text, "c.csv")
    return refused.value.errors


def test_header_refusals_keep_their_english(db: sqlite_utils.Database) -> None:
    columns = [c for c in header("contracts") if c != "reference"]
    lacking, unknown = _header_errors(db, "\t".join([*columns, "colour"]) + "\n")
    expected = ",".join(header("contracts"))
    assert coded(lacking) == (
        "error.lacks_column",
        f"the file uses tab as separator and lacks column reference (expected: {expected})",
    )
    assert coded(unknown) == (
        "error.not_a_kind_column",
        "is not a contracts column (the file uses tab as separator)",
    )
    [semicolon] = _header_errors(db, ";".join(columns) + "\n")
    assert semicolon.reason.startswith("the file uses ';' as separator and lacks column")


def test_mixed_date_orders_keep_their_english(db: sqlite_utils.Database) -> None:
    make_contract(db, reference="C-1")
    columns = header("schedule")
    rows = [
        dict.fromkeys(columns, "") | {"contract": "C-1", "tonnes": "1", "due_on": day}
        for day in ("13/01/2026", "01/13/2026")
    ]
    text = "\n".join([",".join(columns), *(",".join(r[c] for c in columns) for r in rows)])
    with pytest.raises(ImportRefused) as refused:
        import_text(db, "schedule", text + "\n", "s.csv")
    [error] = refused.value.errors
    assert coded(error) == (
        "error.mixed_date_order",
        "mixes day-first and month-first dates: use YYYY-MM-DD",
    )


def test_serial_clashes_of_the_bulk_delivery_import_keep_their_english(
    db: sqlite_utils.Database,
) -> None:
    make_contract(db, registry="isometric")
    head = ",".join(header("deliveries")[:-1]) + "\n"  # a file without uids
    import_text(
        db, "deliveries",
        head + "C-1,2025-06-30,1.000,2025,,ISO-1-A-2025-1-1000,verified,V,2025-07-01,A,\n"
        "C-1,2025-06-30,1,2025,,cb_01JBATCHONE,verified,V,2025-07-01,B,\n",
        "first.csv",
    )  # fmt: skip
    text = head + (
        "C-1,2025-07-30,0.010,2025,,ISO-1-A-2025-995-1004,pending,,,C,\n"
        "C-1,2025-07-30,1,2025,,cb_01JBATCHONE,pending,,,F,\n"
    )
    with pytest.raises(ImportRefused) as refused:
        import_deliveries(db, text, "second.csv")
    overlap, batch = refused.value.errors
    assert coded(overlap) == (
        "error.overlaps_delivered",
        "'ISO-1-A-2025-995-1004' overlaps 'ISO-1-A-2025-1-1000', already delivered under "
        "contract C-1",
    )
    assert overlap.refused == "'ISO-1-A-2025-995-1004' "
    assert coded(batch) == (
        "error.same_batch_delivered",
        "'cb_01JBATCHONE' is the batch 'cb_01JBATCHONE', already delivered under contract C-1",
    )


@pytest.mark.parametrize(
    ("registry", "code", "reason"),
    [
        (
            "auto",
            "error.not_a_registry_export",
            "is not a registry export this tracker reads: closest is CAR project issuances, "
            "which needs the column(s) 'date issued', 'total offset credits issued'",
        ),
        (
            "verra",
            "error.not_an_export_of",
            "is not a verra export this tracker reads: closest is Verra transactions, which "
            "needs the column(s) 'issuance date', 'quantity issued', "
            "'retirement/cancellation date', 'serial number'",
        ),
        (
            "nope",
            "error.not_one_of",
            "'nope' is not one of auto, verra, gold-standard, acr, car, art, isometric, puro",
        ),
    ],
)
def test_a_file_of_no_known_layout_keeps_its_english(
    db: sqlite_utils.Database, tmp_path: Path, registry: str, code: str, reason: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Vintage,Quantity\n2025,1\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        preview_registry_file(db, path, ImportOptions(registry=registry))
    [error] = refused.value.errors
    assert coded(error) == (code, reason)
