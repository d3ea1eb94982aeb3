"""Audit thresholds and the name the change log records, kept in the ledger."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from tracker.domain.changes import ChangeSet
from tracker.domain.dates import parse_whole
from tracker.domain.errors import ValidationError
from tracker.domain.identity import parse_own_names
from tracker.domain.messages import msg
from tracker.domain.text import parse_text
from tracker.services.own_names import OWN_NAMES_SETTING
from tracker.store import change_log, settings
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork

# (setting key, smallest allowed, largest allowed)
_LIMITS = {
    "unverified_stale_days": (1, 3650),
    "shortfall_pct": (0, 100),
    "vintage_age_years": (0, 100),
    "claim_lag_months": (0, 120),
    "price_tolerance_pct": (0, 1000),
    "missing_serial_days": (1, 3650),
}


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Where the rules fire (defaults: 90 days, 25 %, 5 years, 12 months, 5 %, 30 days)."""

    unverified_stale_days: int = 90
    shortfall_pct: int = 25
    vintage_age_years: int = 5
    claim_lag_months: int = 12
    price_tolerance_pct: int = 5
    missing_serial_days: int = 30  # serials still to come: warning, then high after this


def load_thresholds(db: Ledger) -> Thresholds:
    stored = settings.values(db)
    defaults = Thresholds()
    values = {}
    for f in fields(Thresholds):
        text = stored.get(f.name, "")
        values[f.name] = int(text) if text.isdigit() else getattr(defaults, f.name)
    return Thresholds(**values)


def user_name(db: Ledger) -> str:
    """The name stored in the ledger ('' means the OS login is used)."""
    return settings.values(db).get(change_log.USER_SETTING, "")


def effective_user(db: Ledger) -> str:
    return change_log.current_user(db)


def parse_thresholds(data: Mapping[str, object]) -> Thresholds:
    """Validate threshold inputs keyed by setting name (whole numbers within limits)."""
    values = {}
    for name, (low, high) in _LIMITS.items():
        value = parse_whole(data.get(name), name, required=True, minimum=low)
        assert value is not None
        if value > high:
            raise ValidationError(name, value, msg("error.at_most", limit=high))
        values[name] = value
    return Thresholds(**values)


def save_settings(
    db: Ledger,
    thresholds: Thresholds,
    user: str | None = None,
    own_names: str | None = None,
) -> ChangeSet:
    """Store thresholds (and the user name and the buyer's own names, when given) in one
    logged transaction."""
    wanted = {f.name: str(getattr(thresholds, f.name)) for f in fields(Thresholds)}
    if user is not None:
        name = parse_text({"user_name": user}, "user_name", limit=100)
        wanted[change_log.USER_SETTING] = name
    if own_names is not None:
        wanted[OWN_NAMES_SETTING] = "\n".join(parse_own_names(own_names))
    with UnitOfWork(db) as uow:
        _ = uow.user  # the change is recorded under the name in force before it
        existing = settings.ids(db)
        for key, value in wanted.items():
            if key in existing:
                uow.update("settings", existing[key], {"value": value})
            else:
                uow.insert("settings", {"key": key, "value": value})
    return uow.changes
