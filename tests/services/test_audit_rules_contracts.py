"""UNVERIFIED_STALE, LATE_TRANCHE, CUMULATIVE_SHORTFALL, OVER_DELIVERY, DELIVERY_OUTSIDE_TERM,
VINTAGE_MISMATCH, PRICE_ANOMALY and TRANCHES_EXCEED_CONTRACT.

The contract: 1,000 t at 500.00 USD/t, 2025-01-01 to 2027-12-31, active."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.audit_factories import flags_of, raw_delivery, raw_tranche
from tests.factories import make_contract
from tracker.domain.flags import Severity

AS_OF = dt.date(2027, 1, 1)


@pytest.fixture
def contract(db: sqlite_utils.Database) -> int:
    return make_contract(db)


# --- UNVERIFIED_STALE -----------------------------------------------------------------------


def test_delivery_unverified_after_ninety_days_is_flagged(db, contract) -> None:
    delivery = raw_delivery(db, contract, delivered_on="2026-10-01", status="pending")
    (found,) = flags_of(db, "UNVERIFIED_STALE", AS_OF)
    assert (found.severity, found.subject_id) == (Severity.WARN, delivery)
    assert found.message == (
        "100.000 t delivered on 2026-10-01 is still unverified after 92 days (limit 90 days)."
    )


def test_delivery_unverified_for_exactly_ninety_days_is_fine(db, contract) -> None:
    raw_delivery(db, contract, delivered_on="2026-10-03", status="pending")
    assert flags_of(db, "UNVERIFIED_STALE", AS_OF) == []


def test_verified_delivery_is_not_stale(db, contract) -> None:
    raw_delivery(db, contract, delivered_on="2025-01-03", verified_on="2025-02-01")
    assert flags_of(db, "UNVERIFIED_STALE", AS_OF) == []


# --- LATE_TRANCHE ---------------------------------------------------------------------------


def test_tranche_past_due_and_short_is_late(db, contract) -> None:
    tranche = raw_tranche(db, contract, "2026-06-30", 500_000)
    raw_delivery(db, contract, 1, 300)
    (found,) = flags_of(db, "LATE_TRANCHE", AS_OF)
    assert (found.severity, found.subject_table, found.subject_id) == (
        Severity.WARN,
        "tranches",
        tranche,
    )
    assert found.message == (
        "Tranche of 500.000 t due 2026-06-30 is late: 200.000 t of it still undelivered "
        "(300.000 t of accepted deliveries allocated to it, 185 days late)."
    )


def test_tranche_on_its_due_date_is_not_late_yet(db, contract) -> None:
    raw_tranche(db, contract, "2027-01-01", 500_000)
    assert flags_of(db, "LATE_TRANCHE", AS_OF) == []


def test_tranche_covered_by_deliveries_is_not_late(db, contract) -> None:
    raw_tranche(db, contract, "2026-06-30", 300_000)
    raw_delivery(db, contract, 1, 300)
    assert flags_of(db, "LATE_TRANCHE", AS_OF) == []


def test_even_schedule_tranches_are_checked_when_there_are_none(db, contract) -> None:
    found = flags_of(db, "LATE_TRANCHE", AS_OF)
    assert [f.subject for f in found] == [
        "tranche due 2025-12-31 (even schedule)",
        "tranche due 2026-12-31 (even schedule)",
    ]


def test_draft_contracts_owe_no_tranches(db) -> None:
    draft = make_contract(db, reference="C-DRAFT", status="draft")
    raw_tranche(db, draft, "2026-06-30", 500_000)
    assert flags_of(db, "LATE_TRANCHE", AS_OF) == []


# --- CUMULATIVE_SHORTFALL -------------------------------------------------------------------


def test_shortfall_over_a_quarter_of_the_contract_is_critical(db, contract) -> None:
    raw_tranche(db, contract, "2026-06-30", 500_000)
    raw_delivery(db, contract, 1, 240)
    (found,) = flags_of(db, "CUMULATIVE_SHORTFALL", AS_OF)
    assert (found.severity, found.subject_table, found.subject_id) == (
        Severity.CRITICAL,
        "contracts",
        contract,
    )
    assert found.message == (
        "By 2027-01-01, 500.000 t was due but only 240.000 t delivered: a shortfall of "
        "260.000 t, 26.0 % of the 1,000.000 t contract (limit 25 %)."
    )


def test_shortfall_of_exactly_a_quarter_is_not_flagged(db, contract) -> None:
    raw_tranche(db, contract, "2026-06-30", 500_000)
    raw_delivery(db, contract, 1, 250)
    assert flags_of(db, "CUMULATIVE_SHORTFALL", AS_OF) == []


# --- OVER_DELIVERY --------------------------------------------------------------------------


def test_delivering_more_than_contracted_is_info(db, contract) -> None:
    raw_delivery(db, contract, 1, 1001)
    (found,) = flags_of(db, "OVER_DELIVERY", AS_OF)
    assert found.severity is Severity.INFO
    assert found.message == (
        "1,001.000 t delivered against a contract for 1,000.000 t: 1.000 t more than contracted."
    )


def test_delivering_exactly_the_contract_is_fine(db, contract) -> None:
    raw_delivery(db, contract, 1, 1000)
    assert flags_of(db, "OVER_DELIVERY", AS_OF) == []


# --- DELIVERY_OUTSIDE_TERM ------------------------------------------------------------------


def test_delivery_before_the_term_is_flagged(db, contract) -> None:
    raw_delivery(db, contract, delivered_on="2024-12-31")
    (found,) = flags_of(db, "DELIVERY_OUTSIDE_TERM", AS_OF)
    assert found.severity is Severity.WARN
    assert found.message == (
        "100.000 t delivered on 2024-12-31, before the contract term 2025-01-01 to 2027-12-31."
    )


def test_delivery_on_the_last_day_of_the_term_is_fine(db, contract) -> None:
    raw_delivery(db, contract, delivered_on="2027-12-31")
    raw_delivery(db, contract, 101, 200, delivered_on="2025-01-01")
    assert flags_of(db, "DELIVERY_OUTSIDE_TERM", dt.date(2028, 1, 1)) == []


# --- VINTAGE_MISMATCH -----------------------------------------------------------------------


def test_delivered_vintage_not_in_the_schedule_is_flagged(db, contract) -> None:
    raw_tranche(db, contract, "2025-12-31", 500_000, vintage=2025)
    raw_tranche(db, contract, "2026-12-31", 500_000, vintage=2026)
    raw_delivery(db, contract, vintage=2024)
    (found,) = flags_of(db, "VINTAGE_MISMATCH", AS_OF)
    assert found.message == (
        "100.000 t delivered of vintage 2024 fills a tranche that calls for vintage 2025."
    )


def test_delivered_vintage_matching_a_tranche_is_fine(db, contract) -> None:
    raw_tranche(db, contract, "2025-12-31", 500_000, vintage=2025)
    raw_delivery(db, contract, vintage=2025)
    assert flags_of(db, "VINTAGE_MISMATCH", AS_OF) == []


# --- PRICE_ANOMALY --------------------------------------------------------------------------


def test_tranche_price_beyond_tolerance_is_flagged(db, contract) -> None:
    raw_tranche(db, contract, "2025-12-31", 500_000, price=5_260_000)
    (found,) = flags_of(db, "PRICE_ANOMALY", AS_OF)
    assert found.severity is Severity.WARN
    assert found.message == (
        "Tranche due 2025-12-31 is priced 526.00 USD/t, 5.2 % off the contract price of "
        "500.00 USD/t (tolerance 5 %). Nothing has been delivered against it yet."
    )


def test_tranche_price_exactly_at_tolerance_is_fine(db, contract) -> None:
    raw_tranche(db, contract, "2025-12-31", 500_000, price=5_250_000)
    raw_tranche(db, contract, "2026-12-31", 500_000, price=4_750_000)
    assert flags_of(db, "PRICE_ANOMALY", AS_OF) == []


# --- TRANCHES_EXCEED_CONTRACT ---------------------------------------------------------------


def test_schedule_larger_than_the_contract_is_flagged_high(db, contract) -> None:
    raw_tranche(db, contract, "2025-12-31", 600_000)
    raw_tranche(db, contract, "2026-12-31", 401_000)
    (found,) = flags_of(db, "TRANCHES_EXCEED_CONTRACT", AS_OF)
    assert found.severity is Severity.HIGH
    assert found.message == (
        "The 2 tranches schedule 1,001.000 t, 1.000 t more than the 1,000.000 t contracted."
    )


def test_schedule_equal_to_the_contract_is_fine(db, contract) -> None:
    raw_tranche(db, contract, "2025-12-31", 600_000)
    raw_tranche(db, contract, "2026-12-31", 400_000)
    assert flags_of(db, "TRANCHES_EXCEED_CONTRACT", AS_OF) == []
