import pytest
import sqlite_utils

from tests.factories import counts, delivery_data, make_contract, make_delivery, retirement_data
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.services.deliveries import add_delivery, delete_delivery, update_delivery
from tracker.services.retirements import retire


def test_unknown_contract_is_refused(db: sqlite_utils.Database) -> None:
    with pytest.raises(NotFoundError, match="contract 99 does not exist"):
        add_delivery(db, 99, delivery_data())


def test_a_block_already_delivered_is_refused(db: sqlite_utils.Database) -> None:
    first = make_contract(db, reference="FIRST")
    second = make_contract(db, reference="SECOND")
    make_delivery(db, first, serial_block="ACR-US-1-2025-1-1 to 100")
    with pytest.raises(ValidationError, match="already delivered under contract FIRST") as caught:
        add_delivery(db, second, delivery_data(serial_block="ACR-US-1-2025-1-51 to 150"))
    assert caught.value.field == "serial_block"
    assert counts(db)["deliveries"] == 1


def test_same_range_under_another_prefix_is_a_different_block(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id, serial_block="ACR-US-1-2025-1-1 to 100")
    make_delivery(db, contract_id, serial_block="ACR-US-1-2025-2-1 to 100")
    assert counts(db)["deliveries"] == 2


def test_block_size_must_equal_whole_tonnes(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    with pytest.raises(ValidationError, match=r"holds 100 serials \(100 t\) but tonnes is 99"):
        add_delivery(db, contract_id, delivery_data(tonnes="99"))


def test_whole_tonne_registries_refuse_fractions(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    with pytest.raises(ValidationError, match="must be whole tonnes") as caught:
        add_delivery(db, contract_id, delivery_data(tonnes="99.5"))
    assert caught.value.field == "tonnes"


def test_isometric_serials_count_kilograms(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db, registry="isometric")
    delivery, _ = add_delivery(
        db,
        contract_id,
        delivery_data(tonnes="3.001", serial_block="ISO-1-BSTORE-GBR-F5X7-2024-78177-81177"),
    )
    assert delivery.tonnes_kg == 3_001


def test_verified_on_with_pending_status_is_refused(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    with pytest.raises(ValidationError, match="verification_status is pending"):
        add_delivery(db, contract_id, delivery_data(verification_status="pending"))


def test_a_delivery_cannot_shrink_below_what_was_retired(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    delivery_id = make_delivery(db, contract_id)
    retire(db, contract_id, retirement_data(tonnes="60"))
    with pytest.raises(ValidationError, match="no longer contains"):
        update_delivery(db, delivery_id, delivery_data(serial_block="ACR-US-1-2025-1-101 to 200"))
    with pytest.raises(ValidationError, match=r"less than the 60\.000 t already retired"):
        update_delivery(
            db, delivery_id, delivery_data(tonnes="50", serial_block="ACR-US-1-2025-1-1 to 50")
        )


def test_deleting_a_delivery_takes_its_retirements(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    delivery_id = make_delivery(db, contract_id)
    retire(db, contract_id, retirement_data())
    removed, changes = delete_delivery(db, delivery_id)
    assert counts(db)["retirements"] == 0
    assert [table for table, _ in removed.rows] == ["deliveries", "retirements"]
    assert changes.tables == {"deliveries", "retirements"}
