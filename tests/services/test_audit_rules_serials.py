"""SERIAL_OVERLAP, SERIAL_QTY_MISMATCH, DUPLICATE_DELIVERY and OVER_RETIREMENT."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.audit_factories import flags_of, raw_delivery, raw_retirement
from tests.factories import make_contract
from tracker.domain.flags import Severity


@pytest.fixture
def contract(db: sqlite_utils.Database) -> int:
    return make_contract(db)


# --- SERIAL_OVERLAP -------------------------------------------------------------------------


def test_overlapping_delivery_blocks_are_flagged_critical(db, contract) -> None:
    raw_delivery(db, contract, 1, 100)
    later = raw_delivery(db, contract, 91, 150)
    (found,) = flags_of(db, "SERIAL_OVERLAP")
    assert (found.severity, found.subject_table, found.subject_id) == (
        Severity.CRITICAL,
        "deliveries",
        later,
    )


def test_adjacent_delivery_blocks_do_not_overlap(db, contract) -> None:
    raw_delivery(db, contract, 1, 100)
    raw_delivery(db, contract, 101, 150)
    assert flags_of(db, "SERIAL_OVERLAP") == []


def test_same_serials_under_another_prefix_do_not_overlap(db, contract) -> None:
    raw_delivery(db, contract, 1, 100)
    raw_delivery(db, contract, 1, 100, prefix="ACR-US-1-2025-2")
    assert flags_of(db, "SERIAL_OVERLAP") == []


def test_overlap_message_quotes_both_blocks_and_the_shared_serials(db) -> None:
    first = make_contract(db, reference="C-A")
    second = make_contract(db, reference="C-B")
    raw_delivery(db, first, 1, 100)
    raw_delivery(db, second, 91, 150)
    (found,) = flags_of(db, "SERIAL_OVERLAP")
    assert found.contract == "C-B"
    assert found.message == (
        "Serial block ACR-US-1-2025-1-91 to 150 overlaps block ACR-US-1-2025-1-1 to 100 "
        "already delivered under contract C-A: serials 91–100 (10 serials) are counted twice."
    )


def test_retiring_the_same_serials_twice_is_flagged(db, contract) -> None:
    delivery = raw_delivery(db, contract, 1, 100)
    raw_retirement(db, delivery, 1, 10)
    second = raw_retirement(db, delivery, 10, 20, retired_on="2025-10-01")
    (found,) = flags_of(db, "SERIAL_OVERLAP")
    assert (found.subject_table, found.subject_id) == ("retirements", second)
    assert found.message == (
        "Retired serial block ACR-US-1-2025-1-10 to 20 overlaps block ACR-US-1-2025-1-1 to 10 "
        "already retired on 2025-09-30: serials 10–10 (1 serial) are claimed twice."
    )


def test_the_same_serials_retired_under_two_registries_are_not_claimed_twice(db, contract) -> None:
    """Serial numbers belong to a registry: the same prefix and numbers at another
    registry are other credits, whichever was retired first — while a repeat at the same
    registry, after another registry's block in serial order, is still found."""
    other = make_contract(db, reference="C-CAR", registry="car")
    acr = raw_delivery(db, contract, 1, 100)
    car = raw_delivery(db, other, 1, 100, registry="car")
    raw_retirement(db, car, 1, 50)
    raw_retirement(db, acr, 1, 50, retired_on="2025-10-01")
    assert flags_of(db, "SERIAL_OVERLAP") == []

    again = raw_retirement(db, acr, 40, 60, retired_on="2025-11-01")
    (found,) = flags_of(db, "SERIAL_OVERLAP")
    assert (found.subject_table, found.subject_id) == ("retirements", again)
    assert "already retired on 2025-10-01" in found.message


# --- SERIAL_QTY_MISMATCH --------------------------------------------------------------------


def test_block_with_more_serials_than_tonnes_is_flagged_high(db, contract) -> None:
    raw_delivery(db, contract, 1, 100, tonnes_kg=90_000)
    (found,) = flags_of(db, "SERIAL_QTY_MISMATCH")
    assert found.severity is Severity.HIGH


def test_block_matching_its_tonnes_is_not_flagged(db, contract) -> None:
    raw_delivery(db, contract, 1, 100, tonnes_kg=100_000)
    raw_delivery(
        db, contract, 1, 2500, tonnes_kg=2500, registry="isometric", prefix="ISO-1-X-GBR-F5-2024"
    )
    assert flags_of(db, "SERIAL_QTY_MISMATCH") == []


def test_qty_mismatch_message_counts_serials_and_tonnes(db, contract) -> None:
    raw_delivery(db, contract, 1, 100, tonnes_kg=90_000)
    (found,) = flags_of(db, "SERIAL_QTY_MISMATCH")
    assert found.message == (
        "Serial block ACR-US-1-2025-1-1 to 100 holds 100 serials (1 serial = 1 t, so "
        "100.000 t) but the delivery records 90.000 t."
    )


def test_isometric_serials_count_kilograms(db, contract) -> None:
    raw_delivery(
        db, contract, 1, 2500, tonnes_kg=2400, registry="isometric", prefix="ISO-1-X-GBR-F5-2024"
    )
    (found,) = flags_of(db, "SERIAL_QTY_MISMATCH")
    assert "holds 2,500 serials (1 serial = 1 kg, so 2.500 t)" in found.message


# --- DUPLICATE_DELIVERY ---------------------------------------------------------------------


def test_same_registry_reference_twice_is_flagged_high(db, contract) -> None:
    raw_delivery(db, contract, 1, 100, reference="TX-9")
    second = raw_delivery(db, contract, 101, 200, reference="TX-9", delivered_on="2025-07-01")
    (found,) = flags_of(db, "DUPLICATE_DELIVERY")
    assert (found.severity, found.subject_id) == (Severity.HIGH, second)
    assert found.message == (
        "Delivery of 100.000 t on 2025-07-01 repeats the same registry reference 'TX-9' "
        "recorded on 2025-06-30 under contract C-1."
    )


def test_identical_block_twice_is_a_duplicate(db, contract) -> None:
    raw_delivery(db, contract, 1, 100, reference="TX-1")
    raw_delivery(db, contract, 1, 100, reference="TX-2")
    (found,) = flags_of(db, "DUPLICATE_DELIVERY")
    assert "repeats the identical serial block ACR-US-1-2025-1-1 to 100" in found.message


def test_distinct_references_and_blocks_are_not_duplicates(db, contract) -> None:
    raw_delivery(db, contract, 1, 100, reference="TX-1")
    raw_delivery(db, contract, 101, 200, reference="TX-2")
    raw_delivery(db, contract, 201, 300, reference="")
    raw_delivery(db, contract, 301, 400, reference="")
    assert flags_of(db, "DUPLICATE_DELIVERY") == []


# --- OVER_RETIREMENT ------------------------------------------------------------------------


def test_retiring_more_than_a_delivery_holds_is_flagged_critical(db, contract) -> None:
    delivery = raw_delivery(db, contract, 1, 100)
    raw_retirement(db, delivery, 1, 100)
    raw_retirement(db, delivery, 1, 5, retired_on="2025-10-01")
    found = [f for f in flags_of(db, "OVER_RETIREMENT") if f.subject_table == "deliveries"]
    assert [(f.severity, f.subject_id) for f in found] == [(Severity.CRITICAL, delivery)]
    assert found[0].message == (
        "105.000 t retired in 2 retirements from a delivery of only 100.000 t: "
        "5.000 t retired that were never delivered."
    )


def test_retiring_exactly_what_was_delivered_is_not_over_retirement(db, contract) -> None:
    delivery = raw_delivery(db, contract, 1, 100)
    raw_retirement(db, delivery, 1, 60)
    raw_retirement(db, delivery, 61, 100)
    assert flags_of(db, "OVER_RETIREMENT") == []


def test_retired_serials_outside_their_delivery_are_over_retirement(db, contract) -> None:
    delivery = raw_delivery(db, contract, 1, 100)
    retirement = raw_retirement(db, delivery, 95, 104)
    (found,) = flags_of(db, "OVER_RETIREMENT")
    assert (found.subject_table, found.subject_id) == ("retirements", retirement)
    assert found.message == (
        "Retired serial block ACR-US-1-2025-1-95 to 104 (10.000 t) lies outside the delivery "
        "it is drawn from, ACR-US-1-2025-1-1 to 100."
    )
