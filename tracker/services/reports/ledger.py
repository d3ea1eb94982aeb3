"""The deliveries, retirements and invalidations reports: the tracker's columns first (so the files
re-import), then derived columns the importer ignores."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.services import tracker_csv
from tracker.services.csv_safe import PreparedRows
from tracker.services.reports.options import Report, ReportOptions
from tracker.store import lookups, queries
from tracker.store.ledger import Ledger

RETIREMENT_EXTRA = tracker_csv.DERIVED_COLUMNS["retirements"]


def delivery_rows(db: Ledger, options: ReportOptions) -> PreparedRows:
    return tracker_csv.delivery_lines(db, options.contract_id, options.date_from, options.date_to)


def retirement_rows(db: Ledger, options: ReportOptions) -> Iterator[list[object]]:
    refs = queries.contract_references(db)
    contracts = {c.id: c for c in queries.contracts(db)}
    vintages = lookups.delivery_vintages(db, options.contract_id)
    for r in queries.retirements(db, options.contract_id):
        if not options.in_period(r.retired_on):
            continue
        contract = contracts[r.contract_id]
        claim_year = (r.claim_end or r.claim_start or r.retired_on).year
        yield [
            *tracker_csv.retirement_line(r, refs[r.contract_id]),
            claim_year,
            "" if vintages.get(r.delivery_id) is None else vintages[r.delivery_id],
            contract.registry.value,
            contract.method.value,
            contract.credit_type.value,
        ]


def invalidation_rows(db: Ledger, options: ReportOptions) -> Iterator[list[object]]:
    refs = queries.contract_references(db)
    for i in queries.invalidations(db, options.contract_id):
        if options.in_period(i.invalidated_on):
            delivery = queries.delivery(db, i.delivery_id)
            yield tracker_csv.invalidation_line(i, refs[i.contract_id], delivery)


DELIVERIES = Report("deliveries", "Deliveries", tracker_csv.COLUMNS["deliveries"], delivery_rows)
RETIREMENTS = Report(
    "retirements",
    "Retirements",
    (*tracker_csv.COLUMNS["retirements"], *RETIREMENT_EXTRA),
    retirement_rows,
)
INVALIDATIONS = Report(
    "invalidations", "Invalidations", tracker_csv.COLUMNS["invalidations"], invalidation_rows
)
