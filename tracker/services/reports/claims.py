"""The claims report: tonnes retired per claim year and purpose, removal vs avoidance,
split by method -- the table a sustainability report quotes.

The claim year is the year of the claim period's end (else its start, else the
retirement date).  After the detail rows of each claim year come its subtotals per
credit type, with ``purpose`` and ``method`` set to ``ALL``.  Retirements are
selected by their retirement date.

A claim needs restating when some of its retired tonnes no longer stand as of the
report's date: drawn from a delivery whose verification has since failed, or
invalidated by the registry (see ``tracker.services.restatement``).  Those tonnes
are in ``restatement_tonnes`` and the row says ``needs_restatement = yes``.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.services.reports.options import Report, ReportOptions, tonnes
from tracker.services.restatement import affected_retirements
from tracker.store.ledger import Ledger
from tracker.store.portfolio import retired_by_claim

ALL = "ALL"
HEADER = (
    "claim_year", "purpose", "credit_type", "method", "retired_tonnes", "retirements",
    "restatement_tonnes", "needs_restatement",
)  # fmt: skip

Key = tuple[int, str, str, str]


def _line(key: Key, kg: int, n: int, restate: int) -> list[object]:
    return [*key, tonnes(kg), n, tonnes(restate), "yes" if restate else "no"]


def claim_rows(db: Ledger, options: ReportOptions) -> Iterator[list[object]]:
    affected = affected_retirements(db, options.date_to or options.as_of)
    claims: dict[Key, list[int]] = {}  # (year, purpose, type, method) -> [kg, n, restate kg]
    found = retired_by_claim(db, options.period_start, options.period_end, options.contract_id)
    for year, purpose, credit_type, method, rid, kg in found:
        total = claims.setdefault((year, purpose, credit_type, method), [0, 0, 0])
        total[0] += kg
        total[1] += 1
        total[2] += affected[rid].kg if rid in affected else 0
    for year in sorted({key[0] for key in claims}):
        subtotals: dict[str, list[int]] = {}
        for key, (kg, n, restate) in sorted(claims.items(), key=lambda i: (i[0][2], i[0][1:])):
            if key[0] != year:
                continue
            yield _line(key, kg, n, restate)
            total = subtotals.setdefault(key[2], [0, 0, 0])
            for i, value in enumerate((kg, n, restate)):
                total[i] += value
        for credit_type, (kg, n, restate) in sorted(subtotals.items()):
            yield _line((year, ALL, credit_type, ALL), kg, n, restate)


CLAIMS = Report("claims", "Retirement claims", HEADER, claim_rows)
