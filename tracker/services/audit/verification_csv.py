"""`import verifications FILE.csv` / `export verifications`: all rows or none."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError, unreadable
from tracker.domain.messages import msg
from tracker.domain.quantities import format_tonnes_short
from tracker.services import tracker_csv
from tracker.services.audit.verifications import add_verification
from tracker.services.csv_safe import Number
from tracker.store import queries, verification_reads
from tracker.store.ledger import Ledger

KIND = "verifications"
COLUMNS = (
    "delivery_reference",
    "verifier",
    "verified_on",
    "outcome",
    "verified_tonnes",
    "evidence",
    "note",
)
# Register the layout so tracker_csv's header and row checks apply to this kind too.
tracker_csv.COLUMNS.setdefault(KIND, COLUMNS)


def _delivery_id(db: Ledger, reference: str) -> int:
    if not reference:
        raise ValidationError("delivery_reference", None, msg("error.delivery_reference_required"))
    found = queries.delivery_ids_with_reference(db, reference)
    if not found:
        raise ValidationError("delivery_reference", reference, msg("error.matches_no_delivery"))
    if len(found) > 1:
        raise ValidationError(
            "delivery_reference",
            reference,
            msg("error.matches_several_deliveries", count=len(found)),
        )
    return found[0]


def _line(reference: str, row: Mapping[str, object]) -> list[object]:
    kg = row["verified_kg"]
    return [
        reference,
        row["verifier"],
        row["verified_on"],
        row["outcome"],
        Number(format_tonnes_short(int(kg))) if isinstance(kg, int) else "",
        row["evidence"],
        row["note"],
    ]


def export_rows(db: Ledger, contract_id: int | None = None) -> Iterator[list[object]]:
    for row in verification_reads.export_rows(db, contract_id):
        yield _line(row["delivery_reference"], row)


def _already_there(db: Ledger, delivery_id: int, row: Mapping[str, str]) -> bool:
    wanted = [str(row.get(c, "")).strip() for c in COLUMNS]
    return any(
        [str(c) for c in _line(wanted[0], found)] == wanted
        for found in verification_reads.stored_rows(db, delivery_id)
    )


def _import_row(db: Ledger, row: Mapping[str, str]) -> ChangeSet | None:
    delivery_id = _delivery_id(db, str(row.get("delivery_reference", "")).strip())
    if _already_there(db, delivery_id, row):
        return None
    return add_verification(db, delivery_id, row)[1]


def import_text(db: Ledger, text: str, source: str) -> tracker_csv.ImportResult:
    """Import every verification row in one transaction, or refuse the whole file."""
    return tracker_csv.run_import(db, KIND, text, source, _import_row)


def import_file(db: Ledger, path: Path | str) -> tracker_csv.ImportResult:
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise unreadable(file, exc) from None
    return import_text(db, tracker_csv.decode(str(file), data), str(file))
