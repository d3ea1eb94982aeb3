"""Record an invalidation: credits of a delivery the registry cancelled or drew into a
buffer after a reversal."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg
from tracker.domain.serials import parse_serial_block, serials_text
from tracker.store import queries
from tracker.ui import labels, numbers
from tracker.ui.dialogs.form import Editor, Field, RecordDialog
from tracker.ui.dialogs.records import date_field, tonnes_field
from tracker.ui.ledger_store import LedgerStore


def _optional_block(text: str) -> None:
    if text.strip():
        parse_serial_block(text, "serial_block")


def delivery_choices(store: LedgerStore, contract_id: int | None) -> dict[str, str]:
    """Accepted deliveries (of the contract in view) by id, named as users know them."""
    refs = queries.contract_references(store.db)
    choices: dict[str, str] = {}
    for d in queries.deliveries(store.db, contract_id):
        if d.rejected:
            continue
        named = serials_text(d.block) or QCoreApplication.translate(
            "InvalidationDialog", "{reference} (serials pending)"
        ).format(reference=d.reference or "—")
        tonnes = numbers.tonnes_t(d.tonnes_kg)
        head = "" if contract_id else f"{refs[d.contract_id]}: "
        choices[str(d.id)] = f"{head}{numbers.day(d.delivered_on)} · {tonnes} · {named}"
    return choices


def _require_delivery(text: str) -> None:
    if not text:
        raise ValidationError("delivery", None, msg("error.delivery_first"))


class InvalidationDialog(RecordDialog):
    """New invalidation of a delivery, or edit of one (its delivery stays)."""

    def __init__(
        self,
        store: LedgerStore,
        contract_id: int | None,
        values: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = values is not None
        fields = [
            Field(
                "delivery",
                self.tr("Delivery"),
                Editor.CHOICE,
                delivery_choices(store, contract_id),
                check=_require_delivery,
            ),
            date_field("invalidated_on", self.tr("Invalidated on")),
            tonnes_field(self.tr("Tonnes (t)")),
            Field(
                "serial_block",
                self.tr("Serial block"),
                hint=self.tr("The invalidated serials, when the registry names them"),
                check=partial(_optional_block),
            ),
            Field("reason", self.tr("Reason"), Editor.CHOICE, labels.invalidation_reason_labels()),
            Field("registry_reference", self.tr("Registry reference")),
            Field("note", self.tr("Note"), Editor.MULTILINE),
        ]
        title = self.tr("Edit invalidation") if editing else self.tr("Record invalidation")
        super().__init__(title, fields, values, parent)
        self.editors["delivery"].setEnabled(not editing)
