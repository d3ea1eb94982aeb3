"""How each series looks: colour-blind-safe colours (Okabe–Ito) and line styles."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt

SERIES_ORDER = ("scheduled", "contracted", "delivered", "verified", "retired")
BACKGROUND = "#ffffff"
FOREGROUND = "#202020"
GRID_ALPHA = 0.15


@dataclass(frozen=True, slots=True)
class SeriesStyle:
    colour: str
    width: float
    dashed: bool = False

    def pen(self) -> pg.QtGui.QPen:
        style = Qt.PenStyle.DashLine if self.dashed else Qt.PenStyle.SolidLine
        return pg.mkPen(self.colour, width=self.width, style=style)


STYLES: dict[str, SeriesStyle] = {
    "scheduled": SeriesStyle("#6b6b6b", 2.0),
    "contracted": SeriesStyle("#000000", 1.5, dashed=True),
    "delivered": SeriesStyle("#0072b2", 2.5),
    "verified": SeriesStyle("#009e73", 2.0),
    "retired": SeriesStyle("#e69f00", 2.0),
}
# Read-out only (not drawn): tonnes that stopped counting.
SETBACK_COLOURS = {"rejected": "#8a8a8a", "invalidated": "#cc79a7"}
AS_OF_COLOUR = "#cc3311"
HOVER_COLOUR = "#9a9a9a"
FLAG_COLOUR = "#d55e00"
