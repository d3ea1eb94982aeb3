"""What the Records menu and the table buttons do: open forms, confirm deletes, push commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.domain.serials import serials_text
from tracker.services import contracts as contract_service
from tracker.services import deliveries as delivery_service
from tracker.services.contracts import Removed
from tracker.services.form_data import (
    contract_input,
    delivery_input,
    retirement_input,
    tranche_input,
)
from tracker.services.progress import Cancelled, Progress
from tracker.services.undo import record_as_stored
from tracker.store import backups, queries
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import expecting
from tracker.ui import commands, numbers
from tracker.ui.commands import perform
from tracker.ui.dialogs.form import RecordDialog
from tracker.ui.dialogs.records import ContractDialog, DeliveryDialog, TrancheDialog
from tracker.ui.dialogs.retire import RetireDialog
from tracker.ui.errors import guarded, show_error
from tracker.ui.invalidation_actions import InvalidationActions
from tracker.ui.operations import WriteOperation

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow


class RecordActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.dialog: RecordDialog | None = None  # the form open now (tests drive it)
        self.delete_operation: WriteOperation | None = None  # the latest contract deletion
        self.new_contract_action = self._action(
            self.tr("&New contract…"), self.new_contract, "Ctrl+Shift+N"
        )
        self.edit_contract_action = self._action(self.tr("&Edit contract…"), self.edit_contract)
        self.delete_contract_action = self._action(
            self.tr("&Delete contract…"), self.delete_contract
        )
        self.add_tranche_action = self._action(self.tr("Add &tranche…"), self.add_tranche)
        self.add_delivery_action = self._action(
            self.tr("Add de&livery…"), self.add_delivery, "Ctrl+D"
        )
        self.retire_action = self._action(self.tr("&Retire credits…"), self.retire, "Ctrl+R")

        window.schedule.add_requested.connect(guarded(window, lambda: self.add_tranche()))
        window.schedule.edit_requested.connect(guarded(window, self.edit_tranche))
        window.schedule.delete_requested.connect(guarded(window, self.delete_tranche))
        window.deliveries.add_requested.connect(guarded(window, lambda: self.add_delivery()))
        window.deliveries.edit_requested.connect(guarded(window, self.edit_delivery))
        window.deliveries.delete_requested.connect(guarded(window, self.delete_delivery))
        window.retirements.add_requested.connect(guarded(window, lambda: self.retire()))
        window.retirements.edit_requested.connect(guarded(window, self.edit_retirement))
        window.retirements.delete_requested.connect(guarded(window, self.delete_retirement))
        self.invalidations = InvalidationActions(window, self)

    def _action(
        self, text: str, method: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(guarded(self.window, lambda _checked=False: method()))
        return action

    def fill_menu(self, menu: QMenu) -> None:
        menu.addActions(
            [self.new_contract_action, self.edit_contract_action, self.delete_contract_action]
        )
        menu.addSeparator()
        menu.addActions(
            [
                self.add_tranche_action,
                self.add_delivery_action,
                self.retire_action,
                self.invalidations.add_action,
            ]
        )
        for action in menu.actions():
            self.window.addAction(action)
        self.update_enabled()

    def update_enabled(self) -> None:
        selected = self.window.contract_id is not None
        self.edit_contract_action.setEnabled(selected)
        self.delete_contract_action.setEnabled(selected)

    # --- contracts ---------------------------------------------------------------------

    def new_contract(self) -> RecordDialog:
        dialog = ContractDialog(self.store, parent=self.window)

        def submit(data: dict[str, str]) -> None:
            contract = perform(self.store, commands.add_contract(self.store, data))
            self.window.select_contract(contract.id)

        return self.open_dialog(dialog, submit)

    def edit_contract(self) -> RecordDialog | None:
        contract_id = self.window.contract_id
        if contract_id is None:
            return None
        values = contract_input(queries.contract(self.store.db, contract_id))
        dialog = ContractDialog(self.store, values, parent=self.window)
        return self.open_dialog(
            dialog,
            self.as_read(
                "contracts",
                contract_id,
                lambda data: perform(
                    self.store, commands.edit_contract(self.store, contract_id, data)
                ),
            ),
        )

    def delete_contract(self) -> bool:
        contract_id = self.window.contract_id
        if contract_id is None:
            return False
        contract = queries.contract(self.store.db, contract_id)
        depending = contract_service.dependents(self.store.db, contract_id).describe()
        question = self.tr(
            "Delete contract {ref}?\n\nThis also deletes what depends on it: {what}.\n"
            "You can undo this with Edit → Undo."
        ).format(ref=contract.reference, what=depending)
        if not self.confirm(question):
            return False
        self._delete_beside(contract_id, contract.reference)
        return True

    def _delete_beside(self, contract_id: int, reference: str) -> None:
        """Back the ledger up, then delete the contract and everything depending on it, on
        a worker (at a million deliveries the copy alone takes seconds, and a contract can
        hold thousands of records); the deletion then goes on the undo stack."""
        ledger = None if self.store.read_only else self.store.path

        def delete(db: Ledger, _progress: Progress) -> tuple[Removed, ChangeSet]:
            if ledger is not None:
                backups.make_backup(db, ledger, "before-delete")
            return contract_service.delete_contract(db, contract_id)

        label = self.tr("Deleting contract {ref}…").format(ref=reference)
        operation = WriteOperation(self.store, delete, label, self.window)
        operation.finished.connect(
            lambda outcome: perform(
                self.store, commands.contract_deleted(self.store, contract_id, reference, outcome)
            )
        )
        operation.failed.connect(self._not_deleted)
        self.delete_operation = operation
        operation.start()

    def _not_deleted(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return  # nothing was deleted
        if not isinstance(error, TrackerError):
            raise error
        show_error(self.window, error)

    # --- tranches ----------------------------------------------------------------------

    def add_tranche(self) -> RecordDialog:
        dialog = TrancheDialog(self.store, self.window.contract_id, parent=self.window)

        def submit(data: dict[str, str]) -> None:
            tranche = perform(
                self.store, commands.add_tranche(self.store, int(data["contract"]), data)
            )
            self.window.schedule.select_record(tranche.id)

        return self.open_dialog(dialog, submit)

    def edit_tranche(self, tranche_id: int) -> RecordDialog:
        tranche = queries.tranche(self.store.db, tranche_id)
        values = {**tranche_input(tranche), "contract": str(tranche.contract_id)}
        dialog = TrancheDialog(self.store, tranche.contract_id, values, parent=self.window)
        return self.open_dialog(
            dialog,
            self.as_read(
                "tranches",
                tranche_id,
                lambda data: perform(
                    self.store, commands.edit_tranche(self.store, tranche_id, data)
                ),
            ),
        )

    def delete_tranche(self, tranche_id: int) -> bool:
        tranche = queries.tranche(self.store.db, tranche_id)
        question = self.tr("Delete the tranche due {date}?").format(
            date=numbers.day(tranche.due_on)
        )
        if not self.confirm(question + self.undo_note()):
            return False
        perform(self.store, commands.delete_tranche(self.store, tranche_id))
        return True

    # --- deliveries --------------------------------------------------------------------

    def add_delivery(self) -> RecordDialog:
        dialog = DeliveryDialog(self.store, self.window.contract_id, parent=self.window)

        def submit(data: dict[str, str]) -> None:
            delivery = perform(
                self.store, commands.add_delivery(self.store, int(data["contract"]), data)
            )
            self.window.deliveries.select_record(delivery.id)

        return self.open_dialog(dialog, submit)

    def edit_delivery(self, delivery_id: int) -> RecordDialog:
        delivery = queries.delivery(self.store.db, delivery_id)
        values = {**delivery_input(delivery), "contract": str(delivery.contract_id)}
        dialog = DeliveryDialog(self.store, delivery.contract_id, values, parent=self.window)
        return self.open_dialog(
            dialog,
            self.as_read(
                "deliveries",
                delivery_id,
                lambda data: perform(
                    self.store, commands.edit_delivery(self.store, delivery_id, data)
                ),
            ),
        )

    def delete_delivery(self, delivery_id: int) -> bool:
        delivery = queries.delivery(self.store.db, delivery_id)
        count = delivery_service.retirements_depending(self.store.db, delivery_id)
        named = serials_text(delivery.block) or self.tr("{ref} of {date} (serials pending)").format(
            ref=delivery.reference, date=numbers.day(delivery.delivered_on)
        )
        question = self.tr("Delete the delivery {block}?").format(block=named)
        if count:
            question += "\n\n" + self.tr(
                "%n retirement(s) drawn from it will be deleted too.", "", count
            )
        if not self.confirm(question + self.undo_note()):
            return False
        perform(self.store, commands.delete_delivery(self.store, delivery_id))
        return True

    # --- retirements -------------------------------------------------------------------

    def retire(self) -> RecordDialog:
        dialog = RetireDialog(self.store, self.window.contract_id, parent=self.window)

        def submit(data: dict[str, str]) -> None:
            contract_id = int(data["contract"])
            command = commands.retire(self.store, contract_id, data, dialog.draws_verified_only)
            made = perform(self.store, command)
            self.window.retirements.select_record(made[0].id)

        return self.open_dialog(dialog, submit)

    def edit_retirement(self, retirement_id: int) -> RecordDialog:
        retirement = queries.retirement(self.store.db, retirement_id)
        values = {**retirement_input(retirement), "contract": str(retirement.contract_id)}
        dialog = RetireDialog(self.store, retirement.contract_id, values, parent=self.window)
        return self.open_dialog(
            dialog,
            self.as_read(
                "retirements",
                retirement_id,
                lambda data: perform(
                    self.store, commands.edit_retirement(self.store, retirement_id, data)
                ),
            ),
        )

    def delete_retirement(self, retirement_id: int) -> bool:
        retirement = queries.retirement(self.store.db, retirement_id)
        question = self.tr("Delete the retirement of {block} on {date}?").format(
            block=serials_text(retirement.block)
            or self.tr("{tonnes} t").format(tonnes=numbers.tonnes(retirement.tonnes_kg)),
            date=numbers.day(retirement.retired_on),
        )
        if not self.confirm(question + self.undo_note()):
            return False
        perform(self.store, commands.delete_retirement(self.store, retirement_id))
        return True

    # --- chart -------------------------------------------------------------------------

    def export_chart(self) -> Path | None:
        chart = self.window.chart
        if chart is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export chart as PNG"), "chart.png", self.tr("PNG image (*.png)")
        )
        if not name:
            return None
        return chart.export_png(Path(name))

    # --- helpers -----------------------------------------------------------------------

    def as_read(
        self, table: str, record_id: int, submit: Callable[[dict[str, str]], object]
    ) -> Callable[[dict[str, str]], object]:
        """``submit`` refused with "changed elsewhere" if the record changes after this read."""
        read = record_as_stored(self.store.db, table, record_id)

        def run(data: dict[str, str]) -> object:
            with expecting({(table, record_id): read}):
                return submit(data)

        return run

    def open_dialog(self, dialog: RecordDialog, submit: object) -> RecordDialog:
        dialog.submit = submit  # type: ignore[assignment]
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def undo_note(self) -> str:
        return "\n\n" + self.tr("You can undo this with Edit → Undo.")

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Confirm delete"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
