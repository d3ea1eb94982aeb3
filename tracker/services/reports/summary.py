"""The summary report: one row per contract as of the period's end, then one TOTAL row
per currency (tonnes and values are only added up within a currency)."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.services import tracker_csv
from tracker.services.reports.options import Report, ReportOptions
from tracker.services.summary import portfolio_summary, totals_by_currency
from tracker.store.ledger import Ledger

TOTAL = "TOTAL"


def summary_rows(db: Ledger, options: ReportOptions) -> Iterator[list[object]]:
    as_of = options.date_to or options.as_of
    summaries = portfolio_summary(db, as_of, options.contract_id)
    for s in summaries:
        yield tracker_csv.summary_line(s)
    for t in totals_by_currency(summaries):
        yield tracker_csv.summary_line(t)


SUMMARY = Report("summary", "Portfolio summary", tracker_csv.COLUMNS["summary"], summary_rows)
