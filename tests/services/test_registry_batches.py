"""Registry files that name credits by batch id, and transfers whose serials arrive after
the delivery was recorded."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.domain.serials import CreditBatch
from tracker.services.registry import ImportOptions, import_registry_file
from tracker.store import queries
from tracker.store.log_verify import verify_log

PROJECT = "prj_1HHYZFVGW1S044ZY"
HEADER = "id,issued_at,project_id,credit_batch_size_total.credit_kgs,serial_number"


def _issuances(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "issuances.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _contract(db: sqlite_utils.Database) -> int:
    return make_contract(
        db, reference="ISO-C", buyer="Microsoft", registry="isometric",
        registry_project_ids=PROJECT,
    )  # fmt: skip


def test_an_isometric_batch_id_is_imported_as_a_batch_and_again_adds_nothing(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    _contract(db)
    path = _issuances(tmp_path, f"iss_1,2026-04-14T16:50:41Z,{PROJECT},412800,cb_01JBX4Q7M2R8T5V9")

    first = import_registry_file(db, path, ImportOptions(contract="ISO-C"))
    again = import_registry_file(db, path, ImportOptions(contract="ISO-C"))

    (delivery,) = queries.deliveries(db)
    assert (delivery.block, delivery.tonnes_kg) == (CreditBatch("cb_01JBX4Q7M2R8T5V9"), 412_800)
    assert [o.action.value for o in first.outcomes] == ["add"]
    assert [o.action.value for o in again.outcomes] == ["present"]


def test_a_transfer_with_the_reference_of_a_delivery_awaiting_serials_fills_it_in(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = _contract(db)
    awaiting = make_delivery(
        db, contract, registry="isometric", serial_block="", tonnes="20",
        reference="iss_7", delivered_on="2026-04-10", verified_on="2026-04-14",
    )  # fmt: skip
    path = _issuances(tmp_path, f"iss_7,2026-04-14T09:00:00Z,{PROJECT},20000,ISO-1-X-2026-1-20000")

    import_registry_file(db, path, ImportOptions(contract="ISO-C"))

    (delivery,) = queries.deliveries(db)
    assert delivery.id == awaiting
    assert delivery.block is not None
    assert delivery.block.text == "ISO-1-X-2026-1-20000"
    assert verify_log(db).ok
