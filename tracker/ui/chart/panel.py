"""ChartPanel: cumulative scheduled and contracted tonnes against delivered, verified
and retired tonnes over time, for one contract or the whole portfolio.

The curves are created once; every refresh only calls ``setData`` on them.
Change notices from the store are coalesced with a zero-delay single-shot
timer, so a burst of changes costs one redraw in the next event-loop turn.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import NotFoundError, TrackerError
from tracker.domain.quantities import KG_PER_TONNE
from tracker.services.series import (
    ChartPoint,
    ChartSeries,
    CumulativeSeries,
    day_of_epoch,
    epoch_seconds,
)
from tracker.services.series_cache import KeptSeries
from tracker.store import queries
from tracker.ui import messages, numbers
from tracker.ui.background import BackgroundJob
from tracker.ui.chart import readout, steps
from tracker.ui.chart.axes import TonnesAxisItem, utc_date_axis
from tracker.ui.chart.export import export_plot_png
from tracker.ui.chart.markers import MARKER_SIZE, ChartRead, DayMarker, marker_style, read_chart
from tracker.ui.chart.period import actual_period, x_span, y_span
from tracker.ui.chart.style import SERIES_ORDER, paint, scheme, style_plot
from tracker.ui.ledger_store import LedgerStore

LEGEND_COLUMNS = 6  # one row above the curves; narrow panels fall back to two rows
LEGEND_ROW_PX = 22
NARROW_PX = 760
_EMPTY_SERIES = ChartSeries(
    None, 0, CumulativeSeries(), CumulativeSeries(), CumulativeSeries(), CumulativeSeries()
)


class ChartPanel(QWidget):
    """The live chart.  ``curves[name]`` holds the PlotDataItem of each series."""

    refreshed = Signal()  # after the curves were given new data

    def __init__(self, store: LedgerStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.contract_id: int | None = None
        self.series: ChartSeries = _EMPTY_SERIES
        self.refresh_count = 0
        self._flagged_ids: array[int] | None = None
        self._hover_epoch: float | None = None
        self._focus: tuple[float, float] | None = None  # the period with data, when shown
        self._open_on_data = False  # show the period with data once the series is read
        self.colours = scheme()
        colours = self.colours

        self.plot_widget = pg.PlotWidget(
            background=colours.background,
            axisItems={"bottom": utc_date_axis(), "left": TonnesAxisItem("left")},
        )
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        style_plot(
            self.plot_item, self.colours, self.tr("Cumulative tonnes (t)"), self.tr("Date (UTC)")
        )
        self.legend = self.plot_item.addLegend(
            offset=(8, 4),
            labelTextColor=colours.foreground,
            brush=pg.mkBrush(*colours.label_fill),
            colCount=LEGEND_COLUMNS,
            verSpacing=-4,
        )
        self.curves: dict[str, pg.PlotDataItem] = {}
        for name in SERIES_ORDER:
            pen = colours.series[name].pen()
            curve = self.plot_item.plot(pen=pen, name=self.series_labels()[name])
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
            self.curves[name] = curve
        self.flag_points = pg.ScatterPlotItem(
            symbol="o",
            size=MARKER_SIZE,
            pen=pg.mkPen(colours.foreground, width=1),
            brush=pg.mkBrush(colours.flag),
            hoverable=True,
            tip=self._flag_tip,
        )
        self.flag_points.setZValue(10)
        self.plot_item.addItem(self.flag_points)
        self.as_of_line = pg.InfiniteLine(
            angle=90,
            movable=False,
            pen=pg.mkPen(colours.as_of, width=1.5, style=Qt.PenStyle.DashLine),
            label="",
            labelOpts={
                "position": 0.82,
                "color": colours.as_of,
                "fill": pg.mkBrush(*colours.label_fill),
                "anchors": [(0, 0.5), (1, 0.5)],  # on the side with more room
            },
        )
        self.plot_item.addItem(self.as_of_line, ignoreBounds=True)
        self.hover_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(colours.hover))
        self.hover_line.hide()
        self.plot_item.addItem(self.hover_line, ignoreBounds=True)

        self.readout = QLabel(self)
        self.readout.setContentsMargins(8, 2, 8, 4)
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout_text = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.plot_widget, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.readout, 1)
        self.whole_term_button = QPushButton(self.tr("Whole term"), self)
        self.whole_term_button.setToolTip(self.tr("Show every year of the contract term"))
        self.whole_term_button.clicked.connect(self.show_whole_period)
        bottom.addWidget(self.whole_term_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)

        self.export_action = QAction(self.tr("Export chart as PNG…"), self)
        self.export_action.triggered.connect(self.export_png_dialog)
        self.whole_period_action = QAction(self.tr("Show the whole period"), self)
        self.whole_period_action.triggered.connect(self.show_whole_period)
        self.context_menu = QMenu(self)
        self.context_menu.addAction(self.whole_period_action)
        self.context_menu.addAction(self.export_action)
        self.plot_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot_widget.customContextMenuRequested.connect(self._show_context_menu)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot_item.getViewBox().sigResized.connect(self._fit_y_range)
        self.plot_widget.viewport().installEventFilter(self)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.job = BackgroundJob(store, self._apply_read, self)
        self.kept = KeptSeries()  # the portfolio's series, re-read a changed contract at a time
        self.refreshed.connect(self._open_on_the_data)
        store.changed.connect(self._on_changed)
        store.reset.connect(self._on_reset)
        store.as_of_changed.connect(self.schedule_refresh)

        self.setAccessibleName(self.tr("Delivered against contracted tonnes chart"))
        self.refresh()

    # --- public interface -------------------------------------------------------------

    def series_labels(self) -> dict[str, str]:
        return {
            "scheduled": self.tr("Scheduled"),
            "contracted": self.tr("Contracted"),
            "delivered": self.tr("Delivered"),
            "verified": self.tr("Verified"),
            "retired": self.tr("Retired"),
            "rejected": self.tr("Rejected"),
            "invalidated": self.tr("Invalidated"),
        }

    def apply_theme(self) -> None:
        """Take the colours of the window's current scheme (light or dark)."""
        self.colours = scheme()
        paint(self, self.colours)
        self.refresh()

    def set_contract(self, contract_id: int | None) -> None:
        """Show one contract, or the whole portfolio for None; redraws at once."""
        self.contract_id = contract_id
        self._open_on_data = True  # the series may arrive later, from the worker
        self.refresh()

    def _open_on_the_data(self) -> None:
        """Once the series of a contract just chosen is drawn: show its deliveries."""
        if self._open_on_data:
            self._open_on_data = False
            self.show_actual_period()

    def show_whole_period(self) -> None:
        """Undo any zoom: show every date of the contract term and the series."""
        self._focus = None
        self.plot_item.enableAutoRange(axis="x")
        self._fit_y_range()

    def show_actual_period(self) -> None:
        """From the first delivery to a year after the as-of date, so deliveries are not
        squeezed into a corner by a schedule that runs for a decade; the whole term when
        nothing is delivered yet or the term is no longer."""
        period = actual_period(self.series, self.store.as_of, x_span(self.series, self.store.as_of))
        if period is None:
            self.show_whole_period()
            return
        start, end = period
        self._focus = (start, end)
        self.plot_item.getViewBox().setXRange(start, end, padding=0.02)
        self._fit_y_range()

    def schedule_refresh(self, *_: object) -> None:
        """Redraw in the next event-loop turn; repeated calls before then redraw once."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Re-read the series from the ledger (off the GUI thread on a ledger file) and
        update the existing plot items."""
        self._refresh_timer.stop()
        contract_id, as_of, flagged = self.contract_id, self.store.as_of, self._flagged_ids
        kept = self.kept
        self.job.request(lambda db: read_chart(db, contract_id, as_of, flagged, kept))

    def _apply_read(self, read: ChartRead) -> None:
        series, flag_points = read
        self._draw(series)
        if flag_points is not None:
            self._draw_flags(flag_points)

    def _draw(self, series: ChartSeries) -> None:
        self.series = series
        start, end = x_span(self.series, self.store.as_of)
        as_of_epoch = epoch_seconds(self.store.as_of)
        records = self.series.records
        for name, cumulative in self.series.cumulative.items():
            # what happened is known only up to the as-of date; the schedule runs to the end
            last = min(end, as_of_epoch) if name in records else end
            self.curves[name].setData(*steps.step_coordinates(cumulative, start, last))
        self.curves["contracted"].setData(
            *steps.level_coordinates(self.series.contracted_kg, start, end)
        )
        self.as_of_line.setPos(as_of_epoch)
        self.as_of_line.label.setFormat(
            self.tr("as of {date}").format(date=numbers.day(self.store.as_of))
        )
        self.plot_item.setTitle(self._title(), color=self.colours.foreground, size="11pt")
        self._fit_y_range()
        self._update_readout(self._hover_epoch)
        self.refresh_count += 1
        self.refreshed.emit()

    def flag_deliveries(self, delivery_ids: Iterable[int]) -> None:
        """Mark these deliveries on the delivered curve, kept in place across refreshes
        (where they sit is read with the series, off the GUI thread on a ledger file)."""
        self._flagged_ids = array("q", delivery_ids)  # 8 bytes an id: there may be 100,000
        self.refresh()

    def show_readout_at(self, epoch: float | None) -> str:
        """Show the values at ``epoch`` (None: at the as-of date); returns the plain text."""
        self._hover_epoch = epoch
        if epoch is None:
            self.hover_line.hide()
        else:
            self.hover_line.setPos(epoch)
            self.hover_line.show()
        self._update_readout(epoch)
        return self.readout_text

    def export_png(self, path: str | Path) -> Path:
        """Write the chart (title, axes, legend and curves) to a PNG file."""
        return export_plot_png(self.plot_item, path)

    def export_png_dialog(self) -> Path | None:
        """Ask where to save, then export; a failure is reported in a message box."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart as PNG"), "chart.png", self.tr("PNG images (*.png)")
        )
        if not path:
            return None
        try:
            return self.export_png(path)
        except (OSError, TrackerError) as exc:
            QMessageBox.warning(self, self.tr("Export chart as PNG"), messages.error(exc, path))
            return None

    # --- reacting to the store --------------------------------------------------------

    def _on_changed(self, changes: ChangeSet) -> None:
        self.kept.after(changes)
        if self.contract_id is None or self.contract_id in changes.contracts:
            self.schedule_refresh()

    def _on_reset(self) -> None:
        self.kept.forget()
        self.contract_id = None
        self._flagged_ids = None
        self._draw_flags([])
        self.schedule_refresh()
        self.show_whole_period()

    def _title(self) -> str:
        if self.contract_id is None:
            return self.tr("All contracts — cumulative tonnes")
        try:
            reference = queries.contract(self.store.db, self.contract_id).reference
        except NotFoundError:
            reference = self.tr("(deleted contract)")
        return self.tr("{contract} — cumulative tonnes").format(contract=reference)

    def _fit_y_range(self) -> None:
        """From 0 to the highest value, with headroom above it for the legend row(s)."""
        rows = -(-len(self.legend.items) // self.legend.columnCount)
        headroom_px = max(self.legend.boundingRect().height(), rows * LEGEND_ROW_PX) + 20
        view_px = self.plot_item.getViewBox().height()
        lower, upper, label_at = y_span(self.series, self._focus, view_px, headroom_px)
        self.as_of_line.label.setPosition(label_at)
        self.plot_item.setYRange(lower, upper, padding=0)
        axis = self.plot_item.getAxis("left")
        if isinstance(axis, TonnesAxisItem):
            axis.fit_to(upper)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = LEGEND_COLUMNS if self.width() >= NARROW_PX else 3
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)
            self._fit_y_range()

    # --- hover read-out, flags and context menu ---------------------------------------

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        view_box = self.plot_item.getViewBox()
        if not view_box.sceneBoundingRect().contains(scene_pos):
            self.show_readout_at(None)
            return
        self.show_readout_at(view_box.mapSceneToView(scene_pos).x())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and watched is self.plot_widget.viewport():
            self.show_readout_at(None)  # the cursor left the chart: back to the as-of date
        return super().eventFilter(watched, event)

    def _update_readout(self, epoch: float | None) -> None:
        if epoch is None:
            epoch = epoch_seconds(self.store.as_of)
        day = day_of_epoch(epoch)
        values = readout.values_at(self.series, epoch)
        labels = self.series_labels()
        series = self.colours.series
        colours = {name: series[name].colour for name in SERIES_ORDER} | self.colours.setbacks
        self.readout.setText(readout.readout_html(day, values, labels, colours))
        self.readout_text = readout.readout_plain(day, values, labels)
        self.readout.setAccessibleName(self.readout_text)

    def _draw_flags(self, markers: list[DayMarker]) -> None:
        """Draw the markers (one a day, read with the series); several on a day say how many."""
        points = [
            point if count == 1 else ChartPoint(point.epoch, point.kg, self._several(count))
            for point, count in markers
        ]
        x = np.array([p.epoch for p in points], dtype=float)
        y = np.array([p.kg for p in points], dtype=float) / KG_PER_TONNE
        self.flag_points.setData(x=x, y=y, data=points)
        size, rimmed = marker_style(len(points))
        self.flag_points.setSize(size)
        self.flag_points.setPen(pg.mkPen(self.colours.foreground) if rimmed else pg.mkPen(None))
        label = self.tr("Flagged deliveries")
        in_legend = any(text.text == label for _, text in self.legend.items)
        if points and not in_legend:
            self.legend.addItem(self.flag_points, label)
        elif not points and in_legend:
            self.legend.removeItem(self.flag_points)

    def _several(self, count: int) -> str:
        return self.tr("%n deliveries", "", count)

    def _flag_tip(self, x: float, y: float, data: ChartPoint) -> str:
        what = data.label or self.tr("a delivery")
        if data.serials_to_come:  # named by its reference
            what = self.tr("{reference} (serials to come)").format(reference=what)
        return self.tr("Flagged: {what}\n{date}: {tonnes} delivered to date").format(
            what=what,
            date=numbers.day(day_of_epoch(data.epoch)),
            tonnes=readout.tonnes_text(data.kg),
        )

    def _show_context_menu(self, pos: QPoint) -> None:
        self.context_menu.popup(self.plot_widget.mapToGlobal(pos))
