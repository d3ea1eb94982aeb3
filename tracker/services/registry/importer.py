"""Registry import: preview (nothing written) and apply (every row or none).

Both run the same code inside one transaction; the preview rolls it back, so what
it shows is exactly what applying would do.  Registry rows are attributed to a contract
by ``attribution`` (registry + project id, the buyer's own names, the delivery that
holds a serial block; ``ImportOptions.contract`` narrows the file to one contract), and
the tracker's own files name their contract in each row.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ImportRefused, RowError, TrackerError, ValidationError, unreadable
from tracker.domain.messages import Message, msg, render
from tracker.domain.quantities import parse_tonnes
from tracker.domain.records import Contract
from tracker.services.contracts import resolve_reference
from tracker.services.holdings import drawing_many
from tracker.services.registry.attribution import Portfolio, Verdict, attribute, load_portfolio
from tracker.services.registry.detect import detect_layout
from tracker.services.registry.model import Layout, RegistryRow, RowKind
from tracker.services.registry.outcome import (
    Action,
    ImportCancelled,
    ImportOptions,
    ImportPreview,
    Progress,
    RowOutcome,
)
from tracker.services.registry.row_errors import every_parse_error
from tracker.services.registry.rows import record_row
from tracker.services.registry.text import Table, read_table
from tracker.services.tracker_dialect import tracker_rows
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork

PROGRESS_EVERY = 500


class _RollBack(Exception):
    """Raised to undo a preview's transaction."""


def read_file(path: Path | str) -> tuple[str, bytes]:
    file = Path(path)
    try:
        return str(file), file.read_bytes()
    except OSError as exc:
        raise unreadable(file, exc) from None


def preview_registry_file(
    db: Ledger,
    path: Path | str,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """What importing ``path`` would do, row by row.  Nothing is written."""
    source, data = read_file(path)
    return run_import(db, source, data, options or ImportOptions(), False, progress)


def import_registry_file(
    db: Ledger,
    path: Path | str,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Import every row in one transaction; ImportRefused (nothing written) on any error."""
    source, data = read_file(path)
    return run_import(db, source, data, options or ImportOptions(), True, progress)


def run_import(
    db: Ledger,
    source: str,
    data: bytes,
    options: ImportOptions,
    apply: bool,
    progress: Progress | None = None,
) -> ImportPreview:
    table = read_table(source, data)
    layout = detect_layout(table, options.registry)
    contract = _given_contract(db, source, options)
    if layout.registry is None:  # the tracker's own file: the same dialects as `import`
        read = tracker_rows(table, layout.name.removeprefix("tracker-"))
        rows, notes = iter(read.rows), read.notes
    else:
        rows, notes = table.rows(), ()
    outcomes: list[RowOutcome] = []
    parts: list[ChangeSet] = []  # merged once at the end: ``|`` per row is quadratic
    try:
        with UnitOfWork(db), drawing_many():
            portfolio = load_portfolio(db, contract)
            expected = table.approximate_rows()
            for done, (line, cells) in enumerate(rows, start=1):
                found, change = _one_row(db, layout, table, line, cells, portfolio, options)
                outcomes.extend(found)
                parts.append(change)
                if progress and done % PROGRESS_EVERY == 0 and not progress(done, expected):
                    raise ImportCancelled(f"{source}: import cancelled; nothing was written")
            if progress and not progress(len(outcomes), len(outcomes)):
                raise ImportCancelled(f"{source}: import cancelled; nothing was written")
            if not apply or any(o.action is Action.ERROR for o in outcomes):
                raise _RollBack
    except _RollBack:
        pass
    preview = ImportPreview(
        source,
        layout.label,
        table.encoding,
        table.delimiter,
        tuple(outcomes),
        notes=notes,
        warnings=_legacy_note(contract) if layout.registry is not None else (),
    )
    if not apply:
        return preview
    if preview.errors:
        raise ImportRefused(source, preview.errors)
    return replace(preview, applied=True, changes=ChangeSet.merge(parts))


def _legacy_note(contract: Contract | None) -> tuple[Message, ...]:
    if contract is None or contract.registry_project_ids:
        return ()
    return (msg("error.no_project_ids", contract=contract.reference),)


def _given_contract(db: Ledger, source: str, options: ImportOptions) -> Contract | None:
    if not options.contract:
        return None
    try:
        return resolve_reference(db, options.contract, "--contract")
    except ValidationError as exc:
        refused = f"{options.contract!r} "
        error = RowError(1, "--contract", refused + exc.reason, exc.reason_message, refused)
        raise ImportRefused(source, [error]) from None


def _one_row(
    db: Ledger,
    layout: Layout,
    table: Table,
    line: int,
    cells: dict[str, str],
    portfolio: Portfolio,
    options: ImportOptions,
) -> tuple[list[RowOutcome], ChangeSet]:
    """What the row became: one outcome, or one per refused cell."""
    try:
        row = layout.parse(line, cells, table.decimal_comma)
    except ValidationError as exc:
        every = every_parse_error(layout, line, cells, table.decimal_comma, exc)
        return [_error(line, "row", e.field, e) for e in every], ChangeSet()
    outcome, change = _recorded(db, row, portfolio, options)
    return [outcome], change


def _recorded(
    db: Ledger, row: RegistryRow, portfolio: Portfolio, options: ImportOptions
) -> tuple[RowOutcome, ChangeSet]:
    line = row.line
    try:
        contract = portfolio.given
        if row.kind in (RowKind.DELIVERY, RowKind.RETIREMENT):
            verdict = attribute(db, row, portfolio)
            if verdict.skip:
                return _skipped(row, verdict), ChangeSet()
            contract = verdict.contract
        with db.atomic():
            return record_row(db, row, contract, options)
    except ValidationError as exc:
        return _error(line, row.kind.value, _column(row, exc.field), exc, row), ChangeSet()
    except TrackerError as exc:
        return (
            RowOutcome(line, Action.ERROR, row.kind.value, row.tonnes_kg, reason=str(exc)),
            ChangeSet(),
        )


def _skipped(row: RegistryRow, verdict: Verdict) -> RowOutcome:
    return RowOutcome(
        row.line,
        Action.SKIP,
        row.kind.value,
        row.tonnes_kg,
        serial_block=row.serial_block,
        reason=render(verdict.reason) if verdict.reason is not None else "",
        reason_message=verdict.reason,
        skip=verdict.skip,
        party=verdict.party,
    )


_FIELD_COLUMNS = {"delivered_on": "date", "retired_on": "date", "verified_on": "issued_on"}


def _column(row: RegistryRow, field: str) -> str:
    if row.kind is RowKind.TRACKER:
        return field
    return row.column(_FIELD_COLUMNS.get(field, field))


def _error(
    line: int, kind: str, column: str, exc: ValidationError, row: RegistryRow | None = None
) -> RowOutcome:
    shown = "" if exc.value in (None, "") else f"{str(exc.value)[:100]!r} "
    return RowOutcome(
        line,
        Action.ERROR,
        kind,
        _tonnes(row) if row else 0,
        serial_block=row.serial_block if row else "",
        column=column,
        reason=f"{shown}{exc.reason}",
        reason_message=exc.reason_message,
        refused=shown,
    )


def _tonnes(row: RegistryRow) -> int:
    if row.kind is not RowKind.TRACKER:
        return row.tonnes_kg
    try:
        return parse_tonnes(row.tracker_cells.get("tonnes"))
    except ValidationError:
        return 0
