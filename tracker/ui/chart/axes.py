"""Axis items: UTC dates along the bottom, tonnes with thousands separators up the side,
both in the window's locale ("Mar 2026" / "2026 3月", "1,250,000")."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontMetrics

MIN_WIDTH = 72  # pixels of the value axis, labels and its title included
LABEL_MARGIN = 6


class TonnesAxisItem(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no types
    """A value axis in plain tonnes: ``1,250,000`` rather than ``1.25e+06`` or ``1.25 Mt``."""

    def __init__(self, orientation: str = "left", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing * scale >= 1 else 3
        locale = QLocale()
        marks = str.maketrans({",": locale.groupSeparator(), ".": locale.decimalPoint()})
        return [f"{value * scale:,.{decimals}f}".translate(marks) for value in values]

    def fit_to(self, top: float) -> None:
        """Wide enough for every label up to ``top`` tonnes: pyqtgraph leaves out a label
        its axis cannot hold, so a portfolio of hundreds of millions of tonnes showed "0"
        alone on a fixed width."""
        widest = max(self.tickStrings([top, -top], 1.0, 1.0), key=len)
        font = self.style["tickFont"] or QFont()
        needed = QFontMetrics(font).horizontalAdvance(widest)
        needed += max(0, self.style["tickLength"]) + self.style["tickTextOffset"][0]
        if self.label.isVisible():
            needed += int(self.label.boundingRect().height())
        self.setWidth(max(MIN_WIDTH, needed + LABEL_MARGIN))


def _year(day: dt.datetime, _locale: QLocale) -> str:
    return str(day.year)


def _month(day: dt.datetime, locale: QLocale) -> str:
    return locale.standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)


def _day(day: dt.datetime, _locale: QLocale) -> str:
    return str(day.day)


def _weekday(day: dt.datetime, locale: QLocale) -> str:
    return f"{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} {day.day}"


# pyqtgraph's tick formats (strftime, always English) -> the same part in the locale's words
_PARTS = {"%Y": _year, "%b": _month, "%d": _day, "%a %d": _weekday}


class LocaleDateAxisItem(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph has no types
    """Dates from UTC epoch seconds, shown in UTC whatever the machine's time zone, with
    month and weekday names in the window's language (hours as pyqtgraph writes them)."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        part = _PARTS.get(spec.format) if spec is not None else None
        if part is None:
            return list(super().tickStrings(values, scale, spacing))
        locale = QLocale()
        shown = []
        for value in values:
            try:
                day = dt.datetime.fromtimestamp(value, dt.UTC)
            except (OverflowError, ValueError, OSError):
                shown.append("")
                continue
            shown.append(part(day, locale))
        return shown


def utc_date_axis() -> pg.DateAxisItem:
    """Dates from UTC epoch seconds, shown in UTC whatever the machine's time zone."""
    return LocaleDateAxisItem(orientation="bottom", utcOffset=0)
