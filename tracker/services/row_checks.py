"""Every field error of one tracker CSV row, not only the first.

The domain's ``*_from_input`` functions stop at the first bad field.  Before a row is
handed to them, each cell with a format of its own (dates, tonnes, prices, years,
choices) is checked on its own, so a row with three bad cells reports all three.
Cross-field and ledger rules are then checked by the services as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from tracker.domain.dates import parse_date, parse_whole, parse_year
from tracker.domain.errors import ValidationError
from tracker.domain.identity import parse_project_ids, parse_uid
from tracker.domain.quantities import parse_price, parse_tonnes
from tracker.domain.vocab import (
    ContractStatus,
    CreditType,
    Method,
    Purpose,
    Registry,
    VerificationStatus,
    parse_choice,
    parse_currency,
)
from tracker.services.tracker_csv_columns import DATE_COLUMNS

Check = Callable[[str, str], object]


def _choice(enum: type) -> Check:
    return lambda field, text: parse_choice(enum, field, text)


CHECKS: dict[str, Check] = {
    "tonnes": lambda field, text: parse_tonnes(text, field),
    "price_per_tonne": lambda field, text: parse_price(text, field),
    "vintage": lambda field, text: parse_year(text, field),
    "durability_years": lambda field, text: parse_whole(text, field),
    "currency": lambda field, text: parse_currency(text, field),
    "method": _choice(Method),
    "credit_type": _choice(CreditType),
    "registry": _choice(Registry),
    "status": _choice(ContractStatus),
    "verification_status": _choice(VerificationStatus),
    "purpose": _choice(Purpose),
    "registry_project_ids": lambda field, text: parse_project_ids(text, field),
    "uid": lambda field, text: parse_uid(text, field),
    **{name: (lambda field, text: parse_date(text, field)) for name in DATE_COLUMNS},
}
# Kinds whose columns of the same name mean something else (schedule 'status' is derived).
_SKIP = {"schedule": frozenset({"status"}), "retirements": frozenset({"registry", "vintage"})}


def field_errors(kind: str, row: Mapping[str, str]) -> list[ValidationError]:
    """The format error of every non-empty cell that has one (empty cells are left to
    the record's own rules: some are optional)."""
    errors = []
    skipped = _SKIP.get(kind, frozenset())
    for name, value in row.items():
        check = CHECKS.get(name)
        text = str(value or "").strip()
        if check is None or not text or name in skipped:
            continue
        try:
            check(name, text)
        except ValidationError as exc:
            errors.append(exc)
    return errors
