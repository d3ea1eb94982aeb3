"""Deliveries awaiting serials, and registry batch ids that are not ranges."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.factories import delivery_data, make_contract, make_delivery, retirement_data
from tracker.domain.errors import ValidationError
from tracker.domain.serials import CreditBatch
from tracker.services import tracker_csv
from tracker.services.deliveries import add_delivery, update_delivery
from tracker.services.form_data import delivery_input
from tracker.services.retirements import retire
from tracker.services.summary import portfolio_summary
from tracker.store import queries
from tracker.store.log_verify import verify_log

AS_OF = dt.date(2026, 1, 1)


def _pending(db: sqlite_utils.Database, contract: int, **overrides: object) -> int:
    return make_delivery(db, contract, serial_block="", **overrides)


def test_a_delivery_without_serials_counts_as_delivered(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = _pending(db, contract)
    assert queries.delivery(db, delivery).block is None
    (summary,) = portfolio_summary(db, AS_OF)
    assert (summary.delivered_kg, summary.available_kg) == (100_000, 100_000)


def test_retiring_from_a_delivery_awaiting_serials_draws_by_quantity(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = _pending(db, contract)
    [made], _ = retire(db, contract, retirement_data(tonnes="30"))
    assert (made.delivery_id, made.block, made.tonnes_kg) == (delivery, None, 30_000)


def test_a_whole_tonne_registry_draws_whole_tonnes_from_pending_serials(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    _pending(db, contract)
    with pytest.raises(ValidationError, match="must be whole tonnes"):
        retire(db, contract, retirement_data(tonnes="2.5"))


def test_adding_the_block_gives_retirements_sub_blocks_in_retirement_order(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = _pending(db, contract)
    retire(db, contract, retirement_data(tonnes="20", retired_on="2025-10-01"))
    retire(db, contract, retirement_data(tonnes="30", retired_on="2025-09-01"))
    data = {
        **delivery_input(queries.delivery(db, delivery)),
        "serial_block": "ACR-US-1-2025-1-1 to 100",
    }

    _, changes = update_delivery(db, delivery, data)

    blocks = [(r.retired_on.isoformat(), r.block and r.block.text) for r in queries.retirements(db)]
    assert blocks == [
        ("2025-09-01", "ACR-US-1-2025-1-1 to 30"),
        ("2025-10-01", "ACR-US-1-2025-1-31 to 50"),
    ]
    assert {t for t, _ in changes.updated} == {"deliveries", "retirements"}
    assert verify_log(db).ok


def test_re_importing_a_deliveries_file_by_reference_fills_in_the_serials(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = _pending(db, contract, reference="TX-9")
    retire(db, contract, retirement_data(tonnes="10"))
    header = ",".join(tracker_csv.COLUMNS["deliveries"][:-1])  # without uid: a new one
    row = (
        "C-1,2025-06-30,100,2025,acr,ACR-US-1-2025-1-1 to 100,verified,SCS Global,2025-07-15,TX-9,"
    )

    result = tracker_csv.import_text(db, "deliveries", f"{header}\n{row}\n", "d.csv")

    assert result.added == 1
    assert queries.delivery(db, delivery).block is not None
    (retired,) = queries.retirements(db)
    assert retired.block is not None
    assert retired.block.text == "ACR-US-1-2025-1-1 to 10"


def test_a_pending_delivery_re_imported_unchanged_adds_nothing(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    _pending(db, contract)
    text = "\n".join(
        [",".join(tracker_csv.COLUMNS["deliveries"])]
        + [",".join(str(c) for c in line) for line in tracker_csv.export_rows(db, "deliveries")]
    )
    assert tracker_csv.import_text(db, "deliveries", text, "d.csv").added == 0


def test_an_isometric_batch_id_is_an_indivisible_batch(db: sqlite_utils.Database) -> None:
    contract = make_contract(db, registry="isometric")
    delivery = make_delivery(db, contract, serial_block="cb_01JBX4Q7M2R8T5V9W3Y6Z0A1C4")
    assert queries.delivery(db, delivery).block == CreditBatch("cb_01JBX4Q7M2R8T5V9W3Y6Z0A1C4")
    [made], _ = retire(db, contract, retirement_data(tonnes="12.345"))
    assert (made.block, made.tonnes_kg) == (CreditBatch("cb_01JBX4Q7M2R8T5V9W3Y6Z0A1C4"), 12_345)


def test_the_same_batch_delivered_twice_is_refused(db: sqlite_utils.Database) -> None:
    contract = make_contract(db, registry="isometric")
    make_delivery(db, contract, serial_block="cb_01JBX4Q7M2R8T5V9W3Y6Z0A1C4")
    with pytest.raises(
        ValidationError, match=r"is the batch .* already delivered under contract C-1"
    ):
        add_delivery(db, contract, delivery_data(serial_block="cb_01JBX4Q7M2R8T5V9W3Y6Z0A1C4"))


def test_a_single_identifier_on_a_range_registry_is_refused_naming_why(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)  # ACR counts serial ranges
    with pytest.raises(ValidationError, match="acr serials always carry a range") as caught:
        add_delivery(db, contract, delivery_data(serial_block="cb_01JBX4Q7M2R8T5V9W3Y6Z0A1C4"))
    assert caught.value.field == "serial_block"


def test_removing_the_block_again_takes_the_sub_blocks_back(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = _pending(db, contract)
    retire(db, contract, retirement_data(tonnes="10"))
    data = delivery_input(queries.delivery(db, delivery))
    update_delivery(db, delivery, {**data, "serial_block": "ACR-US-1-2025-1-1 to 100"})
    update_delivery(db, delivery, {**data, "serial_block": ""})
    (retired,) = queries.retirements(db)
    assert retired.block is None
