"""Axis items: UTC dates along the bottom, tonnes with thousands separators up the side."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg


class TonnesAxisItem(pg.AxisItem):
    """A value axis in plain tonnes: ``1,250,000`` rather than ``1.25e+06`` or ``1.25 Mt``."""

    def __init__(self, orientation: str = "left", **kwargs: Any) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = 0 if spacing * scale >= 1 else 3
        return [f"{value * scale:,.{decimals}f}" for value in values]


def utc_date_axis() -> pg.DateAxisItem:
    """Dates from UTC epoch seconds, shown in UTC whatever the machine's time zone."""
    return pg.DateAxisItem(orientation="bottom", utcOffset=0)
