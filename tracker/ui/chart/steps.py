"""Plot coordinates for cumulative step series (numpy, no Qt).

Floats appear only here, as chart coordinates: x in UTC epoch seconds,
y in tonnes.  The exact integer kilograms stay in the service's series.
"""

from __future__ import annotations

import numpy as np

from tracker.domain.quantities import KG_PER_TONNE
from tracker.services.series import CumulativeSeries

Coordinates = tuple[np.ndarray, np.ndarray]


def empty() -> Coordinates:
    return np.empty(0, dtype=float), np.empty(0, dtype=float)


def step_coordinates(
    series: CumulativeSeries, start_epoch: float | None = None, end_epoch: float | None = None
) -> Coordinates:
    """Vertices of the running total: 0 from ``start_epoch`` (when earlier) to the first
    date, a vertical rise on each date, flat in between, and held flat up to
    ``end_epoch`` when that is later than the last date."""
    if not len(series):
        return empty()
    epochs = np.asarray(series.epochs, dtype=float)
    tonnes = np.asarray(series.cumulative_kg, dtype=float) / KG_PER_TONNE
    before = np.concatenate(([0.0], tonnes[:-1]))
    x = np.repeat(epochs, 2)
    y = np.column_stack((before, tonnes)).ravel()
    if start_epoch is not None and start_epoch < epochs[0]:
        x = np.insert(x, 0, float(start_epoch))
        y = np.insert(y, 0, 0.0)
    if end_epoch is not None and end_epoch > epochs[-1]:
        x = np.append(x, float(end_epoch))
        y = np.append(y, tonnes[-1])
    return x, y


def level_coordinates(kg: int, start_epoch: float, end_epoch: float) -> Coordinates:
    """A horizontal line at ``kg`` from ``start_epoch`` to ``end_epoch``."""
    if kg <= 0 or end_epoch <= start_epoch:
        return empty()
    level = kg / KG_PER_TONNE
    return np.array([start_epoch, end_epoch], dtype=float), np.array([level, level])
