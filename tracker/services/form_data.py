"""A stored record as the text a form shows: the tracker CSV cells, keyed by column name.

The form and the CSV export read a record the same way, so both come from the
``*_line`` functions of :mod:`tracker.services.tracker_csv`.
"""

from __future__ import annotations

from tracker.domain.records import Contract, Delivery, Invalidation, Retirement, Tranche
from tracker.services.tracker_csv import (
    contract_line,
    delivery_line,
    invalidation_line,
    retirement_line,
    tranche_line,
)
from tracker.services.tracker_csv_columns import COLUMNS


def _as_input(kind: str, line: list[object]) -> dict[str, str]:
    """Cells by column name; the contract column is the form's own choice, so it is left out,
    and so is the record's global id (a form never changes it, nor gives it to a copy)."""
    return {
        k: str(v) for k, v in zip(COLUMNS[kind], line, strict=True) if k not in ("contract", "uid")
    }


def contract_input(c: Contract) -> dict[str, str]:
    return _as_input("contracts", contract_line(c))


def tranche_input(t: Tranche) -> dict[str, str]:
    return _as_input("schedule", tranche_line(t, ""))


def delivery_input(d: Delivery) -> dict[str, str]:
    return _as_input("deliveries", delivery_line(d, ""))


def retirement_input(r: Retirement) -> dict[str, str]:
    return _as_input("retirements", retirement_line(r, ""))


def invalidation_input(i: Invalidation, delivery: Delivery) -> dict[str, str]:
    return _as_input("invalidations", invalidation_line(i, "", delivery))
