"""The schedule report: each tranche with what was delivered against it.

Accepted deliveries made by the as-of date fill a contract's tranches as
``tracker.domain.fulfilment`` allocates them (the tranche a delivery names, else
due-date order); rejected deliveries and invalidated tonnes fill nothing.  A
tranche is *late* by the days between its due date and the day it was filled, or
the as-of date while it is still short.  Contracts without tranches show their even
default schedule, marked ``derived = yes`` (re-importing the file skips those rows).
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.domain.dates import iso
from tracker.domain.quantities import format_price
from tracker.services import tracker_csv
from tracker.services.csv_safe import Number
from tracker.services.fulfilment import fulfilment
from tracker.services.reports.options import Report, ReportOptions, tonnes
from tracker.store.ledger import Ledger


def schedule_rows(db: Ledger, options: ReportOptions) -> Iterator[list[object]]:
    for contract, filled in fulfilment(db, options.as_of, options.contract_id).values():
        for fill in filled.fills:
            t = fill.tranche
            if not options.in_period(t.due_on):
                continue
            yield [
                contract.reference,
                iso(t.due_on),
                tonnes(t.tonnes_kg),
                "" if t.vintage is None else t.vintage,
                "" if t.price is None else Number(format_price(t.price)),
                "yes" if t.derived else "no",
                tonnes(fill.delivered_kg),
                tonnes(fill.shortfall_kg),
                fill.late_days(options.as_of),
                fill.status(options.as_of),
            ]


SCHEDULE = Report(
    "schedule",
    "Delivery schedule",
    # the tracker's schedule columns but the global id (derived tranches have none)
    (*tracker_csv.COLUMNS["schedule"][:-1], *tracker_csv.DERIVED_COLUMNS["schedule"]),
    schedule_rows,
)
