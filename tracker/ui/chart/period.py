"""The period the chart opens on: the one that has deliveries."""

from __future__ import annotations

import datetime as dt

from tracker.services.series import SECONDS_PER_DAY, ChartSeries, epoch_seconds

LEAD_DAYS = 30  # a little before the first delivery
AFTER_AS_OF_DAYS = 365  # and a year after the as-of date


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
