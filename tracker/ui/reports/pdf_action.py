"""Reports ▸ Print report as PDF…: ask where, then write the printable report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker.domain.flags import Flag
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports.pdf import write_portfolio_pdf

# Where to save (suggested name given), or None if the user cancelled.  Tests pass their own.
PdfChooser = Callable[[QWidget, str], Path | None]


def ask_save_pdf(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReportDialogs", "Save printable report"),
        suggested,
        QCoreApplication.translate("ReportDialogs", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def save_pdf(
    store: LedgerStore,
    parent: QWidget,
    open_flags: Callable[[], Sequence[Flag]],
    chooser: PdfChooser = ask_save_pdf,
) -> Path | None:
    """Ask where to save, then write the PDF; a failure is reported in a message box."""
    path = chooser(parent, f"portfolio-{store.as_of.isoformat()}.pdf")
    if path is None:
        return None
    try:
        return write_portfolio_pdf(store, path, open_flags())
    except OSError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ReportDialogs", "Save printable report"), str(exc)
        )
        return None
