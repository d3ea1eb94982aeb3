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
from tracker.domain.quantities import format_cents, format_tonnes_grouped
from tracker.services.summary import portfolio_summary, totals_by_currency
from tracker.ui import labels
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


def _tr(text: str) -> str:
    """The report's wording, through Qt's translation like the window's."""
    return QCoreApplication.translate("PortfolioReport", text)


def _title() -> str:
    return _tr("Carbon-credit offtake portfolio")


def _summary_html(store: LedgerStore) -> str:
    summaries = portfolio_summary(store.db, store.as_of)
    head = (
        _tr("Contract"),
        _tr("Supplier"),
        _tr("Method"),
        _tr("Contracted t"),
        _tr("Due to date t"),
        _tr("Delivered t"),
        _tr("Retired t"),
        _tr("Available t"),
        _tr("Delivered"),
        _tr("Value delivered"),
    )
    methods = labels.method_labels()
    rows = []
    for s in summaries:
        numbers = (
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
            + "".join(f'<td class="n">{format_tonnes_grouped(kg)}</td>' for kg in numbers)
            + f'<td class="n">{_e(s.delivered_pct)} %</td>'
            + f'<td class="n">{format_cents(s.delivered_value_cents, grouped=True)} '
            f"{_e(s.currency)}</td></tr>"
        )
    for t in totals_by_currency(summaries):
        numbers = (
            t.contracted_kg,
            t.scheduled_to_date_kg,
            t.delivered_kg,
            t.retired_kg,
            t.available_kg,
        )
        rows.append(
            f'<tr class="total"><td>{_e(_tr("TOTAL {currency}").format(currency=t.currency))}</td>'
            f"<td>{_e(_tr('{count} contract(s)').format(count=t.contracts))}</td><td></td>"
            + "".join(f'<td class="n">{format_tonnes_grouped(kg)}</td>' for kg in numbers)
            + f'<td class="n">{_e(t.delivered_pct)} %</td>'
            + f'<td class="n">{format_cents(t.delivered_value_cents, grouped=True)} '
            f"{_e(t.currency)}</td></tr>"
        )
    if not rows:
        return f'<p class="muted">{_e(_tr("No contracts yet."))}</p>'
    header = "".join(f"<th>{_e(h)}</th>" for h in head)
    body = "".join(rows)
    return f'<table cellpadding="3" width="100%"><thead><tr>{header}</tr></thead>{body}</table>'


def _flags_html(flags: Sequence[Flag]) -> str:
    if not flags:
        return f'<p class="muted">{_e(_tr("No open flags."))}</p>'
    severities = {
        "critical": _tr("critical"),
        "high": _tr("high"),
        "warn": _tr("warn"),
        "info": _tr("info"),
    }
    ordered = sorted(flags, key=lambda f: (f.severity.rank, f.contract, f.rule, f.subject))
    rows = "".join(
        f"<tr><td>{_e(severities[f.severity.value])}</td>"
        f"<td>{_e(f.rule)}</td><td>{_e(f.contract)}</td>"
        f"<td>{_e(f.subject)}</td><td>{_e(f.message)}</td></tr>"
        for f in ordered
    )
    header = "".join(
        f"<th>{_e(h)}</th>"
        for h in (_tr("Severity"), _tr("Rule"), _tr("Contract"), _tr("Subject"), _tr("Finding"))
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
    store: LedgerStore, flags: Sequence[Flag], chart: QImage | None
) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet(_STYLE)
    chart_html = f'<p class="muted">{_e(_tr("(chart not included)"))}</p>'
    if chart is not None and not chart.isNull():
        document.addResource(QTextDocument.ResourceType.ImageResource, CHART_URL, chart)
        chart_html = f'<p><img src="{CHART_URL.toString()}" width="1080"></p>'
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    subtitle = _tr("As of {as_of} · tonnes of CO2e · generated {generated}").format(
        as_of=store.as_of.isoformat(), generated=generated
    )
    document.setHtml(
        f"<h1>{_e(_title())}</h1>"
        f'<p class="muted">{_e(subtitle)}</p>'
        f"<h2>{_e(_tr('Portfolio summary'))}</h2>{_summary_html(store)}"
        f"<h2>{_e(_tr('Delivered vs contracted'))}</h2>{chart_html}"
        f"<h2>{_e(_tr('Open flags ({count})').format(count=len(flags)))}</h2>"
        f"{_flags_html(flags)}"
    )
    return document


def write_portfolio_pdf(
    store: LedgerStore,
    path: Path | str,
    flags: Sequence[Flag] = (),
    include_chart: bool = True,
) -> Path:
    """Write the PDF atomically; returns its path.  Needs a QApplication (offscreen is fine)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    document = build_document(store, flags, chart_image(store) if include_chart else None)
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
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
