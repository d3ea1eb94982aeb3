"""The summary report: one row per contract as of the period's end, then one TOTAL row
per currency (tonnes and values are only added up within a currency)."""

from __future__ import annotations

from collections.abc import Iterator

import sqlite_utils

from tracker.domain.quantities import format_cents, format_price
from tracker.services import tracker_csv
from tracker.services.csv_safe import Number
from tracker.services.reports.options import Report, ReportOptions, tonnes
from tracker.services.summary import portfolio_summary, totals_by_currency

TOTAL = "TOTAL"


def summary_rows(db: sqlite_utils.Database, options: ReportOptions) -> Iterator[list[object]]:
    as_of = options.date_to or options.as_of
    summaries = portfolio_summary(db, as_of, options.contract_id)
    for s in summaries:
        yield [
            s.reference,
            s.supplier,
            s.project,
            s.method,
            tonnes(s.contracted_kg),
            tonnes(s.scheduled_to_date_kg),
            tonnes(s.delivered_kg),
            tonnes(s.verified_kg),
            tonnes(s.retired_kg),
            tonnes(s.available_kg),
            tonnes(s.undelivered_kg),
            Number(s.delivered_pct),
            Number(format_price(s.price)),
            s.currency,
            Number(format_cents(s.delivered_value_cents)),
        ]
    for t in totals_by_currency(summaries):
        yield [
            TOTAL,
            f"{t.contracts} contract(s)",
            "",
            "",
            tonnes(t.contracted_kg),
            tonnes(t.scheduled_to_date_kg),
            tonnes(t.delivered_kg),
            tonnes(t.verified_kg),
            tonnes(t.retired_kg),
            tonnes(t.available_kg),
            tonnes(t.undelivered_kg),
            Number(t.delivered_pct),
            "",
            t.currency,
            Number(format_cents(t.delivered_value_cents)),
        ]


SUMMARY = Report("summary", "Portfolio summary", tracker_csv.COLUMNS["summary"], summary_rows)
