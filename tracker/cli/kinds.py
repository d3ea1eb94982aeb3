"""What `export KIND` and `import KIND` can do.  Features register their kinds here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.services import tracker_csv
from tracker.services.audit import reports, verification_csv
from tracker.services.registry import import_registry_file
from tracker.services.reports import REPORTS, Report, ReportOptions
from tracker.store.ledger import Ledger


@dataclass(frozen=True, slots=True)
class ExportOptions:
    as_of: dt.date
    contract_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ExportKind:
    header: Sequence[str]
    rows: Callable[[Ledger, ExportOptions], Iterable[Sequence[object]]]


# An importer returns the one-line report printed on success.
Importer = Callable[[Ledger, Path], str]

EXPORTS: dict[str, ExportKind] = {}
IMPORTS: dict[str, Importer] = {}


def _tracker_export(kind: str) -> ExportKind:
    return ExportKind(
        header=tracker_csv.header(kind),
        rows=lambda db, o: tracker_csv.export_rows(db, kind, o.contract_id, o.as_of),
    )


def _tracker_import(kind: str) -> Importer:
    def run(db: Ledger, path: Path) -> str:
        result = tracker_csv.import_file(db, kind, path)
        notes = f" Read as: {', '.join(result.notes)}." if result.notes else ""
        return (
            f"{path}: {result.added:,} {kind} row(s) added, {result.unchanged:,} already "
            f"present.{notes}"
        )

    return run


for _kind in tracker_csv.EXPORT_KINDS:
    EXPORTS[_kind] = _tracker_export(_kind)
for _kind in tracker_csv.IMPORT_KINDS:
    IMPORTS[_kind] = _tracker_import(_kind)


# Audit verification: flags with their review status, the change log, verification records.
EXPORTS["flags"] = ExportKind(
    header=reports.FLAG_COLUMNS,
    rows=lambda db, o: reports.flag_rows(db, o.as_of, o.contract_id),
)
EXPORTS["history"] = ExportKind(
    header=reports.HISTORY_COLUMNS,
    rows=lambda db, o: reports.history_rows(db, o.contract_id),
)
EXPORTS["verifications"] = ExportKind(
    header=verification_csv.COLUMNS,
    rows=lambda db, o: verification_csv.export_rows(db, o.contract_id),
)


def _import_verifications(db: Ledger, path: Path) -> str:
    result = verification_csv.import_file(db, path)
    return f"{path}: {result.added} verification row(s) added, {result.unchanged} already present."


IMPORTS["verifications"] = _import_verifications


def _report_export(report: Report) -> ExportKind:
    return ExportKind(
        header=report.header,
        rows=lambda db, o: report.rows(
            db, ReportOptions(o.as_of, o.contract_id, o.date_from, o.date_to)
        ),
    )


def _registry_import(db: Ledger, path: Path) -> str:
    return import_registry_file(db, path).describe()


# The report set replaces the plain tracker exports of the same name (same columns
# first, so every report still re-imports) and adds `claims`.
for _report in REPORTS.values():
    EXPORTS[_report.name] = _report_export(_report)
IMPORTS["registry"] = _registry_import
