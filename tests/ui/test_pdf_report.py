"""The printable portfolio report (Qt's own PDF writer, offscreen)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import sqlite_utils
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tracker.cli.main import main
from tracker.domain.flags import Flag, Severity
from tracker.domain.messages import Tonnes, msg
from tracker.services.demo import load_demo
from tracker.store.database import open_database
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.reports.pdf import build_document, write_portfolio_pdf
from tracker.ui.reports.pdf_action import PdfSave

pytestmark = pytest.mark.gui
FLAG = Flag(
    "OVER_RETIREMENT",
    Severity.WARN,
    1,
    "C-1",
    msg("subject.delivery", block="<b>late</b>"),
    msg("flag.over_retired_delivery", retired=Tonnes(2_000_000), n=2, tonnes=Tonnes(1_000_000),
        excess=Tonnes(1_000_000)),
    "deliveries",
    1,
)  # fmt: skip


@pytest.fixture
def store(db: sqlite_utils.Database, qtbot: QtBot) -> LedgerStore:
    load_demo(db)
    return LedgerStore(db, None, dt.date(2026, 6, 30))


def test_document_holds_summary_totals_chart_and_open_flags(store: LedgerStore) -> None:
    document = build_document(store, [FLAG], chart=None)
    text = document.toPlainText()
    assert "TOTAL USD" in text
    assert "Open flags (1)" in text
    assert "delivery <b>late</b>" in text  # shown as text, never as markup
    assert "2,000 t retired in 2 retirements from a delivery of only 1,000 t" in text


def test_pdf_is_written_atomically(store: LedgerStore, tmp_path: Path) -> None:
    path = write_portfolio_pdf(store, tmp_path / "portfolio.pdf", [FLAG])
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 1
    assert b"/Subtype /Image" in data or b"/Subtype/Image" in data  # the chart
    assert [p.name for p in tmp_path.iterdir()] == ["portfolio.pdf"]


def test_cli_export_pdf(db_path: Path, tmp_path: Path, qtbot: QtBot) -> None:
    db = open_database(db_path)
    load_demo(db)
    db.close()
    out = tmp_path / "report.pdf"
    assert main(["export", "pdf", "-o", str(out), "--db", str(db_path)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_save_pdf_writes_where_the_user_chose(
    store: LedgerStore, tmp_path: Path, qtbot: QtBot
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    target = tmp_path / "chosen.pdf"
    save = PdfSave(store, window, target)

    with qtbot.waitSignal(save.saved) as saved:
        save.start()

    assert saved.args == [target]
    assert target.read_bytes().startswith(b"%PDF-")


class _Marking(QTranslator):
    """A stand-in translation: every report string comes back marked with a "§"."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"§{source}" if context in ("PortfolioReport", "Flags") else ""


def test_every_heading_and_label_goes_through_translation(
    store: LedgerStore, qapp: QCoreApplication
) -> None:
    translator = _Marking()
    qapp.installTranslator(translator)
    try:
        text = build_document(store, [FLAG], chart=None).toPlainText()
    finally:
        qapp.removeTranslator(translator)
    for heading in ("Carbon-credit offtake portfolio", "Portfolio summary", "Open flags (1)"):
        assert f"§{heading}" in text
    for label in ("Contracted t", "Value delivered", "Severity", "Finding", "warn", "TOTAL USD"):
        assert f"§{label}" in text
    assert "§As of 6/30/2026" in text  # the window's date format


def test_methods_are_named_as_in_the_window(store: LedgerStore) -> None:
    text = build_document(store, [], chart=None).toPlainText()
    assert "Direct air capture (DAC)" in text
    assert "No open flags." in text


def test_the_report_records_the_change_log_head(store: LedgerStore) -> None:
    from tracker.store.log_verify import head

    text = build_document(store, [], chart=None).toPlainText()
    assert f"Change log head {head(store.db)}" in text
