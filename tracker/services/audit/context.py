"""What every audit rule needs: the date, the thresholds and helpers to word a flag."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from tracker.domain.flags import Flag, Severity
from tracker.domain.fulfilment import Fulfilment
from tracker.domain.quantities import format_tonnes_grouped
from tracker.domain.records import Contract
from tracker.services.audit.settings import Thresholds
from tracker.services.fulfilment import fulfilment
from tracker.services.summary import ContractSummary, portfolio_summary
from tracker.store import queries


@dataclass(frozen=True, slots=True)
class RuleContext:
    db: sqlite_utils.Database
    as_of: dt.date
    thresholds: Thresholds
    _shared: dict[str, Any] = field(default_factory=dict)

    def fulfilment(self) -> dict[int, tuple[Contract, Fulfilment]]:
        """Tranche allocation as of the date, computed once for all the rules that read it."""
        if "fulfilment" not in self._shared:
            self._shared["fulfilment"] = fulfilment(self.db, self.as_of)
        return self._shared["fulfilment"]

    def summary(self) -> list[ContractSummary]:
        """The portfolio summary as of the date, computed once for the rules that read it
        (from the shared allocation, which the schedule rules need anyway)."""
        if "summary" not in self._shared:
            self._shared["summary"] = portfolio_summary(
                self.db, self.as_of, allocations=self.fulfilment()
            )
        return self._shared["summary"]

    @property
    def day(self) -> str:
        return self.as_of.isoformat()

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        return queries.rows(self.db, sql, {"as_of": self.day, **(params or {})})  # type: ignore[arg-type]


def t(kg: int) -> str:
    """Tonnes for a message: '1,234.567 t'."""
    return f"{format_tonnes_grouped(kg)} t"


def delivery_subject(block: str | None, reference: str = "", delivered_on: str = "") -> str:
    """A delivery in words: its serials, else (serials pending) its reference and date."""
    if block:
        return f"delivery {block}"
    named = f" {reference}" if reference else ""
    return f"delivery{named} of {delivered_on} (serials pending)"


def subject_of_delivery(row: dict[str, Any]) -> str:
    """``delivery_subject`` for a query row with serial_block, reference and delivered_on."""
    return delivery_subject(
        row.get("serial_block"), row.get("reference") or "", row.get("delivered_on") or ""
    )


def retirement_subject(block: str | None, retired_on: str, tonnes_kg: int = 0) -> str:
    if block:
        return f"retirement {block} on {retired_on}"
    return f"retirement of {t(tonnes_kg)} on {retired_on} (serials pending)"


def flag(
    rule: str,
    severity: Severity,
    row: dict[str, Any],
    subject: str,
    message: str,
    table: str | None,
    record_id: int | None,
    *evidence: object,
) -> Flag:
    """Build a flag from a query row carrying ``contract_id`` and ``contract``."""
    return Flag(
        rule=rule,
        severity=severity,
        contract_id=row.get("contract_id"),
        contract=row.get("contract") or "",
        subject=subject,
        message=message,
        subject_table=table,
        subject_id=record_id,
        evidence="|".join(str(e) for e in evidence),
    )
