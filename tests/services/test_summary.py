import datetime as dt

import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.services.demo import STRATOS, load_demo
from tracker.services.summary import portfolio_summary, totals_by_currency


def test_stratos_demo_figures_as_of_2027(db: sqlite_utils.Database) -> None:
    load_demo(db)
    (s,) = [s for s in portfolio_summary(db, dt.date(2027, 1, 1)) if s.reference == STRATOS]
    assert s.contracted_kg == 500_000_000
    assert s.scheduled_to_date_kg == 80_000_000  # 2025 and 2026 tranches
    assert s.delivered_kg == 68_000_000  # 5,000 t of it with serials still to come
    assert s.verified_kg == 43_000_000
    assert s.retired_kg == 25_000_000
    assert s.available_kg == 43_000_000
    assert (s.available_verified_kg, s.available_pending_kg) == (18_000_000, 25_000_000)
    assert s.undelivered_kg == 432_000_000
    assert s.delivered_pct == "13.6"
    assert s.delivered_value_cents == 4_420_000_000  # 68,000 t x 650.00 USD


def test_figures_only_count_records_dated_by_the_as_of_date(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    make_delivery(db, contract_id, delivered_on="2025-06-30", verified_on="2025-08-01")
    (before,) = portfolio_summary(db, dt.date(2025, 6, 29))
    (between,) = portfolio_summary(db, dt.date(2025, 7, 1))
    (after,) = portfolio_summary(db, dt.date(2025, 8, 1))
    assert (before.delivered_kg, before.verified_kg) == (0, 0)
    assert (between.delivered_kg, between.verified_kg) == (100_000, 0)
    assert (after.delivered_kg, after.verified_kg) == (100_000, 100_000)


def test_totals_are_kept_per_currency(db: sqlite_utils.Database) -> None:
    load_demo(db)
    totals = totals_by_currency(portfolio_summary(db, dt.date(2027, 1, 1)))
    assert [(t.currency, t.contracts) for t in totals] == [("EUR", 1), ("USD", 4)]
