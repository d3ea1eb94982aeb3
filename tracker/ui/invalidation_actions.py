"""Add, edit and delete invalidations from the Invalidations tab and the Records menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox

from tracker.services.form_data import invalidation_input
from tracker.store import queries
from tracker.ui import commands, numbers
from tracker.ui.commands import perform
from tracker.ui.dialogs.form import RecordDialog
from tracker.ui.dialogs.invalidation import InvalidationDialog
from tracker.ui.errors import guarded

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow
    from tracker.ui.record_actions import RecordActions


class InvalidationActions(QObject):
    def __init__(self, window: MainWindow, records: RecordActions) -> None:
        super().__init__(window)
        self.window = window
        self.records = records
        self.store = window.store
        self.add_action = QAction(self.tr("Record &invalidation…"), window)
        self.add_action.triggered.connect(guarded(window, lambda _checked=False: self.add()))
        panel = window.invalidations
        panel.add_requested.connect(guarded(window, lambda: self.add()))
        panel.edit_requested.connect(guarded(window, self.edit))
        panel.delete_requested.connect(guarded(window, self.delete))

    def add(self) -> RecordDialog:
        dialog = InvalidationDialog(self.store, self.window.contract_id, parent=self.window)
        selected = self.window.deliveries.selected_id()  # the delivery chosen there, if any
        deliveries = dialog.editors["delivery"]
        assert isinstance(deliveries, QComboBox)  # the contract's deliveries to choose from
        if selected is not None and deliveries.findData(str(selected)) >= 0:
            dialog.set_value("delivery", str(selected))

        def submit(data: dict[str, str]) -> None:
            command = commands.add_invalidation(self.store, int(data["delivery"]), data)
            record = perform(self.store, command)
            self.window.invalidations.select_record(record.id)

        return self.records.open_dialog(dialog, submit)

    def edit(self, invalidation_id: int) -> RecordDialog:
        record = queries.invalidation(self.store.db, invalidation_id)
        delivery = queries.delivery(self.store.db, record.delivery_id)
        values = {**invalidation_input(record, delivery), "delivery": str(delivery.id)}
        dialog = InvalidationDialog(self.store, record.contract_id, values, parent=self.window)
        return self.records.open_dialog(
            dialog,
            self.records.as_read(
                "invalidations",
                invalidation_id,
                lambda data: perform(
                    self.store, commands.edit_invalidation(self.store, invalidation_id, data)
                ),
            ),
        )

    def delete(self, invalidation_id: int) -> bool:
        record = queries.invalidation(self.store.db, invalidation_id)
        question = self.tr("Delete the invalidation of {tonnes} t on {date}?").format(
            tonnes=numbers.tonnes(record.tonnes_kg), date=numbers.day(record.invalidated_on)
        )
        if not self.records.confirm(question + self.records.undo_note()):
            return False
        perform(self.store, commands.delete_invalidation(self.store, invalidation_id))
        return True
