"""Edit → Undo and Redo: a step that can run on a worker does (an import of many rows).

Qt's undo actions call ``QUndoStack.undo`` on the GUI thread, and taking back an import
of 20,000 deliveries there froze the window for about 2 s (10 s for 100,000).  The
actions here keep Qt's text and enabled state, but a command offering ``work_beside``
(``StepsOnWorker``) has its step done first by a ``WriteOperation``: the worker takes the
records back (or puts them back) in one transaction while a modal progress dialog shows,
and only then does the stack step, the command ``arm``-ed with what the worker did, so
that its ``undo``/``redo`` only tells the views.  A failed or cancelled step leaves the
stack where it was.  Any other command steps on the GUI thread, as before.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from tracker.domain.errors import TrackerError
from tracker.services.progress import Cancelled
from tracker.ui.errors import show_error
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import ProgressWork, WriteOperation


@runtime_checkable
class StepsOnWorker(Protocol):
    def work_beside(self, undo: bool) -> ProgressWork:
        """The undo (or redo) as work for a worker's connection."""
        ...

    def arm(self, stepped: object) -> None:
        """Hand the command what the worker did, before the stack steps."""
        ...


class UndoActions(QObject):
    def __init__(self, store: LedgerStore, window: QWidget) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self.operation: WriteOperation | None = None
        stack = store.undo_stack
        self.undo_action = stack.createUndoAction(window, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(window, self.tr("&Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        for action, undo in ((self.undo_action, True), (self.redo_action, False)):
            action.triggered.disconnect()  # Qt's own: the stack's undo/redo at once
            action.triggered.connect(lambda _checked=False, undo=undo: self.step(undo))

    @property
    def actions(self) -> list[QAction]:
        return [self.undo_action, self.redo_action]

    def step(self, undo: bool) -> None:
        """Undo (or redo) the next step, on a worker when its command can."""
        if self.operation is not None and self.operation.running:
            return  # one step at a time
        stack = self.store.undo_stack
        if not (stack.canUndo() if undo else stack.canRedo()):
            return
        command = stack.command(stack.index() - 1 if undo else stack.index())
        if not isinstance(command, StepsOnWorker):
            stack.undo() if undo else stack.redo()
            return
        text = (self.tr("Undoing {step}…") if undo else self.tr("Redoing {step}…")).format(
            step=command.text()
        )
        operation = WriteOperation(
            self.store, command.work_beside(undo), text, self.window, show_after_ms=0
        )

        def stepped(outcome: object) -> None:
            self.operation = None
            command.arm(outcome)
            stack.undo() if undo else stack.redo()

        operation.finished.connect(stepped)
        operation.failed.connect(self._failed)
        self.operation = operation
        operation.start()

    def wait(self, timeout: float = 120.0) -> bool:
        """Until the step running on a worker has finished (tests)."""
        return self.operation is None or self.operation.wait(timeout)

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        if isinstance(exc, Cancelled):
            return  # nothing changed; the stack stays where it was
        if isinstance(exc, TrackerError):
            show_error(self.window, exc)
            return
        raise exc
