"""What every audit rule needs: the date, the thresholds and helpers to word a flag."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from tracker.domain.flags import Flag, Severity
from tracker.domain.quantities import format_tonnes_grouped
from tracker.services.audit.settings import Thresholds
from tracker.store import queries


@dataclass(frozen=True, slots=True)
class RuleContext:
    db: sqlite_utils.Database
    as_of: dt.date
    thresholds: Thresholds

    @property
    def day(self) -> str:
        return self.as_of.isoformat()

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        return queries.rows(self.db, sql, {"as_of": self.day, **(params or {})})  # type: ignore[arg-type]


def t(kg: int) -> str:
    """Tonnes for a message: '1,234.567 t'."""
    return f"{format_tonnes_grouped(kg)} t"


def delivery_subject(block: str) -> str:
    return f"delivery {block}"


def retirement_subject(block: str, retired_on: str) -> str:
    return f"retirement {block} on {retired_on}"


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
