"""The schedule report: each tranche with what was delivered against it.

Deliveries fill a contract's tranches in due-date order (the earliest open tranche
first), counting only deliveries made by the as-of date.  A tranche is *late* by the
days between its due date and the day it was filled, or the as-of date while it is
still short.  Contracts without tranches show their even default schedule, marked
``derived = yes`` (re-importing the file skips those rows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils

from tracker.domain.dates import iso
from tracker.domain.quantities import format_price
from tracker.domain.records import Tranche
from tracker.domain.schedule import effective_schedule
from tracker.services import tracker_csv
from tracker.services.csv_safe import Number
from tracker.services.reports.options import Report, ReportOptions, tonnes
from tracker.store import queries


@dataclass(frozen=True, slots=True)
class TrancheProgress:
    tranche: Tranche
    delivered_kg: int
    filled_on: dt.date | None

    @property
    def shortfall_kg(self) -> int:
        return self.tranche.tonnes_kg - self.delivered_kg

    def late_days(self, as_of: dt.date) -> int:
        end = self.filled_on or as_of
        return max((end - self.tranche.due_on).days, 0)

    def status(self, as_of: dt.date) -> str:
        if self.filled_on is not None:
            return "delivered late" if self.late_days(as_of) else "delivered"
        if as_of > self.tranche.due_on:
            return "overdue"
        return "partly delivered" if self.delivered_kg else "open"


def fill_tranches(
    tranches: list[Tranche], deliveries: list[tuple[dt.date, int]]
) -> list[TrancheProgress]:
    """Pure: allocate dated delivery quantities to tranches in due order."""
    ordered = sorted(tranches, key=lambda t: t.due_on)
    pending = sorted(deliveries)
    progress: list[TrancheProgress] = []
    index, left_in_delivery = 0, pending[0][1] if pending else 0
    for tranche in ordered:
        need, filled_on = tranche.tonnes_kg, None
        while need and index < len(pending):
            take = min(need, left_in_delivery)
            need -= take
            left_in_delivery -= take
            if need == 0:
                filled_on = pending[index][0]
            if left_in_delivery == 0:
                index += 1
                left_in_delivery = pending[index][1] if index < len(pending) else 0
        progress.append(TrancheProgress(tranche, tranche.tonnes_kg - need, filled_on))
    return progress


def schedule_rows(db: sqlite_utils.Database, options: ReportOptions) -> Iterator[list[object]]:
    delivered: dict[int, list[tuple[dt.date, int]]] = {}
    for contract_id, day, kg in db.execute(
        "select contract_id, delivered_on, tonnes_kg from deliveries where delivered_on <= ?",
        [options.as_of.isoformat()],
    ):
        delivered.setdefault(contract_id, []).append((dt.date.fromisoformat(day), kg))
    stored: dict[int, list[Tranche]] = {}
    for t in queries.tranches(db, options.contract_id):
        stored.setdefault(t.contract_id, []).append(t)
    for contract in queries.contracts(db):
        if options.contract_id and contract.id != options.contract_id:
            continue
        assert contract.id is not None
        plan = effective_schedule(contract, stored.get(contract.id, []))
        for p in fill_tranches(plan, delivered.get(contract.id, [])):
            t = p.tranche
            if not options.in_period(t.due_on):
                continue
            yield [
                contract.reference,
                iso(t.due_on),
                tonnes(t.tonnes_kg),
                "" if t.vintage is None else t.vintage,
                "" if t.price is None else Number(format_price(t.price)),
                "yes" if t.derived else "no",
                tonnes(p.delivered_kg),
                tonnes(p.shortfall_kg),
                p.late_days(options.as_of),
                p.status(options.as_of),
            ]


SCHEDULE = Report(
    "schedule",
    "Delivery schedule",
    (*tracker_csv.COLUMNS["schedule"], *tracker_csv.DERIVED_COLUMNS["schedule"]),
    schedule_rows,
)
