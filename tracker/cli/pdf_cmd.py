"""`export pdf -o FILE.pdf`: the printable portfolio report, rendered offscreen with Qt."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from tracker.domain.errors import TrackerError
from tracker.services.audit.review import open_flags
from tracker.store.ledger import Ledger


def _quiet_offscreen(mode: object, context: object, message: str) -> None:
    """Drop the offscreen platform's notice about size hints; print anything else."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def run_export_pdf(db: Ledger, args: argparse.Namespace, as_of: dt.date) -> int:
    output: Path | None = args.output
    if output is None:
        raise TrackerError("export pdf needs -o FILE.pdf (a PDF is not written to the terminal)")
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from tracker.ui.ledger_store import LedgerStore
    from tracker.ui.reports.pdf import write_portfolio_pdf

    app = QApplication.instance() or QApplication([sys.argv[0]])
    previous = qInstallMessageHandler(_quiet_offscreen)
    flags = open_flags(db, as_of)
    store = LedgerStore(db, None, as_of)
    try:
        path = write_portfolio_pdf(store, output, flags)
    except OSError as exc:
        raise TrackerError(f"{output}: cannot be written ({exc})") from None
    finally:
        store.deleteLater()
        app.processEvents()
        qInstallMessageHandler(previous)
    print(f"Wrote the portfolio report to {path}", file=sys.stderr)
    return 0
