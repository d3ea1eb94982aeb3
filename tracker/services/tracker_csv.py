"""The tracker's own CSV format: export every kind, import all rows or none."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from tracker.domain.changes import ChangeSet
from tracker.domain.dates import iso
from tracker.domain.errors import ImportRefused, RowError, TrackerError, ValidationError
from tracker.domain.quantities import format_cents, format_price, format_tonnes_short
from tracker.domain.records import Contract, Delivery, Retirement, Tranche
from tracker.domain.serials import parse_serial_block
from tracker.services import contracts as contract_service
from tracker.services import deliveries as delivery_service
from tracker.services import retirements as retirement_service
from tracker.services import schedule as schedule_service
from tracker.services.csv_safe import Number, restore
from tracker.services.summary import portfolio_summary
from tracker.services.tracker_csv_columns import (
    COLUMNS,
    DERIVED_COLUMNS,
    EXPORT_KINDS,
    IMPORT_KINDS,
)
from tracker.services.tracker_csv_columns import (
    header as header,  # re-exported: the format's columns by kind
)
from tracker.store import queries
from tracker.store.unit_of_work import UnitOfWork


def _t(kg: int) -> Number:
    return Number(format_tonnes_short(kg))


def _opt(value: object) -> object:
    return "" if value is None else Number(str(value)) if isinstance(value, int) else value


def export_rows(
    db: sqlite_utils.Database,
    kind: str,
    contract_id: int | None = None,
    as_of: dt.date | None = None,
) -> Iterator[list[object]]:
    refs = queries.contract_references(db)
    if kind == "contracts":
        for c in queries.contracts(db):
            if contract_id and c.id != contract_id:
                continue
            yield contract_line(c)
    elif kind == "schedule":
        for t in queries.tranches(db, contract_id):
            yield tranche_line(t, refs[t.contract_id])
    elif kind == "deliveries":
        for d in queries.deliveries(db, contract_id):
            yield delivery_line(d, refs[d.contract_id])
    elif kind == "retirements":
        for r in queries.retirements(db, contract_id):
            yield retirement_line(r, refs[r.contract_id])
    elif kind == "summary":
        for s in portfolio_summary(db, as_of or dt.date.today(), contract_id):
            yield [
                s.reference,
                s.supplier,
                s.project,
                s.method,
                _t(s.contracted_kg),
                _t(s.scheduled_to_date_kg),
                _t(s.delivered_kg),
                _t(s.verified_kg),
                _t(s.retired_kg),
                _t(s.available_kg),
                _t(s.undelivered_kg),
                Number(s.delivered_pct),
                Number(format_price(s.price)),
                s.currency,
                Number(format_cents(s.delivered_value_cents)),
            ]
    else:
        raise TrackerError(f"unknown export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}")


# --- import -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportResult:
    kind: str
    added: int
    unchanged: int
    changes: ChangeSet


def read_table(source: str, text: str, kind: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (file line number, row) pairs after checking the header."""
    expected = COLUMNS[kind]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused(source, [RowError(1, "header", "the file is empty")]) from None
    except csv.Error as exc:
        raise ImportRefused(source, [RowError(1, "header", f"unreadable CSV ({exc})")]) from None
    header = [h.strip() for h in header]
    problems = []
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        problems.append(RowError(1, duplicated[0], "appears more than once in the header"))
    missing = [c for c in expected if c not in header]
    if missing:
        problems.append(
            RowError(1, missing[0], f"is missing from the header (expected: {','.join(expected)})")
        )
    ignored = DERIVED_COLUMNS.get(kind, ())
    unknown = [h for h in header if h not in expected and h not in ignored]
    if unknown:
        problems.append(RowError(1, unknown[0] or "(blank)", f"is not a {kind} column"))
    if problems:
        raise ImportRefused(source, problems)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportRefused(
                source, [RowError(line, "(row)", f"unreadable CSV: {exc}")]
            ) from None
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise ImportRefused(
                source,
                [
                    RowError(
                        line, "(row)", f"has {len(cells)} cells but the header has {len(header)}"
                    )
                ],
            )
        yield line, {h: restore(c) for h, c in zip(header, cells, strict=True)}


def _contract_id(db: sqlite_utils.Database, row: Mapping[str, str]) -> int:
    found = contract_service.resolve_reference(db, row.get("contract"))
    assert found.id is not None
    return found.id


def contract_line(c: Contract) -> list[object]:
    return [
        c.reference,
        c.buyer,
        c.supplier,
        c.project,
        c.method.value,
        c.credit_type.value,
        c.registry.value,
        _t(c.tonnes_kg),
        Number(format_price(c.price)),
        c.currency,
        iso(c.signed_on),
        iso(c.start_on),
        iso(c.end_on),
        _opt(c.durability_years),
        c.status.value,
        c.notes,
    ]


def tranche_line(t: Tranche, reference: str) -> list[object]:
    return [
        reference,
        iso(t.due_on),
        _t(t.tonnes_kg),
        _opt(t.vintage),
        Number(format_price(t.price)) if t.price is not None else "",
    ]


def delivery_line(d: Delivery, reference: str) -> list[object]:
    return [
        reference,
        iso(d.delivered_on),
        _t(d.tonnes_kg),
        _opt(d.vintage),
        d.registry.value,
        d.block.text,
        d.verification_status.value,
        d.verifier,
        iso(d.verified_on),
        d.reference,
    ]


def retirement_line(r: Retirement, reference: str) -> list[object]:
    return [
        reference,
        iso(r.retired_on),
        _t(r.tonnes_kg),
        r.block.text,
        r.beneficiary,
        r.purpose.value,
        iso(r.claim_start),
        iso(r.claim_end),
        r.registry_reference,
    ]


def _same(lines: Iterable[list[object]], kind: str, row: Mapping[str, str]) -> bool:
    """True when an identical record already exists (re-importing adds nothing)."""
    wanted = [str(row.get(c, "")).strip() for c in COLUMNS[kind]]
    return any([str(c) for c in line] == wanted for line in lines)


def _existing_with_block(
    db: sqlite_utils.Database, table: str, row: Mapping[str, str]
) -> list[int]:
    text = str(row.get("serial_block", "")).strip()
    if not text:
        return []
    try:
        block = parse_serial_block(text)
    except ValidationError:
        return []
    return [
        r[0]
        for r in db.execute(
            f"select id from {table} "
            "where serial_prefix = ? and serial_start = ? and serial_end = ?",
            [block.prefix, block.start, block.end],
        )
    ]


def _import_contract(db: sqlite_utils.Database, row: Mapping[str, str]) -> ChangeSet | None:
    existing = queries.contract_by_reference(db, str(row.get("reference", "")))
    if existing is not None and _same(export_rows(db, "contracts", existing.id), "contracts", row):
        return None
    return contract_service.add_contract(db, row)[1]


def _import_tranche(db: sqlite_utils.Database, row: Mapping[str, str]) -> ChangeSet | None:
    if str(row.get("derived", "")).strip().lower() == "yes":
        return None  # the even default schedule, shown by the report, is not stored
    cid = _contract_id(db, row)
    if _same(export_rows(db, "schedule", cid), "schedule", row):
        return None
    return schedule_service.add_tranche(db, cid, row)[1]


def _import_delivery(db: sqlite_utils.Database, row: Mapping[str, str]) -> ChangeSet | None:
    cid = _contract_id(db, row)
    reference = str(row.get("contract", "")).strip()
    found = (queries.delivery(db, i) for i in _existing_with_block(db, "deliveries", row))
    if _same((delivery_line(d, reference) for d in found), "deliveries", row):
        return None
    return delivery_service.add_delivery(db, cid, row)[1]


def _import_retirement(db: sqlite_utils.Database, row: Mapping[str, str]) -> ChangeSet | None:
    cid = _contract_id(db, row)
    reference = str(row.get("contract", "")).strip()
    found = (queries.retirement(db, i) for i in _existing_with_block(db, "retirements", row))
    if _same((retirement_line(r, reference) for r in found), "retirements", row):
        return None
    return retirement_service.retire(db, cid, row)[1]


IMPORTERS: dict[str, Callable[[sqlite_utils.Database, Mapping[str, str]], ChangeSet | None]] = {
    "contracts": _import_contract,
    "schedule": _import_tranche,
    "deliveries": _import_delivery,
    "retirements": _import_retirement,
}


def decode(source: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRefused(
            source,
            [
                RowError(
                    line, "(file)", f"is not valid UTF-8 (byte {exc.start}); save the file as UTF-8"
                )
            ],
        ) from None


def import_text(db: sqlite_utils.Database, kind: str, text: str, source: str) -> ImportResult:
    """Import every row of ``text`` in one transaction, or refuse the whole file."""
    if kind not in IMPORTERS:
        raise TrackerError(f"unknown import {kind!r}; choose one of {', '.join(IMPORT_KINDS)}")
    return run_import(db, kind, text, source, IMPORTERS[kind])


def run_import(
    db: sqlite_utils.Database,
    kind: str,
    text: str,
    source: str,
    importer: Callable[[sqlite_utils.Database, Mapping[str, str]], ChangeSet | None],
) -> ImportResult:
    """Feed each row to ``importer`` in one transaction; refuse the file if any row fails.

    ``importer`` returns None for a row identical to an existing record (nothing added).
    Every bad row is reported with its line and column; then nothing is written.
    """
    errors: list[RowError] = []
    added = unchanged = 0
    changes = ChangeSet()
    with UnitOfWork(db) as uow:
        for line, row in read_table(source, text, kind):
            try:
                with db.atomic():
                    change = importer(db, row)
            except ValidationError as exc:
                errors.append(RowError(line, exc.field, f"{_value(exc)}{exc.reason}"))
                continue
            except TrackerError as exc:
                errors.append(RowError(line, "(row)", str(exc)))
                continue
            if change is None:
                unchanged += 1
            else:
                added += 1
                changes = changes | change
        if errors:
            raise ImportRefused(source, errors)
        uow.log_event(
            "import", kind, {"file": Path(source).name, "added": added, "unchanged": unchanged}
        )
    return ImportResult(kind, added, unchanged, changes)


def _value(exc: ValidationError) -> str:
    return "" if exc.value in (None, "") else f"{str(exc.value)!r} "


def import_file(db: sqlite_utils.Database, kind: str, path: Path | str) -> ImportResult:
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise TrackerError(f"{file}: cannot be read ({exc.strerror})") from None
    return import_text(db, kind, decode(str(file), data), str(file))
