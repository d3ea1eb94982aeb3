"""The printable portfolio report: summary, chart and open flags in one PDF.

Built with Qt's own printing (QTextDocument laid out on a QPdfWriter), no extra
dependency.  The file is written to a temporary name and renamed, like the CSV reports.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from tracker.domain.flags import Flag
from tracker.services.summary import ContractSummary, portfolio_summary, totals_by_currency
from tracker.store.log_verify import head
from tracker.store.targets import refuse_ledger_target
from tracker.ui import labels, messages, numbers
from tracker.ui.audit.rule_labels import rule_label
from tracker.ui.chart import ChartPanel
from tracker.ui.ledger_store import LedgerStore

CHART_URL = QUrl("tracker://chart.png")
CHART_SIZE = (1080, 440)
_STYLE = """
body { font-family: sans-serif; font-size: 9pt; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 14pt; }
table { border-collapse: collapse; }
th { background: #e8eef3; text-align: left; }
td.n { text-align: right; }
tr.total td { font-weight: bold; border-top: 1px solid #555; }
.muted { color: #555; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _title() -> str:
    return QCoreApplication.translate("PortfolioReport", "Carbon-credit offtake portfolio")


def _percent(part: int, whole: int) -> str:
    """Delivered of contracted as the window shows it: '35.0 %' ('35.0%' in Chinese)."""
    pct = numbers.percent(part, whole)
    if not pct:
        return "—"
    return QCoreApplication.translate("PortfolioReport", "{percent} %").format(percent=pct)


def _summary_html(summaries: Sequence[ContractSummary]) -> str:
    head = (
        QCoreApplication.translate("PortfolioReport", "Contract"),
        QCoreApplication.translate("PortfolioReport", "Supplier"),
        QCoreApplication.translate("PortfolioReport", "Method"),
        QCoreApplication.translate("PortfolioReport", "Contracted t"),
        QCoreApplication.translate("PortfolioReport", "Due to date t"),
        QCoreApplication.translate("PortfolioReport", "Delivered t"),
        QCoreApplication.translate("PortfolioReport", "Retired t"),
        QCoreApplication.translate("PortfolioReport", "Available t"),
        QCoreApplication.translate("PortfolioReport", "Delivered"),
        QCoreApplication.translate("PortfolioReport", "Value delivered"),
    )
    methods = labels.method_labels()
    rows = []
    for s in summaries:
        figures = (
            s.contracted_kg,
            s.scheduled_to_date_kg,
            s.delivered_kg,
            s.retired_kg,
            s.available_kg,
        )
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{_e(v)}</td>"
                for v in (s.reference, s.supplier, methods.get(s.method, s.method))
            )
            + "".join(f'<td class="n">{numbers.tonnes(kg)}</td>' for kg in figures)
            + f'<td class="n">{_e(_percent(s.delivered_kg, s.contracted_kg))}</td>'
            + f'<td class="n">{_e(numbers.money(s.delivered_value_cents, s.currency))}</td>'
            "</tr>"
        )
    for t in totals_by_currency(list(summaries)):
        figures = (
            t.contracted_kg,
            t.scheduled_to_date_kg,
            t.delivered_kg,
            t.retired_kg,
            t.available_kg,
        )
        total = QCoreApplication.translate("PortfolioReport", "TOTAL {currency}")
        total = total.format(currency=t.currency)
        count = QCoreApplication.translate("PortfolioReport", "%n contract(s)", "", t.contracts)
        rows.append(
            f'<tr class="total"><td>{_e(total)}</td><td>{_e(count)}</td><td></td>'
            + "".join(f'<td class="n">{numbers.tonnes(kg)}</td>' for kg in figures)
            + f'<td class="n">{_e(_percent(t.delivered_kg, t.contracted_kg))}</td>'
            + f'<td class="n">{_e(numbers.money(t.delivered_value_cents, t.currency))}</td>'
            "</tr>"
        )
    if not rows:
        empty = QCoreApplication.translate("PortfolioReport", "No contracts yet.")
        return f'<p class="muted">{_e(empty)}</p>'
    header = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join(rows)
    return f'<table cellpadding="3" width="100%"><thead><tr>{header}</tr></thead>{body}</table>'


def _flags_html(flags: Sequence[Flag]) -> str:
    if not flags:
        empty = QCoreApplication.translate("PortfolioReport", "No open flags.")
        return f'<p class="muted">{_e(empty)}</p>'
    severities = {
        "critical": QCoreApplication.translate("PortfolioReport", "critical"),
        "high": QCoreApplication.translate("PortfolioReport", "high"),
        "warn": QCoreApplication.translate("PortfolioReport", "warn"),
        "info": QCoreApplication.translate("PortfolioReport", "info"),
    }
    ordered = sorted(
        flags, key=lambda f: (f.severity.rank, f.contract, f.rule, messages.subject(f))
    )
    rows = "".join(
        f"<tr><td>{_e(severities[f.severity.value])}</td>"
        f"<td>{_e(rule_label(f.rule))}</td><td>{_e(f.contract)}</td>"
        f"<td>{_e(messages.subject(f))}</td><td>{_e(messages.finding(f))}</td></tr>"
        for f in ordered
    )
    header = "".join(
        f"<th>{_e(h)}</th>"
        for h in (
            QCoreApplication.translate("PortfolioReport", "Severity"),
            QCoreApplication.translate("PortfolioReport", "Rule"),
            QCoreApplication.translate("PortfolioReport", "Contract"),
            QCoreApplication.translate("PortfolioReport", "Subject"),
            QCoreApplication.translate("PortfolioReport", "Finding"),
        )
    )
    return f'<table cellpadding="3" width="100%"><thead><tr>{header}</tr></thead>{rows}</table>'


def chart_image(store: LedgerStore) -> QImage:
    """The delivered-vs-contracted chart of the whole portfolio, rendered offscreen."""
    panel = ChartPanel(store)
    try:
        panel.resize(*CHART_SIZE)
        panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        panel.show()  # lay the plot out (axes, title) before exporting it
        panel.refresh()
        panel.job.wait()  # a ledger file's series are read off the GUI thread
        QApplication.processEvents()
        with tempfile.TemporaryDirectory() as folder:
            path = panel.export_png(Path(folder) / "chart.png")
            return QImage(str(path))
    finally:
        panel.hide()
        panel.deleteLater()


def build_document(
    store: LedgerStore,
    flags: Sequence[Flag],
    chart: QImage | None,
    summaries: Sequence[ContractSummary] | None = None,
) -> QTextDocument:
    """The report's document; ``summaries`` read beforehand (off the GUI thread) or now."""
    if summaries is None:
        summaries = portfolio_summary(store.db, store.as_of)
    document = QTextDocument()
    document.setDefaultStyleSheet(_STYLE)
    missing = QCoreApplication.translate("PortfolioReport", "(chart not included)")
    chart_html = f'<p class="muted">{_e(missing)}</p>'
    if chart is not None and not chart.isNull():
        document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, chart)
        chart_html = f'<p><img src="{CHART_URL.toString()}" width="1080"></p>'
    generated = numbers.moment(dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    subtitle = QCoreApplication.translate(
        "PortfolioReport", "As of {as_of} · tonnes of CO2e · generated {generated}"
    ).format(as_of=numbers.day(store.as_of), generated=generated)
    summary = QCoreApplication.translate("PortfolioReport", "Portfolio summary")
    versus = QCoreApplication.translate("PortfolioReport", "Delivered vs contracted")
    open_flags = QCoreApplication.translate("PortfolioReport", "Open flags ({count})")
    document.setHtml(
        f"<h1>{_e(_title())}</h1>"
        f'<p class="muted">{_e(subtitle)}</p>'
        f"<h2>{_e(summary)}</h2>{_summary_html(summaries)}"
        f"<h2>{_e(versus)}</h2>{chart_html}"
        f"<h2>{_e(open_flags.format(count=len(flags)))}</h2>"
        f"{_flags_html(flags)}"
        f'<p class="muted">{_e(_head_line(store))}</p>'
    )
    return document


def _head_line(store: LedgerStore) -> str:
    """The change log's head, so the report can later be checked against the ledger."""
    anchor = head(store.db)
    return QCoreApplication.translate(
        "PortfolioReport",
        "Change log head {head} (check later with carbon-tracker verify-log --expect-head)",
    ).format(head=str(anchor))


def write_portfolio_pdf(
    store: LedgerStore,
    path: Path | str,
    flags: Sequence[Flag] = (),
    include_chart: bool = True,
    summaries: Sequence[ContractSummary] | None = None,
) -> Path:
    """Write the PDF atomically; returns its path.  Needs a QApplication (offscreen is fine)."""
    target = Path(path)
    refuse_ledger_target(target, store.path)
    target.parent.mkdir(parents=True, exist_ok=True)
    chart = chart_image(store) if include_chart else None
    document = build_document(store, flags, chart, summaries)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(temp_name)
        writer.setTitle(_title())
        writer.setCreator("Carbon Tracker")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(144)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.width(), rect.height()))
        document.print_(writer)
        del writer  # finishes the file
        if os.path.getsize(temp_name) == 0:
            raise OSError(f"{target}: the PDF could not be written")
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
