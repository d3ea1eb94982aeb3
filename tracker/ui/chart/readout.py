"""The hover read-out text: the date and every series' value there (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape

from tracker.services.series import SECONDS_PER_DAY, ChartSeries
from tracker.ui import numbers

NOT_KNOWN = "—"  # a recorded series after the as-of date: not known yet


def tonnes_text(kg: int) -> str:
    """Grouped tonnes, with decimals only when there are kilograms: '1,250 t', '150.5 t'."""
    return numbers.tonnes_t(kg)


def values_at(series: ChartSeries, epoch: float) -> dict[str, int | None]:
    """Each series' kilograms at ``epoch``, in chart order, then rejected and invalidated
    tonnes when there are any; None for recorded series on a day after the as-of date
    (their lines end there)."""
    values: dict[str, int | None] = {
        "scheduled": series.scheduled.value_at(epoch),
        "contracted": series.contracted_kg,
    }
    known = series.known_until is None or epoch < series.known_until + SECONDS_PER_DAY
    for name, cumulative in (*series.records.items(), *series.setbacks.items()):
        values[name] = cumulative.value_at(epoch) if known else None
    return values


def _amount(kg: int | None) -> str:
    return NOT_KNOWN if kg is None else tonnes_text(kg)


def readout_html(
    day: dt.date,
    values: Mapping[str, int | None],
    labels: Mapping[str, str],
    colours: Mapping[str, str],
) -> str:
    """One line: the date, then a coloured swatch, name and value per series."""
    parts = [f"<b>{escape(numbers.day(day))}</b>"]
    for name, kg in values.items():
        swatch = f'<span style="color:{colours[name]}">&#9632;</span>'
        parts.append(f"{swatch}&nbsp;{escape(labels[name])}&nbsp;{_amount(kg)}")
    return "&nbsp;&nbsp; ".join(parts)


def readout_plain(day: dt.date, values: Mapping[str, int | None], labels: Mapping[str, str]) -> str:
    """The same read-out as plain text (accessible name, tests, clipboard)."""
    items = ", ".join(f"{labels[name]} {_amount(kg)}" for name, kg in values.items())
    return f"{numbers.day(day)}: {items}"
