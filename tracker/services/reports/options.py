"""What every report is filtered by: a period of the record's own date and a contract."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tracker.domain.dates import iso
from tracker.domain.quantities import format_tonnes_short
from tracker.services.csv_safe import Number
from tracker.store.ledger import Ledger


@dataclass(frozen=True, slots=True)
class ReportOptions:
    as_of: dt.date
    contract_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def period_start(self) -> str:
        return iso(self.date_from) or "0001-01-01"

    @property
    def period_end(self) -> str:
        return iso(self.date_to) or "9999-12-31"

    def in_period(self, day: dt.date) -> bool:
        return (self.date_from is None or day >= self.date_from) and (
            self.date_to is None or day <= self.date_to
        )


@dataclass(frozen=True, slots=True)
class Report:
    name: str
    title: str
    header: Sequence[str]
    rows: Callable[[Ledger, ReportOptions], Iterable[Sequence[object]]]


def tonnes(kg: int) -> Number:
    return Number(format_tonnes_short(kg))
