"""Rejected deliveries count for nothing; a retirement draws only credits held on its date."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.audit_factories import flags_of
from tests.factories import delivery_data, make_contract, make_delivery, retirement_data
from tracker.domain.errors import ValidationError
from tracker.services import schedule as schedule_service
from tracker.services.audit.verifications import add_verification
from tracker.services.deliveries import add_delivery
from tracker.services.reports import REPORTS, ReportOptions
from tracker.services.retirements import available_on, retire
from tracker.services.summary import portfolio_summary

AS_OF = dt.date(2026, 1, 1)


def _failed(db: sqlite_utils.Database, contract: int, **overrides: object) -> int:
    return make_delivery(
        db, contract, verification_status="failed", verified_on="2025-07-20", **overrides
    )


def test_a_rejected_delivery_counts_as_neither_delivered_verified_nor_available(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    make_delivery(db, contract)
    _failed(db, contract, serial_block="ACR-US-1-2025-1-101 to 150", tonnes="50", reference="X")
    (s,) = portfolio_summary(db, AS_OF)
    assert (s.delivered_kg, s.verified_kg, s.available_kg, s.rejected_kg) == (
        100_000, 100_000, 100_000, 50_000,
    )  # fmt: skip
    assert (s.undelivered_kg, s.delivered_pct) == (900_000, "10.0")
    assert s.delivered_value_cents == 5_000_000  # 100 t x 500.00


def test_a_rejected_delivery_does_not_fill_its_tranche(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    schedule_service.add_tranche(db, contract, {"due_on": "2025-12-31", "tonnes": "100"})
    _failed(db, contract)
    report = REPORTS["schedule"]
    (row,) = report.rows(db, ReportOptions(as_of=AS_OF))
    assert [str(c) for c in row[6:]] == ["0", "100", "1", "overdue"]
    (late,) = flags_of(db, "LATE_TRANCHE", AS_OF)
    assert "100.000 t of it still undelivered" in late.message


def test_retiring_from_a_rejected_delivery_is_refused(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    _failed(db, contract)
    with pytest.raises(ValidationError, match="rejected: its verification failed") as caught:
        retire(db, contract, retirement_data(serial_block="ACR-US-1-2025-1-1 to 10"))
    assert caught.value.field == "serial_block"
    with pytest.raises(ValidationError, match=r"more than the 0\.000 t"):
        retire(db, contract, retirement_data())


def test_a_verification_failing_after_retirement_keeps_it_and_flags_restatement(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    retire(db, contract, retirement_data(tonnes="10"))
    add_verification(
        db, delivery,
        {"outcome": "failed", "verified_on": "2025-11-01", "verifier": "SCS Global"},
    )  # fmt: skip
    (s,) = portfolio_summary(db, AS_OF)
    assert (s.retired_kg, s.delivered_kg, s.rejected_kg) == (10_000, 0, 100_000)
    (found,) = flags_of(db, "RETIRED_FROM_FAILED", AS_OF)
    assert found.message.endswith("the claim it supports must be restated.")
    claims = list(REPORTS["claims"].rows(db, ReportOptions(as_of=AS_OF)))
    assert [str(c) for c in claims[0][-2:]] == ["10", "yes"]


def test_before_it_failed_the_delivery_counts_as_verified(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    add_verification(
        db, delivery,
        {"outcome": "verified", "verified_on": "2025-07-15", "verifier": "SCS Global",
         "verified_tonnes": "100"},
    )  # fmt: skip
    add_verification(
        db, delivery,
        {"outcome": "failed", "verified_on": "2025-11-01", "verifier": "SCS Global"},
    )  # fmt: skip
    (before,) = portfolio_summary(db, dt.date(2025, 10, 1))
    (after,) = portfolio_summary(db, dt.date(2025, 11, 1))
    assert (before.verified_kg, before.rejected_kg) == (100_000, 0)
    assert (after.verified_kg, after.rejected_kg) == (0, 100_000)


def test_oldest_first_skips_a_delivery_made_after_the_retirement_date(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    early = make_delivery(db, contract, vintage="2025")
    make_delivery(
        db, contract, delivered_on="2025-10-15", verified_on="2025-10-20", vintage="2024",
        serial_block="ACR-US-1-2024-1-1 to 100", reference="TX-2",
    )  # fmt: skip
    made, _ = retire(db, contract, retirement_data(tonnes="50", retired_on="2025-09-30"))
    assert {r.delivery_id for r in made} == {early}


def test_oldest_first_draws_verified_credits_before_pending_ones(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    make_delivery(
        db, contract, vintage="2024", verification_status="pending", verified_on="",
        serial_block="ACR-US-1-2024-1-1 to 100", reference="TX-0",
    )  # fmt: skip
    verified = make_delivery(db, contract, vintage="2025")
    made, _ = retire(db, contract, retirement_data(tonnes="50"))
    assert {r.delivery_id for r in made} == {verified}


def test_verified_only_refuses_to_draw_pending_credits(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    make_delivery(db, contract, verification_status="pending", verified_on="")
    with pytest.raises(ValidationError, match="verified by then"):
        retire(db, contract, retirement_data(tonnes="10"), verified_only=True)


def test_available_to_retire_is_split_into_verified_and_pending(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    make_delivery(db, contract)
    make_delivery(
        db, contract, verification_status="pending", verified_on="", tonnes="40",
        serial_block="ACR-US-1-2025-1-101 to 140", reference="TX-2",
    )  # fmt: skip
    on_day = available_on(db, contract, dt.date(2025, 9, 30))
    assert (on_day.verified_kg, on_day.pending_kg) == (100_000, 40_000)
    (s,) = portfolio_summary(db, AS_OF)
    assert (s.available_verified_kg, s.available_pending_kg) == (100_000, 40_000)


def test_a_verification_dated_before_the_delivery_is_refused(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    with pytest.raises(ValidationError, match="is before the delivery date 2025-06-30") as caught:
        add_delivery(db, contract, delivery_data(verified_on="2025-06-01"))
    assert caught.value.field == "verified_on"
    delivery = make_delivery(db, contract)
    with pytest.raises(ValidationError, match="is before the delivery date"):
        add_verification(
            db, delivery,
            {"outcome": "verified", "verified_on": "2025-06-29", "verifier": "V",
             "verified_tonnes": "100"},
        )  # fmt: skip


def test_retired_unverified_reads_the_status_as_of_the_date(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract, verification_status="pending", verified_on="")
    retire(db, contract, retirement_data(tonnes="10", retired_on="2025-09-30"))
    add_verification(
        db, delivery,
        {"outcome": "verified", "verified_on": "2025-12-01", "verifier": "V",
         "verified_tonnes": "100"},
    )  # fmt: skip
    (then,) = flags_of(db, "RETIRED_UNVERIFIED", dt.date(2025, 11, 1))
    (now,) = flags_of(db, "RETIRED_UNVERIFIED", AS_OF)
    assert "still unverified (pending) on 2025-11-01" in then.message
    assert now.message.endswith("which was only verified on 2025-12-01.")
