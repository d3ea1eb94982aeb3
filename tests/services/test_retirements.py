import pytest
import sqlite_utils

from tests.factories import counts, make_contract, make_delivery, retirement_data
from tracker.domain.errors import ValidationError
from tracker.services.retirements import available_for, preview_draw, retire, update_retirement


def _blocks(db: sqlite_utils.Database) -> list[tuple]:
    return db.execute(
        "select delivery_id, serial_block, tonnes_kg from retirements order by id"
    ).fetchall()


def test_oldest_vintage_is_drawn_first_splitting_across_deliveries(
    db: sqlite_utils.Database,
) -> None:
    contract_id = make_contract(db)
    newer = make_delivery(
        db,
        contract_id,
        vintage="2026",
        serial_block="ACR-US-1-2026-1-1 to 100",
        delivered_on="2025-03-01",
    )
    older = make_delivery(
        db,
        contract_id,
        vintage="2024",
        serial_block="ACR-US-1-2024-1-1 to 100",
        delivered_on="2025-06-01",
    )
    made, changes = retire(db, contract_id, retirement_data(tonnes="130"))
    assert _blocks(db) == [
        (older, "ACR-US-1-2024-1-1 to 100", 100_000),
        (newer, "ACR-US-1-2026-1-1 to 30", 30_000),
    ]
    assert len(made) == 2
    assert changes.inserted == (("retirements", made[0].id), ("retirements", made[1].id))
    assert available_for(db, contract_id) == 70_000


def test_a_given_block_is_retired_exactly(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    delivery_id = make_delivery(db, contract_id)
    retire(db, contract_id, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-41 to 50"))
    assert _blocks(db) == [(delivery_id, "ACR-US-1-2025-1-41 to 50", 10_000)]
    # oldest-first then skips the retired range
    retire(db, contract_id, retirement_data(tonnes="45"))
    assert _blocks(db)[1:] == [
        (delivery_id, "ACR-US-1-2025-1-1 to 40", 40_000),
        (delivery_id, "ACR-US-1-2025-1-51 to 55", 5_000),
    ]


def test_retiring_more_than_is_available_is_refused(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    with pytest.raises(
        ValidationError, match=r"more than the 100\.000 t of C-1 delivered by then"
    ) as caught:
        retire(db, contract_id, retirement_data(tonnes="101"))
    assert caught.value.field == "tonnes"
    assert counts(db)["retirements"] == 0


def test_retiring_more_than_a_delivery_still_holds_is_refused(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    retire(db, contract_id, retirement_data(tonnes="95"))
    with pytest.raises(ValidationError, match=r"more than the 5\.000 t delivery .* still holds"):
        retire(
            db, contract_id, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-91 to 100")
        )
    assert counts(db)["retirements"] == 1


def test_a_block_outside_the_contracts_deliveries_is_refused(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    with pytest.raises(ValidationError, match="outside every delivery of contract C-1") as caught:
        retire(
            db, contract_id, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-95 to 104")
        )
    assert caught.value.field == "serial_block"


def test_a_block_of_another_contract_is_refused(db: sqlite_utils.Database) -> None:
    mine = make_contract(db, reference="MINE")
    theirs = make_contract(db, reference="THEIRS")
    make_delivery(db, theirs)
    make_delivery(db, mine, serial_block="ACR-US-1-2025-9-1 to 100")
    with pytest.raises(ValidationError, match="belongs to contract THEIRS, not MINE"):
        retire(db, mine, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-1 to 10"))


def test_a_block_already_retired_is_refused(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    retire(db, contract_id, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-1 to 10"))
    with pytest.raises(ValidationError, match="already retired on 2025-09-30"):
        retire(db, contract_id, retirement_data(tonnes="5", serial_block="ACR-US-1-2025-1-6 to 10"))


def test_tonnes_must_match_the_given_block(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    with pytest.raises(ValidationError, match=r"holds 10 serials"):
        retire(db, contract_id, retirement_data(tonnes="9", serial_block="ACR-US-1-2025-1-1 to 10"))


def test_claim_end_before_start_is_refused(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    with pytest.raises(ValidationError, match="is before claim_start") as caught:
        retire(db, contract_id, retirement_data(claim_start="2025-06-01", claim_end="2025-05-31"))
    assert caught.value.field == "claim_end"


def test_preview_writes_nothing(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    draws = preview_draw(db, contract_id, 20_000)
    assert draws is not None
    assert [d.block.text for d in draws] == ["ACR-US-1-2025-1-1 to 20"]
    assert counts(db)["retirements"] == 0


def test_editing_a_retirement_keeps_its_block_unless_tonnes_change(
    db: sqlite_utils.Database,
) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    (made,), _ = retire(db, contract_id, retirement_data(tonnes="10"))
    assert made.id is not None
    edited, _ = update_retirement(
        db, made.id, retirement_data(tonnes="10", beneficiary="Parent Co")
    )
    assert (edited.beneficiary, edited.block.text) == ("Parent Co", "ACR-US-1-2025-1-1 to 10")
    with pytest.raises(ValidationError, match="required when the retired tonnes change"):
        update_retirement(db, made.id, retirement_data(tonnes="12"))
    resized, _ = update_retirement(
        db, made.id, retirement_data(tonnes="12", serial_block="ACR-US-1-2025-1-1 to 12")
    )
    assert resized.tonnes_kg == 12_000
