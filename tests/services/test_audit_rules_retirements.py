"""RETIRED_UNVERIFIED, RETIRED_FROM_FAILED, RETIRED_BEFORE_DELIVERED, VINTAGE_AGE,
LATE_RETIREMENT_FOR_CLAIM and MISSING_BENEFICIARY."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.audit_factories import flags_of, raw_delivery, raw_retirement
from tests.factories import make_contract
from tracker.domain.flags import Severity
from tracker.services.audit.settings import Thresholds


@pytest.fixture
def contract(db: sqlite_utils.Database) -> int:
    return make_contract(db)


# --- RETIRED_UNVERIFIED ---------------------------------------------------------------------


def test_retiring_from_a_pending_delivery_is_flagged_critical(db, contract) -> None:
    delivery = raw_delivery(db, contract, status="pending")
    retirement = raw_retirement(db, delivery, 1, 10)
    (found,) = flags_of(db, "RETIRED_UNVERIFIED")
    assert (found.severity, found.subject_id) == (Severity.CRITICAL, retirement)
    assert found.message == (
        "10.000 t retired on 2025-09-30 from delivery ACR-US-1-2025-1-1 to 100, which is "
        "still unverified (pending) on 2027-01-01."
    )


def test_retiring_before_the_verification_date_is_flagged(db, contract) -> None:
    delivery = raw_delivery(db, contract, verified_on="2025-10-01")
    raw_retirement(db, delivery, 1, 10, retired_on="2025-09-30")
    (found,) = flags_of(db, "RETIRED_UNVERIFIED")
    assert found.message.endswith("which was only verified on 2025-10-01.")


def test_retiring_on_the_verification_date_is_fine(db, contract) -> None:
    delivery = raw_delivery(db, contract, verified_on="2025-09-30")
    raw_retirement(db, delivery, 1, 10, retired_on="2025-09-30")
    assert flags_of(db, "RETIRED_UNVERIFIED") == []


# --- RETIRED_FROM_FAILED --------------------------------------------------------------------


def test_retiring_from_a_failed_delivery_is_flagged_critical(db, contract) -> None:
    delivery = raw_delivery(db, contract, status="failed", verified_on="2025-08-01")
    raw_retirement(db, delivery, 1, 10)
    (found,) = flags_of(db, "RETIRED_FROM_FAILED")
    assert found.severity is Severity.CRITICAL
    assert found.message == (
        "10.000 t retired on 2025-09-30 from delivery ACR-US-1-2025-1-1 to 100, whose "
        "verification failed by SCS Global on 2025-08-01: the claim it supports must be "
        "restated."
    )


def test_retiring_from_a_verified_delivery_is_not_from_failed(db, contract) -> None:
    delivery = raw_delivery(db, contract, status="verified")
    raw_retirement(db, delivery, 1, 10)
    assert flags_of(db, "RETIRED_FROM_FAILED") == []


# --- RETIRED_BEFORE_DELIVERED ---------------------------------------------------------------


def test_retiring_before_delivery_is_flagged_high(db, contract) -> None:
    delivery = raw_delivery(db, contract, delivered_on="2025-06-30", verified_on="2025-06-01")
    raw_retirement(db, delivery, 1, 10, retired_on="2025-06-29")
    (found,) = flags_of(db, "RETIRED_BEFORE_DELIVERED")
    assert found.severity is Severity.HIGH
    assert found.message == (
        "10.000 t retired on 2025-06-29, before delivery ACR-US-1-2025-1-1 to 100 arrived "
        "on 2025-06-30."
    )


def test_retiring_on_the_delivery_day_is_fine(db, contract) -> None:
    delivery = raw_delivery(db, contract, delivered_on="2025-06-30", verified_on="2025-06-01")
    raw_retirement(db, delivery, 1, 10, retired_on="2025-06-30")
    assert flags_of(db, "RETIRED_BEFORE_DELIVERED") == []


# --- VINTAGE_AGE ----------------------------------------------------------------------------


def test_claiming_credits_older_than_the_limit_is_flagged(db, contract) -> None:
    delivery = raw_delivery(db, contract, vintage=2019)
    raw_retirement(db, delivery, 1, 10, claim_end="2025-12-31")
    (found,) = flags_of(db, "VINTAGE_AGE")
    assert found.severity is Severity.WARN
    assert found.message == (
        "10.000 t of vintage 2019 claimed for 2025: 6 years old, more than the 5-year limit."
    )


def test_vintage_exactly_at_the_age_limit_is_fine(db, contract) -> None:
    delivery = raw_delivery(db, contract, vintage=2020)
    raw_retirement(db, delivery, 1, 10, claim_end="2025-12-31")
    assert flags_of(db, "VINTAGE_AGE") == []


def test_vintage_age_limit_comes_from_the_thresholds(db, contract) -> None:
    delivery = raw_delivery(db, contract, vintage=2022)
    raw_retirement(db, delivery, 1, 10, claim_end="2025-12-31")
    assert len(flags_of(db, "VINTAGE_AGE", thresholds=Thresholds(vintage_age_years=2))) == 1


# --- LATE_RETIREMENT_FOR_CLAIM --------------------------------------------------------------


def test_retiring_more_than_twelve_months_after_the_claim_is_flagged(db, contract) -> None:
    delivery = raw_delivery(db, contract)
    raw_retirement(db, delivery, 1, 10, retired_on="2027-01-01", claim_end="2025-12-31")
    (found,) = flags_of(db, "LATE_RETIREMENT_FOR_CLAIM", as_of=dt.date(2027, 2, 1))
    assert found.message == (
        "10.000 t retired on 2027-01-01 for the claim period ending 2025-12-31: more than "
        "12 months after it ended."
    )


def test_retiring_exactly_twelve_months_after_the_claim_is_fine(db, contract) -> None:
    delivery = raw_delivery(db, contract)
    raw_retirement(db, delivery, 1, 10, retired_on="2026-12-31", claim_end="2025-12-31")
    assert flags_of(db, "LATE_RETIREMENT_FOR_CLAIM") == []


# --- MISSING_BENEFICIARY --------------------------------------------------------------------


def test_retirement_without_beneficiary_is_flagged(db, contract) -> None:
    delivery = raw_delivery(db, contract)
    raw_retirement(db, delivery, 1, 10, beneficiary="  ")
    (found,) = flags_of(db, "MISSING_BENEFICIARY")
    assert found.severity is Severity.WARN
    assert found.message == (
        "10.000 t retired on 2025-09-30 names no beneficiary, so the claim cannot be "
        "attributed to anyone."
    )


def test_a_one_letter_beneficiary_counts_as_named(db, contract) -> None:
    delivery = raw_delivery(db, contract)
    raw_retirement(db, delivery, 1, 10, beneficiary="X")
    assert flags_of(db, "MISSING_BENEFICIARY") == []


def test_retirements_after_the_as_of_date_are_not_evaluated(db, contract) -> None:
    delivery = raw_delivery(db, contract)
    raw_retirement(db, delivery, 1, 10, beneficiary="", retired_on="2027-06-01")
    assert flags_of(db, "MISSING_BENEFICIARY") == []
