"""Flagged deliveries as chart markers: one marker a day, grouped off the GUI thread.

Deliveries flagged on the same day sit on the same spot of the delivered curve: one
marker stands for them all, so a large portfolio draws days, not deliveries.  The
grouping runs where the series is read (a worker, on a ledger file); the window only
words the few markers that stand for several deliveries ("3 deliveries").
"""

from __future__ import annotations

import datetime as dt

from tracker.services.series import ChartPoint, ChartSeries, chart_with_points
from tracker.services.series_cache import KeptSeries
from tracker.store.ledger import Ledger

DayMarker = tuple[ChartPoint, int]  # the day's first point, how many were flagged that day
ChartRead = tuple[ChartSeries, list[DayMarker] | None]


def one_marker_a_day(flagged: list[ChartPoint]) -> list[DayMarker]:
    """``flagged`` grouped by day: each day's first point and the day's count."""
    by_day: dict[int, DayMarker] = {}
    for point in flagged:
        found = by_day.get(point.epoch)
        by_day[point.epoch] = (point, 1) if found is None else (found[0], found[1] + 1)
    return list(by_day.values())


def read_chart(
    db: Ledger,
    contract_id: int | None,
    as_of: dt.date,
    flagged: tuple[int, ...],
    kept: KeptSeries | None = None,
) -> ChartRead:
    """The series and, when deliveries are flagged, their markers one a day (``kept``:
    the portfolio's series kept between reads)."""
    series, points = chart_with_points(db, contract_id, as_of, flagged, kept)
    return series, (one_marker_a_day(points) if points is not None else None)
