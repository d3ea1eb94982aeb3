"""The tracker's own CSV format: export every kind, import all rows or none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.domain.changes import ChangeNotice, ChangeSet
from tracker.domain.dates import iso
from tracker.domain.errors import ImportRefused, RowError, TrackerError, ValidationError, unreadable
from tracker.domain.identity import format_project_ids, parse_uid
from tracker.domain.messages import msg
from tracker.domain.quantities import format_cents, format_price, format_tonnes_short
from tracker.domain.records import Contract, Delivery, Invalidation, Retirement, Tranche
from tracker.domain.serials import serials_text
from tracker.services import contracts as contract_service
from tracker.services import deliveries as delivery_service
from tracker.services import invalidations as invalidation_service
from tracker.services import retirements as retirement_service
from tracker.services import schedule as schedule_service
from tracker.services.csv_safe import Number, PreparedRows
from tracker.services.registry.text import decode_bytes, read_table
from tracker.services.row_checks import field_errors
from tracker.services.summary import ContractSummary, Totals, portfolio_summary
from tracker.services.tracker_csv_columns import (  # re-exported for the reports
    COLUMNS as COLUMNS,
)
from tracker.services.tracker_csv_columns import (
    DERIVED_COLUMNS as DERIVED_COLUMNS,
)
from tracker.services.tracker_csv_columns import (
    EXPORT_KINDS,
    IMPORT_KINDS,
)
from tracker.services.tracker_csv_columns import (
    header as header,  # re-exported: the format's columns by kind
)
from tracker.services.tracker_dialect import TrackerRows, tracker_rows
from tracker.services.tracker_present import (
    contract_present,
    delivery_present,
    invalidation_present,
    retirement_present,
    tranche_present,
)
from tracker.store import csv_rows, lookups, queries, uids
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork


def _t(kg: int) -> Number:
    return Number(format_tonnes_short(kg))


def _opt(value: object) -> object:
    return "" if value is None else Number(str(value)) if isinstance(value, int) else value


def export_rows(
    db: Ledger,
    kind: str,
    contract_id: int | None = None,
    as_of: dt.date | None = None,
) -> Iterable[Sequence[object]]:
    if kind == "deliveries":
        return delivery_lines(db, contract_id)
    return _record_rows(db, kind, contract_id, as_of)


def _record_rows(
    db: Ledger,
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
    elif kind == "retirements":
        for r in queries.retirements(db, contract_id):
            yield retirement_line(r, refs[r.contract_id])
    elif kind == "invalidations":
        for i in queries.invalidations(db, contract_id):
            yield invalidation_line(i, refs[i.contract_id], queries.delivery(db, i.delivery_id))
    elif kind == "summary":
        for s in portfolio_summary(db, as_of or dt.date.today(), contract_id):
            yield summary_line(s)
    else:
        raise TrackerError(f"unknown export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}")


def summary_line(s: ContractSummary | Totals) -> list[object]:
    """One summary row: a contract's figures, or a currency's TOTAL row."""
    if isinstance(s, Totals):
        head: list[object] = ["TOTAL", f"{s.contracts} contract(s)", "", ""]
        price: object = ""
    else:
        head = [s.reference, s.supplier, s.project, s.method]
        price = Number(format_price(s.price))
    return [
        *head,
        _t(s.contracted_kg),
        _t(s.scheduled_to_date_kg),
        _t(s.delivered_kg),
        _t(s.verified_kg),
        _t(s.rejected_kg),
        _t(s.invalidated_kg),
        _t(s.retired_kg),
        _t(s.available_kg),
        _t(s.undelivered_kg),
        Number(s.delivered_pct),
        price,
        s.currency,
        Number(format_cents(s.delivered_value_cents)),
    ]


# --- import -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportResult:
    kind: str
    added: int
    unchanged: int
    changes: ChangeSet
    notes: tuple[str, ...] = ()  # what reading the file assumed (separator, decimal comma…)


def read_rows(source: str, data: str | bytes, kind: str) -> TrackerRows:
    """The file's rows with canonical cells, read by the registry import's reader (one
    reader for both import paths): any separator, BOM, decimal commas, day-first dates."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return tracker_rows(read_table(source, raw, nul_in_cells=True), kind)


def _contract_id(db: Ledger, row: Mapping[str, str]) -> int:
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
        format_project_ids(c.registry_project_ids),
        c.uid or "",
    ]


def tranche_line(t: Tranche, reference: str) -> list[object]:
    return [
        reference,
        iso(t.due_on),
        _t(t.tonnes_kg),
        _opt(t.vintage),
        Number(format_price(t.price)) if t.price is not None else "",
        t.uid or "",
    ]


def delivery_line(d: Delivery, reference: str) -> list[object]:
    return [
        reference,
        iso(d.delivered_on),
        _t(d.tonnes_kg),
        _opt(d.vintage),
        d.registry.value,
        serials_text(d.block),
        d.verification_status.value,
        d.verifier,
        iso(d.verified_on),
        d.reference,
        iso(d.tranche_due_on),
        d.uid or "",
    ]


def delivery_lines(
    db: Ledger,
    contract_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> PreparedRows:
    """Every delivery's export line, its cells written by SQLite (``store.csv_rows``) and
    streamed in chunks: a million deliveries never become a million objects."""
    return PreparedRows(
        csv_rows.delivery_cell_chunks(db, contract_id, iso(date_from) or None, iso(date_to) or None)
    )


def retirement_line(r: Retirement, reference: str) -> list[object]:
    return [
        reference,
        iso(r.retired_on),
        _t(r.tonnes_kg),
        serials_text(r.block),
        r.beneficiary,
        r.purpose.value,
        iso(r.claim_start),
        iso(r.claim_end),
        r.registry_reference,
        r.uid or "",
    ]


def invalidation_line(i: Invalidation, reference: str, delivery: Delivery) -> list[object]:
    return [
        reference,
        serials_text(delivery.block) or delivery.reference,
        iso(i.invalidated_on),
        _t(i.tonnes_kg),
        serials_text(i.block),
        i.reason.value,
        i.registry_reference,
        i.note,
        i.uid or "",
    ]


def awaiting_serials(db: Ledger, contract_id: int, reference: str) -> int | None:
    """The contract's delivery with this registry reference whose serials are still to come."""
    if not reference:
        return None
    return lookups.awaiting_serials(db, contract_id, reference)


def _by_uid(db: Ledger, table: str, row: Mapping[str, str], contract_id: int | None = None) -> bool:
    """The row names a record by its uid (its first identity): True when the ledger
    holds that record (the row is then compared with it: same record, nothing to add);
    False when the row has no uid or one the ledger does not know (matched as before,
    by content).  A uid of a record of another contract is refused."""
    uid = parse_uid(row.get("uid"))
    found = None if uid is None else uids.record(db, table, uid)
    if found is None:
        return False
    if contract_id is not None and found["contract_id"] != contract_id:
        raise ValidationError("uid", uid, msg("error.uid_taken"))
    return True


def _uid_taken(row: Mapping[str, str]) -> ValidationError:
    return ValidationError("uid", row.get("uid"), msg("error.uid_taken"))


def _import_contract(db: Ledger, row: Mapping[str, str]) -> ChangeSet | None:
    uid = parse_uid(row.get("uid"))
    named = None if uid is None else uids.record(db, "contracts", uid)
    if named is not None:
        assert named["id"] is not None
        if contract_present(queries.contract(db, named["id"]), row):
            return None
        raise _uid_taken(row)
    existing = queries.contract_by_reference(db, str(row.get("reference", "")))
    if existing is not None and contract_present(existing, row):
        return None
    return contract_service.add_contract(db, row)[1]


def _import_tranche(db: Ledger, row: Mapping[str, str]) -> ChangeSet | None:
    if str(row.get("derived", "")).strip().lower() == "yes":
        return None  # the even default schedule, shown by the report, is not stored
    cid = _contract_id(db, row)
    named = _by_uid(db, "tranches", row, cid)
    if tranche_present(db, cid, row):
        return None
    if named:
        raise _uid_taken(row)
    return schedule_service.add_tranche(db, cid, row)[1]


def _import_delivery(db: Ledger, row: Mapping[str, str]) -> ChangeSet | None:
    """Add the delivery, or give serials to the one with its reference that awaited them."""
    cid = _contract_id(db, row)
    registry_reference = str(row.get("reference", "")).strip()
    named = _by_uid(db, "deliveries", row, cid)
    if delivery_present(db, queries.contract(db, cid), row):
        return None
    if named:
        raise _uid_taken(row)
    awaiting = awaiting_serials(db, cid, registry_reference)
    if awaiting is not None and str(row.get("serial_block", "")).strip():
        return delivery_service.update_delivery(db, awaiting, row)[1]
    return delivery_service.add_delivery(db, cid, row)[1]


def _import_retirement(db: Ledger, row: Mapping[str, str]) -> ChangeSet | None:
    cid = _contract_id(db, row)
    named = _by_uid(db, "retirements", row, cid)
    if retirement_present(db, cid, row):
        return None
    if named:
        raise _uid_taken(row)
    return retirement_service.retire(db, cid, row)[1]


def _import_invalidation(db: Ledger, row: Mapping[str, str]) -> ChangeSet | None:
    cid = _contract_id(db, row)
    delivery = invalidation_service.find_delivery(db, cid, str(row.get("delivery", "")))
    assert delivery.id is not None
    named = _by_uid(db, "invalidations", row, cid)
    if invalidation_present(db, delivery, row):
        return None
    if named:
        raise _uid_taken(row)
    return invalidation_service.add_invalidation(db, delivery.id, row)[1]


IMPORTERS: dict[str, Callable[[Ledger, Mapping[str, str]], ChangeSet | None]] = {
    "contracts": _import_contract,
    "schedule": _import_tranche,
    "deliveries": _import_delivery,
    "retirements": _import_retirement,
    "invalidations": _import_invalidation,
}


def decode(source: str, data: bytes) -> str:
    """Text of ``data`` as the shared reader decodes it (BOM, UTF-16, Windows-1252)."""
    return decode_bytes(source, data).text


def import_text(db: Ledger, kind: str, text: str | bytes, source: str) -> ImportResult:
    """Import every row of ``text`` in one transaction, or refuse the whole file."""
    if kind not in IMPORTERS:
        raise TrackerError(f"unknown import {kind!r}; choose one of {', '.join(IMPORT_KINDS)}")
    if kind == "deliveries":  # validated and written in bulk (set-based)
        from tracker.services.delivery_import import import_deliveries

        return import_deliveries(db, text, source)
    return run_import(db, kind, text, source, IMPORTERS[kind])


def run_import(
    db: Ledger,
    kind: str,
    text: str | bytes,
    source: str,
    importer: Callable[[Ledger, Mapping[str, str]], ChangeSet | None],
) -> ImportResult:
    """Feed each row to ``importer`` in one transaction; refuse the file if any row fails.

    ``importer`` returns None for a row identical to an existing record (nothing added).
    Every bad cell of every row is reported with its line and column; then nothing is
    written.
    """
    errors: list[RowError] = []
    added = unchanged = 0
    notice = ChangeNotice()  # tables and contracts: bounded, however many rows
    read = read_rows(source, text, kind)
    with UnitOfWork(db) as uow:
        for line, row in read.rows:
            bad = field_errors(kind, row)
            errors.extend(_row_error(line, e) for e in bad)
            try:
                with db.atomic():
                    change = importer(db, row)
            except ValidationError as exc:
                if exc.field not in {e.field for e in bad}:
                    errors.append(_row_error(line, exc))
                continue
            except TrackerError as exc:  # a record not found, the ledger busy or full
                errors.append(RowError(line, "(row)", str(exc), exc.reason_message))
                continue
            if bad:
                continue
            if change is None:
                unchanged += 1
            else:
                added += 1
                notice.add(change)
        if errors:
            raise ImportRefused(source, errors)
        uow.log_event(
            "import", kind, {"file": Path(source).name, "added": added, "unchanged": unchanged}
        )
    return ImportResult(kind, added, unchanged, notice.result(), read.notes)


def _value(exc: ValidationError) -> str:
    return "" if exc.value in (None, "") else f"{str(exc.value)!r} "


def _row_error(line: int, exc: ValidationError) -> RowError:
    """The refusal of a cell, its message kept for the window to word."""
    refused = _value(exc)
    return RowError(line, exc.field, f"{refused}{exc.reason}", exc.reason_message, refused)


def import_file(db: Ledger, kind: str, path: Path | str) -> ImportResult:
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise unreadable(file, exc) from None
    return import_text(db, kind, data, str(file))
