"""The period the chart opens on: the one that has deliveries."""

from __future__ import annotations

import datetime as dt

from tracker.domain.quantities import KG_PER_TONNE
from tracker.services.series import SECONDS_PER_DAY, ChartSeries, epoch_seconds

LEAD_DAYS = 30  # a little before the first delivery
AFTER_AS_OF_DAYS = 365  # and a year after the as-of date
BELOW_ZERO = 0.03  # a sliver under 0 so the 0 tick and the flat start stay visible
AS_OF_LABEL_GAP_PX = 14


def x_span(series: ChartSeries, as_of: dt.date) -> tuple[float, float]:
    """From the first date of any series to the later of the last date and the as-of."""
    as_of_epoch = epoch_seconds(as_of)
    span = series.epoch_range()
    if span is None:
        return float(as_of_epoch), float(as_of_epoch)
    return float(min(span[0], as_of_epoch)), float(max(span[1], as_of_epoch))


def actual_period(
    series: ChartSeries, as_of: dt.date, whole: tuple[float, float]
) -> tuple[float, float] | None:
    """From the first delivery to a year after the as-of date, within ``whole``; None
    when nothing is delivered yet or the whole term is no longer than that."""
    delivered = series.records.get("delivered")
    if delivered is None or not delivered.epochs:
        return None
    start = max(float(delivered.epochs[0]) - LEAD_DAYS * SECONDS_PER_DAY, whole[0])
    end = min(epoch_seconds(as_of) + float(AFTER_AS_OF_DAYS * SECONDS_PER_DAY), whole[1])
    if start <= whole[0] and end >= whole[1]:
        return None
    return start, end


def y_span(
    series: ChartSeries, focus: tuple[float, float] | None, view_px: float, headroom_px: float
) -> tuple[float, float, float]:
    """The tonnes range (lower, upper) from 0 to the highest value of the whole chart or
    of the ``focus`` period (the contracted level may lie above it), with ``headroom_px``
    of a ``view_px`` high view left above it for the legend; and where the as-of label
    sits (a share of the height, from the bottom)."""
    if focus is None:
        totals = [series.contracted_kg, *(s.total_kg for s in series.cumulative.values())]
    else:
        totals = [s.value_at(focus[1]) for s in series.cumulative.values()]
    top = max(max(totals) / KG_PER_TONNE, 1.0)
    view_px = max(view_px, 120.0)
    upper = top / (1 - min(headroom_px / view_px, 0.5) - BELOW_ZERO)
    label_at = max(0.05, 1 - BELOW_ZERO - (headroom_px + AS_OF_LABEL_GAP_PX) / view_px)
    return -upper * BELOW_ZERO, upper, label_at
