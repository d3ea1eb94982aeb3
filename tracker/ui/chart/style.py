"""How each series looks: colour-blind-safe colours (Okabe–Ito) and line styles, in a
light and a dark scheme.  ``scheme()`` is the one for the window's palette; every line
has at least 3:1 contrast against the chart's background and every text at least 4.5:1
(WCAG AA), checked by ``tests/ui/test_theming.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyqtgraph as pg
from PySide6.QtCore import Qt

from tracker.ui.chart.axes import MIN_WIDTH

SERIES_ORDER = ("scheduled", "contracted", "delivered", "verified", "retired")
GRID_ALPHA = 0.15


@dataclass(frozen=True, slots=True)
class SeriesStyle:
    colour: str
    width: float
    dashed: bool = False

    def pen(self) -> pg.QtGui.QPen:
        style = Qt.PenStyle.DashLine if self.dashed else Qt.PenStyle.SolidLine
        return pg.mkPen(self.colour, width=self.width, style=style)


@dataclass(frozen=True, slots=True)
class ChartScheme:
    background: str
    foreground: str
    series: dict[str, SeriesStyle]
    # Read-out only (not drawn): tonnes that stopped counting.
    setbacks: dict[str, str]
    as_of: str
    hover: str
    flag: str
    label_fill: tuple[int, int, int, int]
    grid_alpha: float = GRID_ALPHA
    name: str = field(default="light")


LIGHT = ChartScheme(
    background="#ffffff",
    foreground="#202020",
    series={
        "scheduled": SeriesStyle("#6b6b6b", 2.0),
        "contracted": SeriesStyle("#000000", 1.5, dashed=True),
        "delivered": SeriesStyle("#0072b2", 2.5),
        "verified": SeriesStyle("#008060", 2.0),
        "retired": SeriesStyle("#b86e00", 2.0),
    },
    setbacks={"rejected": "#7a7a7a", "invalidated": "#b0508a"},
    as_of="#c0300f",
    hover="#9a9a9a",
    flag="#d55e00",
    label_fill=(255, 255, 255, 220),
)
DARK = ChartScheme(
    background="#1e1e1e",
    foreground="#e0e0e0",
    series={
        "scheduled": SeriesStyle("#a6a6a6", 2.0),
        "contracted": SeriesStyle("#f0f0f0", 1.5, dashed=True),
        "delivered": SeriesStyle("#56b4e9", 2.5),
        "verified": SeriesStyle("#2fc79b", 2.0),
        "retired": SeriesStyle("#f0b030", 2.0),
    },
    setbacks={"rejected": "#9e9e9e", "invalidated": "#e08cc0"},
    as_of="#ff7a5c",
    hover="#808080",
    flag="#ff8c3a",
    label_fill=(30, 30, 30, 220),
    grid_alpha=0.25,
    name="dark",
)

# The light scheme's values under their former names (the printable report draws light).
BACKGROUND = LIGHT.background
FOREGROUND = LIGHT.foreground
STYLES = LIGHT.series
SETBACK_COLOURS = LIGHT.setbacks
AS_OF_COLOUR = LIGHT.as_of
HOVER_COLOUR = LIGHT.hover
FLAG_COLOUR = LIGHT.flag


def scheme() -> ChartScheme:
    """The scheme that matches the window: dark on a dark palette, else light."""
    from tracker.ui import theming

    return DARK if theming.is_dark() else LIGHT


def paint(chart: object, colours: ChartScheme) -> None:
    """Give a ChartPanel's plot, axes, legend, curves and markers ``colours``."""
    plot_widget: pg.PlotWidget = chart.plot_widget  # type: ignore[attr-defined]
    plot_item: pg.PlotItem = chart.plot_item  # type: ignore[attr-defined]
    plot_widget.setBackground(colours.background)
    plot_item.showGrid(x=True, y=True, alpha=colours.grid_alpha)
    for side in ("left", "bottom"):
        axis = plot_item.getAxis(side)
        axis.setPen(pg.mkPen(colours.foreground))
        axis.setTextPen(pg.mkPen(colours.foreground))
        axis.label.setDefaultTextColor(pg.mkColor(colours.foreground))
    plot_item.titleLabel.setAttr("color", colours.foreground)
    plot_item.titleLabel.setText(plot_item.titleLabel.text)
    legend = chart.legend  # type: ignore[attr-defined]
    legend.setBrush(pg.mkBrush(*colours.label_fill))
    legend.setLabelTextColor(colours.foreground)
    for name, curve in chart.curves.items():  # type: ignore[attr-defined]
        curve.setPen(colours.series[name].pen())
    chart.flag_points.setPen(pg.mkPen(colours.foreground, width=1))  # type: ignore[attr-defined]
    chart.flag_points.setBrush(pg.mkBrush(colours.flag))  # type: ignore[attr-defined]
    as_of_line: pg.InfiniteLine = chart.as_of_line  # type: ignore[attr-defined]
    as_of_line.setPen(pg.mkPen(colours.as_of, width=1.5, style=Qt.PenStyle.DashLine))
    as_of_line.label.setColor(colours.as_of)
    as_of_line.label.fill = pg.mkBrush(*colours.label_fill)
    chart.hover_line.setPen(pg.mkPen(colours.hover))  # type: ignore[attr-defined]


def style_plot(plot_item: pg.PlotItem, colours: ChartScheme, left: str, bottom: str) -> None:
    """The plot's fixed looks: grid, axis labels and pens, no pyqtgraph menu or buttons
    (the chart's own menu offers PNG export; SVG export is broken here), x-only panning."""
    plot_item.setMenuEnabled(False)
    plot_item.hideButtons()
    foreground = colours.foreground
    plot_item.showGrid(x=True, y=True, alpha=colours.grid_alpha)
    plot_item.setLabel("left", left, color=foreground)
    plot_item.setLabel("bottom", bottom, color=foreground)
    for side in ("left", "bottom"):
        axis = plot_item.getAxis(side)
        axis.setPen(pg.mkPen(foreground))
        axis.setTextPen(pg.mkPen(foreground))
    plot_item.getAxis("left").setWidth(MIN_WIDTH)  # wider as the values grow (``fit_to``)
    plot_item.getViewBox().setMouseEnabled(x=True, y=False)
    plot_item.getViewBox().enableAutoRange(axis="y", enable=False)
