"""Importing a deliveries CSV at the speed of the ledger: validate in bulk, write in bulk.

Same rules and outcome as importing row by row (every row or none; rows already in
the ledger, or repeated in the file, add nothing; a row bringing the serials of a
delivery that awaited them gives them to it; every bad cell and every clash is
reported with its line), but with a cost that does not grow with the ledger:

1. each row's cells are checked and parsed in Python (contracts and their schedules
   read once) and staged in a temporary table, chunk by chunk;
2. a fixed number of statements find the rows already present, the deliveries
   awaiting serials and every serial clash (``store/delivery_staging.py``);
3. new rows are appended with one ``INSERT … SELECT`` and logged in bulk with the
   change log's hash chain; the change notice names tables and contracts only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from tracker.domain.changes import ChangeNotice
from tracker.domain.errors import ImportRefused, RowError, ValidationError, unreadable
from tracker.domain.messages import msg, render
from tracker.domain.records import Contract, Delivery, delivery_from_input
from tracker.domain.schedule import effective_schedule
from tracker.services import deliveries as delivery_service
from tracker.services.row_checks import field_errors
from tracker.services.tracker_csv import ImportResult, read_rows
from tracker.store import delivery_staging as staging
from tracker.store import queries
from tracker.store.ledger import Ledger
from tracker.store.rows import delivery_from_row, delivery_row, with_uid
from tracker.store.unit_of_work import UnitOfWork

KIND = "deliveries"
CHUNK = 5_000


class _Parser:
    """Turns rows into deliveries, reading each contract and its schedule once."""

    def __init__(self, db: Ledger) -> None:
        self.db = db
        self.contracts = {c.reference: c for c in queries.contracts(db)}
        self._due: dict[int, frozenset[str]] = {}

    def contract(self, row: Mapping[str, str]) -> Contract:
        text = str(row.get("contract") or "").strip()
        if not text:
            raise ValidationError(
                "contract", row.get("contract"), msg("error.contract_reference_required")
            )
        found = self.contracts.get(text)
        if found is None:
            raise ValidationError("contract", text, msg("error.unknown_contract"))
        return found

    def check_tranche(self, contract: Contract, delivery: Delivery) -> None:
        if delivery.tranche_due_on is None:
            return
        assert contract.id is not None
        if contract.id not in self._due:
            plan = effective_schedule(contract, queries.tranches(self.db, contract.id))
            self._due[contract.id] = frozenset(t.due_on.isoformat() for t in plan)
        due = self._due[contract.id]
        if delivery.tranche_due_on.isoformat() not in due:
            listed = ", ".join(sorted(due)) or "none"
            raise ValidationError(
                "tranche_due_on",
                delivery.tranche_due_on.isoformat(),
                msg("error.not_a_tranche_due_date", contract=contract.reference, due=listed),
            )


def _value(exc: ValidationError) -> str:
    return "" if exc.value in (None, "") else f"{str(exc.value)!r} "


def _row_error(line: int, exc: ValidationError) -> RowError:
    """The refusal of a cell, its message kept for whoever words it."""
    refused = _value(exc)
    return RowError(line, exc.field, f"{refused}{exc.reason}", exc.reason_message, refused)


def _staged(
    parser: _Parser, rows: Iterator[tuple[int, dict[str, str]]], errors: list[RowError]
) -> Iterator[tuple[Any, ...]]:
    for line, row in rows:
        try:
            contract = parser.contract(row)
            delivery = delivery_from_input(row, contract.id or 0, contract.registry)
            parser.check_tranche(contract, delivery)
        except ValidationError as exc:
            # a row that parses has no bad cell; one that does not: report every bad cell
            bad = field_errors(KIND, row)
            errors.extend(_row_error(line, e) for e in bad)
            if exc.field not in {e.field for e in bad}:
                errors.append(_row_error(line, exc))
            continue
        stored = with_uid(delivery_row(delivery), delivery.uid)
        yield (line, *(stored[c] for c in staging.DELIVERY_COLUMNS))


def _uid_errors(db: Ledger) -> list[RowError]:
    found = []
    for line, uid in staging.uid_taken(db):
        reason = msg("error.uid_taken")
        found.append(RowError(line, "uid", f"{uid!r} " + render(reason), reason, f"{uid!r} "))
    for line, uid, first in staging.uid_repeated(db):
        reason = msg("error.uid_repeated", row=first)
        found.append(RowError(line, "uid", f"{uid!r} " + render(reason), reason, f"{uid!r} "))
    return found


def _clash_errors(db: Ledger) -> list[RowError]:
    found = []
    for clashes in (staging.clashes_with_ledger(db), staging.clashes_within_file(db)):
        for line, own, other, contract, batch in clashes:
            code = "error.same_batch_delivered" if batch else "error.overlaps_delivered"
            reason = msg(code, block=other, contract=contract)
            refused = f"{own!r} "
            found.append(RowError(line, "serial_block", refused + render(reason), reason, refused))
    return found


def import_deliveries(db: Ledger, data: str | bytes, source: str) -> ImportResult:
    """Import every row of a deliveries file in one transaction, or refuse the file."""
    read = read_rows(source, data, KIND)
    named = bool(read.rows) and "tranche_due_on" in read.rows[0][1]
    errors: list[RowError] = []
    parser = _Parser(db)
    notice = ChangeNotice()
    with staging.import_cache(db), UnitOfWork(db) as uow:
        staging.create(db)
        try:
            staged = _staged(parser, iter(read.rows), errors)
            while chunk := list(islice(staged, CHUNK)):
                staging.stage(db, chunk)
            staging.mark_named(db, named)
            staging.mark_present(db, named)
            staging.mark_awaiting(db)
            errors.extend(_uid_errors(db))
            errors.extend(_clash_errors(db))
            if errors:
                errors.sort(key=lambda e: e.row)
                raise ImportRefused(source, errors)
            outcomes = staging.counts(db)
            for row in staging.awaiting(db):
                current = queries.delivery(db, row["id"])
                given = delivery_from_row({**row, "id": current.id})
                notice.add(delivery_service.replace_delivery(db, current, given)[1])
            writer = uow.bulk()
            first = writer.next_id("deliveries")
            staging.insert_new(db, first)
            writer.log_inserted("deliveries", first)
            notice.add_aspects(writer.tables, writer.contracts)
        finally:
            staging.drop(db)
        added = outcomes.get(None, 0) + outcomes.get("awaiting", 0)
        unchanged = outcomes.get("present", 0)
        uow.log_event(
            "import", KIND, {"file": Path(source).name, "added": added, "unchanged": unchanged}
        )
    return ImportResult(KIND, added, unchanged, notice.result(), read.notes)


def import_file(db: Ledger, path: Path | str) -> ImportResult:
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise unreadable(file, exc) from None
    return import_deliveries(db, data, str(file))
