"""The flags and history reports: the audit's CSV exports in the report set.

`flags` lists every flag as of the as-of date with its review status (the period does not
apply: a flag has no date of its own); `history` lists change-log entries logged within
the period (by their UTC date), oldest first.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.services.audit import reports
from tracker.services.reports.options import Report, ReportOptions
from tracker.store.ledger import Ledger

_LOGGED_AT = reports.HISTORY_COLUMNS.index("logged_at")


def flag_rows(db: Ledger, options: ReportOptions) -> Iterator[list[object]]:
    return reports.flag_rows(db, options.as_of, options.contract_id)


def history_rows(db: Ledger, options: ReportOptions) -> Iterator[list[object]]:
    start, end = options.period_start, options.period_end
    for row in reports.history_rows(db, options.contract_id):
        day = str(row[_LOGGED_AT])[:10]
        if start <= day <= end:
            yield row


FLAGS = Report("flags", "Audit flags", reports.FLAG_COLUMNS, flag_rows)
HISTORY = Report("history", "Change log", reports.HISTORY_COLUMNS, history_rows)
