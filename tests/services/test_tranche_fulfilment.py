"""One tranche allocation for the schedule report, the rules and the delivered value."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.audit_factories import flags_of
from tests.factories import delivery_data, make_contract, make_delivery
from tracker.domain.errors import ValidationError
from tracker.domain.flags import Severity
from tracker.services import schedule as schedule_service
from tracker.services.audit.settings import Thresholds
from tracker.services.deliveries import add_delivery
from tracker.services.reports import REPORTS, ReportOptions
from tracker.services.summary import portfolio_summary

AS_OF = dt.date(2027, 1, 1)


def _tranches(db: sqlite_utils.Database, contract: int) -> None:
    for due, vintage, price in (("2025-12-31", "2025", "500"), ("2026-12-31", "2026", "600")):
        schedule_service.add_tranche(
            db, contract,
            {"due_on": due, "tonnes": "100", "vintage": vintage, "price_per_tonne": price},
        )  # fmt: skip


def test_a_delivery_can_name_the_tranche_it_fills(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    _tranches(db, contract)
    make_delivery(db, contract, vintage="2026", tranche_due_on="2026-12-31")
    rows = list(REPORTS["schedule"].rows(db, ReportOptions(as_of=AS_OF)))
    assert [(str(r[1]), str(r[6]), r[9]) for r in rows] == [
        ("2025-12-31", "0", "overdue"),
        ("2026-12-31", "100", "delivered"),
    ]


def test_naming_a_date_no_tranche_is_due_is_refused(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    _tranches(db, contract)
    with pytest.raises(ValidationError, match="tranches due: 2025-12-31, 2026-12-31") as caught:
        add_delivery(db, contract, delivery_data(tranche_due_on="2026-06-30"))
    assert caught.value.field == "tranche_due_on"


def test_vintage_is_checked_against_the_tranche_the_delivery_fills(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    _tranches(db, contract)
    make_delivery(db, contract, vintage="2026")  # fills the 2025 tranche in due order
    (found,) = flags_of(db, "VINTAGE_MISMATCH", AS_OF)
    assert found.message == (
        "100.000 t delivered of vintage 2026 fills a tranche that calls for vintage 2025."
    )


def test_naming_the_matching_tranche_clears_the_vintage_warning(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    _tranches(db, contract)
    make_delivery(db, contract, vintage="2026", tranche_due_on="2026-12-31")
    assert flags_of(db, "VINTAGE_MISMATCH", AS_OF) == []


def test_delivered_value_uses_the_price_of_the_tranche_each_tonne_fills(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)  # 500.00 per tonne
    _tranches(db, contract)
    make_delivery(db, contract, tonnes="150", serial_block="ACR-US-1-2025-1-1 to 150")
    (s,) = portfolio_summary(db, AS_OF)
    assert s.delivered_value_cents == (100 * 500 + 50 * 600) * 100


def test_price_anomaly_says_what_the_allocated_tonnes_are_worth(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    _tranches(db, contract)
    make_delivery(db, contract, tonnes="150", serial_block="ACR-US-1-2025-1-1 to 150")
    (found,) = flags_of(db, "PRICE_ANOMALY", AS_OF)
    assert found.message.endswith(
        "50.000 t delivered against it is valued at 30,000.00 USD instead of 25,000.00 USD."
    )


def test_missing_serials_warn_then_turn_high_after_the_configured_days(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    make_delivery(db, contract, serial_block="", delivered_on="2025-06-30")
    (fresh,) = flags_of(db, "MISSING_SERIAL", dt.date(2025, 7, 20))
    (old,) = flags_of(db, "MISSING_SERIAL", dt.date(2025, 8, 15))
    (lenient,) = flags_of(
        db, "MISSING_SERIAL", dt.date(2025, 8, 15), Thresholds(missing_serial_days=60)
    )
    assert (fresh.severity, old.severity, lenient.severity) == (
        Severity.WARN, Severity.HIGH, Severity.WARN,
    )  # fmt: skip
    assert "still has no serial numbers after 46 days (more than the 30 days" in old.message
