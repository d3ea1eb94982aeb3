"""The CSV report set: contents, period filters and re-import of the tracker columns."""

from __future__ import annotations

import datetime as dt
import io
import re

import sqlite_utils

from tests.factories import counts, make_contract, make_delivery
from tracker.services import schedule as schedule_service
from tracker.services import tracker_csv
from tracker.services.csv_safe import to_text
from tracker.services.reports import REPORTS, ReportOptions
from tracker.services.retirements import retire

AS_OF = dt.date(2026, 6, 30)


def rows(db: sqlite_utils.Database, name: str, **options: object) -> list[list[str]]:
    report = REPORTS[name]
    found = report.rows(db, ReportOptions(as_of=AS_OF, **options))  # type: ignore[arg-type]
    return [[str(c) for c in row] for row in found]


def column(name: str, key: str) -> int:
    return list(REPORTS[name].header).index(key)


def portfolio(db: sqlite_utils.Database) -> int:
    usd = make_contract(db, reference="C-USD", tonnes="1000", price_per_tonne="500")
    make_contract(
        db,
        reference="C-EUR",
        tonnes="200",
        currency="EUR",
        credit_type="avoidance",
        method="cookstoves",
    )
    make_delivery(db, usd, delivered_on="2025-06-30", tonnes="100")
    make_delivery(
        db,
        usd,
        delivered_on="2026-02-01",
        tonnes="50",
        verified_on="2026-02-10",
        serial_block="ACR-US-1-2025-1-101 to 150",
    )
    return usd


def test_summary_ends_with_a_total_row_per_currency(db: sqlite_utils.Database) -> None:
    portfolio(db)
    found = rows(db, "summary")
    assert [r[0] for r in found] == ["C-EUR", "C-USD", "TOTAL", "TOTAL"]
    delivered = column("summary", "delivered_tonnes")
    currency = column("summary", "currency")
    assert [(r[currency], r[delivered]) for r in found[2:]] == [("EUR", "0"), ("USD", "150")]


def test_summary_is_the_position_at_the_end_of_the_period(db: sqlite_utils.Database) -> None:
    portfolio(db)
    found = rows(db, "summary", date_to=dt.date(2025, 12, 31))
    assert found[1][column("summary", "delivered_tonnes")] == "100"


def test_schedule_shows_delivered_shortfall_and_late_days(db: sqlite_utils.Database) -> None:
    usd = portfolio(db)
    schedule_service.add_tranche(db, usd, {"due_on": "2025-12-31", "tonnes": "120"})
    found = rows(db, "schedule", contract_id=usd)
    [tranche] = found
    header = list(REPORTS["schedule"].header)
    assert dict(zip(header, tranche, strict=True)) | {} == {
        "contract": "C-USD",
        "due_on": "2025-12-31",
        "tonnes": "120",
        "vintage": "",
        "price_per_tonne": "",
        "derived": "no",
        "delivered_tonnes": "120",
        "shortfall_tonnes": "0",
        "late_days": "32",
        "status": "delivered late",
    }


def test_schedule_report_reimports_adding_nothing(db: sqlite_utils.Database) -> None:
    usd = portfolio(db)
    schedule_service.add_tranche(db, usd, {"due_on": "2025-12-31", "tonnes": "120"})
    report = REPORTS["schedule"]
    text = to_text(report.header, report.rows(db, ReportOptions(as_of=AS_OF)))
    assert ",yes," in text  # C-EUR has the even default schedule, marked derived
    before = counts(db)

    result = tracker_csv.import_text(db, "schedule", text, "schedule.csv")

    assert result.added == 0
    assert counts(db) == before


def test_retirements_report_has_claim_period_and_reimports(db: sqlite_utils.Database) -> None:
    usd = portfolio(db)
    retire(
        db,
        usd,
        {
            "retired_on": "2026-03-01",
            "tonnes": "30",
            "beneficiary": "Buyer Co",
            "purpose": "public-claim",
            "claim_start": "2025-01-01",
            "claim_end": "2025-12-31",
        },
    )
    report = REPORTS["retirements"]
    text = to_text(report.header, report.rows(db, ReportOptions(as_of=AS_OF)))
    assert re.search(
        "Buyer Co,public-claim,2025-01-01,2025-12-31,,[0-9a-f-]{36},2025,2025,acr,dac,removal", text
    )
    assert tracker_csv.import_text(db, "retirements", text, "r.csv").added == 0


def test_period_filters_use_each_records_own_date(db: sqlite_utils.Database) -> None:
    portfolio(db)
    found = rows(db, "deliveries", date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 12, 31))
    assert [r[1] for r in found] == ["2026-02-01"]


def test_claims_split_by_year_purpose_type_and_method(db: sqlite_utils.Database) -> None:
    usd = portfolio(db)
    for day, claim_end, tonnes, purpose in (
        ("2026-01-15", "2025-12-31", "10", "corporate-target"),
        ("2026-02-15", "2025-12-31", "5", "public-claim"),
        ("2026-03-15", "", "7", "corporate-target"),
    ):
        retire(
            db,
            usd,
            {"retired_on": day, "tonnes": tonnes, "purpose": purpose, "claim_end": claim_end},
        )
    assert rows(db, "claims") == [
        ["2025", "corporate-target", "removal", "dac", "10", "1", "0", "no"],
        ["2025", "public-claim", "removal", "dac", "5", "1", "0", "no"],
        ["2025", "ALL", "removal", "ALL", "15", "2", "0", "no"],
        ["2026", "corporate-target", "removal", "dac", "7", "1", "0", "no"],
        ["2026", "ALL", "removal", "ALL", "7", "1", "0", "no"],
    ]
    assert rows(db, "claims", date_from=dt.date(2026, 3, 1))[0][4] == "7"


def test_report_text_parses_as_csv(db: sqlite_utils.Database) -> None:
    import csv

    portfolio(db)
    for name, report in REPORTS.items():
        text = to_text(report.header, report.rows(db, ReportOptions(as_of=AS_OF)))
        parsed = list(csv.reader(io.StringIO(text)))
        assert parsed[0] == list(report.header), name
        assert all(len(r) == len(report.header) for r in parsed), name
