"""The tracker's own CSV format: import all rows or none (the export side, re-exported
here: ``tracker_csv_export``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tracker.domain.changes import ChangeNotice, ChangeSet
from tracker.domain.errors import ImportRefused, RowError, TrackerError, ValidationError, unreadable
from tracker.domain.identity import parse_uid
from tracker.domain.messages import msg
from tracker.services import contracts as contract_service
from tracker.services import deliveries as delivery_service
from tracker.services import invalidations as invalidation_service
from tracker.services import retirements as retirement_service
from tracker.services import schedule as schedule_service
from tracker.services.holdings import drawing_many
from tracker.services.registry.text import decode_bytes, read_table
from tracker.services.row_checks import field_errors
from tracker.services.tracker_csv_columns import (  # re-exported for the reports
    COLUMNS as COLUMNS,
)
from tracker.services.tracker_csv_columns import (
    DERIVED_COLUMNS as DERIVED_COLUMNS,
)
from tracker.services.tracker_csv_columns import (
    EXPORT_KINDS as EXPORT_KINDS,
)
from tracker.services.tracker_csv_columns import (
    IMPORT_KINDS as IMPORT_KINDS,
)
from tracker.services.tracker_csv_columns import (
    header as header,  # re-exported: the format's columns by kind
)
from tracker.services.tracker_csv_export import (  # re-exported: the export side
    contract_line as contract_line,
)
from tracker.services.tracker_csv_export import (
    delivery_line as delivery_line,
)
from tracker.services.tracker_csv_export import (
    delivery_lines as delivery_lines,
)
from tracker.services.tracker_csv_export import (
    export_rows as export_rows,
)
from tracker.services.tracker_csv_export import (
    invalidation_line as invalidation_line,
)
from tracker.services.tracker_csv_export import (
    retirement_line as retirement_line,
)
from tracker.services.tracker_csv_export import (
    summary_line as summary_line,
)
from tracker.services.tracker_csv_export import (
    tranche_line as tranche_line,
)
from tracker.services.tracker_dialect import TrackerRows, tracker_rows
from tracker.services.tracker_present import (
    contract_present,
    delivery_present,
    invalidation_present,
    retirement_present,
    tranche_present,
)
from tracker.store import lookups, queries, uids
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork

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
    with UnitOfWork(db) as uow, drawing_many():
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
