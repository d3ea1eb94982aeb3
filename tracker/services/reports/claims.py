"""The claims report: tonnes retired per claim year and purpose, removal vs avoidance,
split by method -- the table a sustainability report quotes.

The claim year is the year of the claim period's end (else its start, else the
retirement date).  After the detail rows of each claim year come its subtotals per
credit type, with ``purpose`` and ``method`` set to ``ALL``.  Retirements are
selected by their retirement date.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlite_utils

from tracker.services.reports.options import Report, ReportOptions, tonnes

ALL = "ALL"
HEADER = ("claim_year", "purpose", "credit_type", "method", "retired_tonnes", "retirements")

_SQL = """
select cast(substr(coalesce(r.claim_end, r.claim_start, r.retired_on), 1, 4) as integer) as year,
       r.purpose, c.credit_type, c.method,
       sum(r.tonnes_kg) as kg, count(*) as n
from retirements r join contracts c on c.id = r.contract_id
where r.retired_on between ? and ? {contract}
group by year, r.purpose, c.credit_type, c.method
order by year, c.credit_type, r.purpose, c.method
"""


def claim_rows(db: sqlite_utils.Database, options: ReportOptions) -> Iterator[list[object]]:
    params: list[object] = [options.period_start, options.period_end]
    contract = ""
    if options.contract_id:
        contract = "and r.contract_id = ?"
        params.append(options.contract_id)
    rows = db.execute(_SQL.format(contract=contract), params).fetchall()
    years = sorted({row[0] for row in rows})
    for year in years:
        subtotals: dict[str, list[int]] = {}
        for y, purpose, credit_type, method, kg, n in rows:
            if y != year:
                continue
            yield [year, purpose, credit_type, method, tonnes(kg), n]
            total = subtotals.setdefault(credit_type, [0, 0])
            total[0] += kg
            total[1] += n
        for credit_type, (kg, n) in sorted(subtotals.items()):
            yield [year, ALL, credit_type, ALL, tonnes(kg), n]


CLAIMS = Report("claims", "Retirement claims", HEADER, claim_rows)
