"""The CSV report set: summary, schedule, deliveries, retirements, invalidations, claims,
flags and history.

Each report is a header and a row generator filtered by ``ReportOptions`` (a period of
the record's own date and a contract).  Write them with ``csv_safe.write_file``.
"""

from tracker.services.reports.audit import FLAGS, HISTORY
from tracker.services.reports.claims import CLAIMS
from tracker.services.reports.ledger import DELIVERIES, INVALIDATIONS, RETIREMENTS
from tracker.services.reports.options import Report, ReportOptions
from tracker.services.reports.schedule import SCHEDULE
from tracker.services.reports.summary import SUMMARY

REPORTS: dict[str, Report] = {
    r.name: r
    for r in (SUMMARY, SCHEDULE, DELIVERIES, RETIREMENTS, INVALIDATIONS, CLAIMS, FLAGS, HISTORY)
}

__all__ = ["REPORTS", "Report", "ReportOptions"]
