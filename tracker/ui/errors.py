"""Errors from anywhere reach the user as a readable dialog, never a silent trace."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker.domain.errors import TrackerError
from tracker.ui import messages

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def show_error(parent: QWidget | None, exc: BaseException, tb: TracebackType | None = None) -> None:
    """A tracker refusal is shown plainly; anything else with its details folded away."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Carbon Tracker"))
    if isinstance(exc, TrackerError):
        box.setText(messages.error(exc))  # in the window's language where it has a message
    else:
        box.setText(
            QCoreApplication.translate(
                "Errors", "Something went wrong and the last action may not have finished."
            )
        )
        box.setInformativeText(f"{type(exc).__name__}: {exc}")
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, tb)))
    box.exec()


def install_excepthook(parent: Callable[[], QWidget | None]) -> Hook:
    """Route uncaught exceptions to ``show_error``; returns the hook it replaced."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        traceback.print_exception(kind, exc, tb, file=sys.stderr)
        show_error(parent(), exc, tb)

    sys.excepthook = hook
    return previous


def guarded(parent: QWidget, action: Callable[..., object]) -> Callable[..., None]:
    """A slot that runs ``action`` and shows a tracker refusal in a dialog instead of raising.

    Unexpected errors still go to the excepthook (and so to ``show_error``) with their trace.
    """

    def slot(*args: object) -> None:
        try:
            action(*args)
        except TrackerError as exc:
            show_error(parent, exc)

    return slot
