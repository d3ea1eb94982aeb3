"""Thresholds and the user name live in the ledger and are validated."""

from __future__ import annotations

import pytest
import sqlite_utils

from tracker.domain.errors import ValidationError
from tracker.services.audit.settings import (
    Thresholds,
    load_thresholds,
    parse_thresholds,
    save_settings,
    user_name,
)

VALID = {
    "unverified_stale_days": "60",
    "shortfall_pct": "20",
    "vintage_age_years": "3",
    "claim_lag_months": "6",
    "price_tolerance_pct": "10",
    "missing_serial_days": "14",
}


def test_defaults_are_the_documented_thresholds(db: sqlite_utils.Database) -> None:
    assert load_thresholds(db) == Thresholds(90, 25, 5, 12, 5)


def test_saved_thresholds_are_loaded_back(db: sqlite_utils.Database) -> None:
    save_settings(db, parse_thresholds(VALID))
    assert load_thresholds(db) == Thresholds(60, 20, 3, 6, 10, 14)


def test_the_user_name_is_saved_in_the_ledger(db: sqlite_utils.Database) -> None:
    save_settings(db, Thresholds(), user="  Carol  ")
    assert user_name(db) == "Carol"


def test_a_shortfall_over_100_percent_is_refused() -> None:
    with pytest.raises(ValidationError, match="shortfall_pct '150': must be at most 100"):
        parse_thresholds({**VALID, "shortfall_pct": "150"})


def test_a_non_number_threshold_is_refused() -> None:
    with pytest.raises(ValidationError, match="claim_lag_months 'a year'"):
        parse_thresholds({**VALID, "claim_lag_months": "a year"})
