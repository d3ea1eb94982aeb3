"""Reports ▸ Print report as PDF…: ask where, read the figures off the GUI thread, then
write the printable report.

The open flags and the portfolio summary are read by a ``ReadOperation`` (a worker with
its own read-only connection, progress and Cancel after 200 ms), so a large ledger never
freezes the window; the document itself is laid out and written on the GUI thread,
where Qt's painting must happen, once they have arrived.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from tracker.domain.errors import TrackerError
from tracker.domain.flags import Flag
from tracker.services.audit.review import open_flags
from tracker.services.progress import Cancelled, Progress
from tracker.services.summary import ContractSummary, portfolio_summary
from tracker.store.ledger import Ledger
from tracker.store.targets import refuse_ledger_target
from tracker.ui import messages
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import ReadOperation
from tracker.ui.reports.pdf import write_portfolio_pdf

# Where to save (suggested name given), or None if the user cancelled.  Tests pass their own.
PdfChooser = Callable[[QWidget, str], Path | None]


def _title() -> str:
    return QCoreApplication.translate("ReportDialogs", "Save printable report")


def ask_save_pdf(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        _title(),
        suggested,
        QCoreApplication.translate("ReportDialogs", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


@dataclass(frozen=True, slots=True)
class ReportFigures:
    """What the printable report shows besides its chart, read at one moment."""

    flags: list[Flag]
    summaries: list[ContractSummary]


def read_report_figures(db: Ledger, as_of: dt.date, progress: Progress) -> ReportFigures:
    """The open flags and the portfolio summary (run on a worker's read connection)."""
    progress.check()
    flags = open_flags(db, as_of)
    progress.check()
    summaries = portfolio_summary(db, as_of)
    progress.check()
    return ReportFigures(flags=flags, summaries=summaries)


class PdfSave(QObject):
    """One "Print report as PDF…": the figures are read on a worker, then the file is
    written.  ``saved(path)`` or ``failed(message)`` tells how it ended; a cancelled
    save writes nothing and emits ``failed`` with ``cancelled`` set."""

    saved = Signal(object)  # Path
    failed = Signal(str)

    def __init__(self, store: LedgerStore, parent: QWidget, path: Path) -> None:
        super().__init__(parent)
        self.store, self.parent_widget, self.path = store, parent, path
        self.as_of = store.as_of
        label = QCoreApplication.translate("ReportDialogs", "Preparing {file}…")
        self.operation = ReadOperation(
            store,
            lambda db, progress: read_report_figures(db, self.as_of, progress),
            label.format(file=path.name),
            parent,
        )
        self.operation.finished.connect(self._write)
        self.operation.failed.connect(self._failed)
        self.result: Path | None = None
        self.error: str | None = None
        self.cancelled = False
        self.done = False

    def start(self) -> None:
        """Refuse the ledger itself as the target at once; else read, then write."""
        try:
            refuse_ledger_target(self.path, self.store.path)
        except (OSError, TrackerError) as exc:
            self._failed(exc)
            return
        self.operation.start()

    def wait(self, timeout: float = 120.0) -> bool:
        """Process events until the file is written or the save failed (tests)."""
        return self.operation.wait(timeout) and self.done

    def _write(self, figures: object) -> None:
        assert isinstance(figures, ReportFigures)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the chart is drawn
        try:
            self.result = write_portfolio_pdf(
                self.store, self.path, figures.flags, summaries=figures.summaries
            )
        except (OSError, TrackerError) as exc:
            self._failed(exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.done = True
        self.saved.emit(self.result)

    def _failed(self, error: object) -> None:
        self.cancelled = isinstance(error, Cancelled)
        if self.cancelled:
            self.error = QCoreApplication.translate(
                "ReportDialogs", "Cancelled: the printable report was not saved."
            )
        else:
            assert isinstance(error, BaseException)
            self.error = messages.error(error, self.path)
        self.done = True
        self.failed.emit(self.error)
