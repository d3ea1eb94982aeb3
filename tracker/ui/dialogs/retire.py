"""Retire credits: from a given serial block, or oldest vintage first, with a preview.

Oldest-first draws only credits delivered by the retirement date, verified ones first;
"Verified credits only" (on by default) leaves pending ones out, and the preview says
how much of the draw is not yet verified before OK is pressed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from tracker.domain.dates import parse_date
from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg
from tracker.domain.quantities import parse_tonnes
from tracker.domain.records import retirement_from_input
from tracker.domain.serials import parse_serials, serials_text
from tracker.services.retirements import available_on, preview_draw
from tracker.ui import labels, numbers, theming
from tracker.ui.dialogs.date_picker import DATE_HINT
from tracker.ui.dialogs.form import Editor, Field, RecordDialog
from tracker.ui.dialogs.records import (
    contract_field,
    date_field,
    fix_contract,
    require_contract,
    tonnes_field,
)
from tracker.ui.ledger_store import LedgerStore


def _optional_date(field: str, text: str) -> None:
    if text.strip():
        parse_date(text, field)


class RetireDialog(RecordDialog):
    """New retirement (oldest first or a serial block) or edit of one (its block)."""

    def __init__(
        self,
        store: LedgerStore,
        contract_id: int | None,
        values: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._store = store
        editing = values is not None
        fields = [
            contract_field(self.tr("Contract"), store),
            date_field("retired_on", self.tr("Retired on")),
            tonnes_field(self.tr("Tonnes (t)")),
            Field(
                "serial_block",
                self.tr("Serial block"),
                hint=self.tr("Must lie inside one of the contract's deliveries"),
            ),
            Field("beneficiary", self.tr("Beneficiary")),
            Field("purpose", self.tr("Purpose"), Editor.CHOICE, labels.purpose_labels()),
            Field(
                "claim_start",
                self.tr("Claim period from"),
                placeholder=DATE_HINT,
                check=partial(_optional_date, "claim_start"),
            ),
            Field(
                "claim_end",
                self.tr("Claim period to"),
                placeholder=DATE_HINT,
                check=partial(_optional_date, "claim_end"),
            ),
            Field("registry_reference", self.tr("Registry reference")),
        ]
        title = self.tr("Edit retirement") if editing else self.tr("Retire credits")
        super().__init__(title, fields, values, parent)
        mode_row = QHBoxLayout()
        self.oldest_first = QRadioButton(self.tr("Oldest vintage first"), self)
        self.oldest_first.setObjectName("mode_oldest_first")
        self.by_block = QRadioButton(self.tr("A serial block"), self)
        self.by_block.setObjectName("mode_serial_block")
        self.oldest_first.setAccessibleDescription(
            self.tr("Draws the tonnes from the deliveries with the oldest vintage first")
        )
        self.by_block.setAccessibleDescription(
            self.tr("Draws the tonnes from the serial block you enter")
        )
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.oldest_first)
        self._modes.addButton(self.by_block)
        mode_row.addWidget(QLabel(self.tr("Draw credits from:"), self))
        mode_row.addWidget(self.oldest_first)
        mode_row.addWidget(self.by_block)
        mode_row.addStretch(1)
        self.verified_only = QCheckBox(self.tr("Verified credits only"), self)
        self.verified_only.setObjectName("verified_only")
        self.verified_only.setToolTip(
            self.tr("Draw only credits verified by the retirement date (recommended).")
        )
        self.verified_only.setAccessibleDescription(
            self.tr("Draw only credits verified by the retirement date (recommended).")
        )
        self.verified_only.setChecked(True)
        mode_row.addWidget(self.verified_only)
        self.form.insertRow(1, mode_row)
        # Tab follows the screen: contract, how to draw, then the date
        QWidget.setTabOrder(self.editors["contract"], self.oldest_first)
        QWidget.setTabOrder(self.oldest_first, self.by_block)
        QWidget.setTabOrder(self.by_block, self.verified_only)
        QWidget.setTabOrder(self.verified_only, self.editors["retired_on"])
        self.available = QLabel(self)
        self.available.setObjectName("available")
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet(theming.style("muted"))
        self.extra.addWidget(self.available)
        self.extra.addWidget(self.preview)
        fix_contract(self, contract_id, editing)
        (self.by_block if editing else self.oldest_first).setChecked(True)
        self.oldest_first.setEnabled(not editing)
        self.oldest_first.toggled.connect(self._mode_changed)
        self.verified_only.toggled.connect(self._refresh_preview)
        self._mode_changed()

    def values(self) -> dict[str, str]:
        values = super().values()
        if self.oldest_first.isChecked():
            values["serial_block"] = ""
        return values

    @property
    def draws_verified_only(self) -> bool:
        return self.oldest_first.isChecked() and self.verified_only.isChecked()

    def check_record(self, values: dict[str, str]) -> None:
        if (
            not self.oldest_first.isChecked()
            and parse_serials(values.get("serial_block"), batches=True) is None
            and not self._editing_pending()
        ):
            raise ValidationError("serial_block", None, msg("error.block_required_for_draw"))
        retirement_from_input(values, 0)
        require_contract(values.get("contract", ""))

    def on_edited(self, key: str) -> None:
        self._refresh_preview()

    def _contract_id(self) -> int | None:
        text = self.value("contract")
        return int(text) if text else None

    def _editing_pending(self) -> bool:
        """An edit of a retirement whose delivery's serials are still to come."""
        return not self.oldest_first.isEnabled() and not self.value("serial_block").strip()

    def _mode_changed(self) -> None:
        oldest = self.oldest_first.isChecked()
        self.editors["serial_block"].setEnabled(not oldest)
        self.verified_only.setEnabled(oldest)
        self._refresh_preview()

    def _retired_on(self) -> dt.date:
        try:
            return parse_date(self.value("retired_on"), "retired_on") or dt.date.today()
        except ValidationError:
            return dt.date.today()

    def _refresh_preview(self) -> None:
        contract_id = self._contract_id()
        if contract_id is None:
            self.available.setText(self.tr("Choose a contract."))
            self.preview.setText("")
            return
        day = self._retired_on()
        held = available_on(self._store.db, contract_id, day)
        self.available.setText(
            self.tr("Available to retire on {date}: {verified} t verified, {pending} t pending "
                    "verification").format(
                date=numbers.day(day),
                verified=numbers.tonnes(held.verified_kg),
                pending=numbers.tonnes(held.pending_kg),
            )
        )  # fmt: skip
        if not self.oldest_first.isChecked():
            self.preview.setText("")
            return
        try:
            wanted = parse_tonnes(self.value("tonnes"))
        except ValidationError:
            self.preview.setText(self.tr("Enter the tonnes to see which blocks are drawn."))
            return
        verified_only = self.verified_only.isChecked()
        free = held.verified_kg if verified_only else held.total_kg
        draws = preview_draw(self._store.db, contract_id, wanted, day, verified_only)
        if draws is None:
            kind = self.tr("verified") if verified_only else self.tr("held")
            self.preview.setText(
                self.tr("Not enough whole credits: {tonnes} t {kind} on {date}.").format(
                    tonnes=numbers.tonnes(free), kind=kind, date=numbers.day(day)
                )
            )
            return
        lines = [
            self.tr("{tonnes} t from {block}").format(
                tonnes=numbers.tonnes(d.tonnes_kg),
                block=serials_text(d.block) or self.tr("a delivery whose serials are pending"),
            )
            + ("" if d.verified else " " + self.tr("(not yet verified)"))
            for d in draws
        ]
        unverified = sum(d.tonnes_kg for d in draws if not d.verified)
        warning = (
            [
                self.tr("{tonnes} t of this draw is not yet verified: the audit will flag "
                        "it as retired before verification (critical).").format(
                    tonnes=numbers.tonnes(unverified)
                )
            ]
            if unverified
            else []
        )  # fmt: skip
        remaining = numbers.tonnes(held.total_kg - wanted)
        self.preview.setText(
            "\n".join(
                [
                    self.tr("Will draw:"),
                    *lines,
                    *warning,
                    self.tr("Remaining available after this: {tonnes} t").format(tonnes=remaining),
                ]
            )
        )
