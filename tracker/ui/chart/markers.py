"""Flagged deliveries as chart markers: one marker a day, grouped off the GUI thread.

Deliveries flagged on the same day sit on the same spot of the delivered curve: one
marker stands for them all, so a large portfolio draws days, not deliveries.  The
grouping runs where the series is read (a worker, on a ledger file); the window only
words the few markers that stand for several deliveries ("3 deliveries").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from tracker.services.series import ChartPoint, ChartSeries, chart_series, flagged_days
from tracker.services.series_cache import KeptSeries
from tracker.store.ledger import Ledger

MARKER_SIZE = 10  # pixels of a flagged day's dot
DENSE_MARKERS = 120  # more flagged days than this: smaller dots without a rim
DENSE_MARKER_SIZE = 5

DayMarker = tuple[ChartPoint, int]  # the day's first point, how many were flagged that day
ChartRead = tuple[ChartSeries, list[DayMarker] | None]


def read_chart(
    db: Ledger,
    contract_id: int | None,
    as_of: dt.date,
    flagged: Collection[int] | None,
    kept: KeptSeries | None = None,
) -> ChartRead:
    """The series and, when deliveries are flagged, their markers one a day (``kept``:
    the portfolio's series kept between reads)."""
    series = chart_series(db, contract_id, as_of, kept)
    if flagged is None:
        return series, None
    return series, flagged_days(db, flagged, contract_id, as_of, series.delivered)


def marker_style(days: int) -> tuple[int, bool]:
    """The dots' size and whether they have a rim, for ``days`` marked days: small and
    unrimmed when they crowd, so the delivered line shows between them."""
    if days > DENSE_MARKERS:
        return DENSE_MARKER_SIZE, False
    return MARKER_SIZE, True
