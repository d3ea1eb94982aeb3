"""Cumulative delivered-vs-contracted series for one contract or the whole portfolio.

Every series is computed with SQL aggregates grouped by date
(``tracker.store.chart_reads``), so the cost is one row per distinct date, never one
Python object per delivery.  Quantities stay integer kilograms; dates are ISO text plus
UTC epoch seconds (midnight) for plotting.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from tracker.domain.schedule import effective_schedule
from tracker.services.series_cache import KeptSeries
from tracker.store import chart_reads
from tracker.store.ledger import Ledger
from tracker.store.rows import contract_from_row

_EPOCH = dt.date(1970, 1, 1)
SECONDS_PER_DAY = 86_400


def epoch_seconds(day: dt.date) -> int:
    """Midnight UTC of ``day`` as seconds since 1970-01-01."""
    return (day - _EPOCH).days * SECONDS_PER_DAY


def day_of_epoch(seconds: float) -> dt.date:
    """The UTC calendar day that contains ``seconds``."""
    return _EPOCH + dt.timedelta(days=int(seconds // SECONDS_PER_DAY))


@dataclass(frozen=True, slots=True)
class CumulativeSeries:
    """A step function: from ``days[i]`` on, the running total is ``cumulative_kg[i]``."""

    days: tuple[str, ...] = ()
    epochs: tuple[int, ...] = ()
    cumulative_kg: tuple[int, ...] = ()

    @classmethod
    def from_daily(cls, daily: Iterable[tuple[str, int]]) -> CumulativeSeries:
        """Build from (ISO day, kilograms on that day) pairs, in any order."""
        totals: dict[str, int] = {}
        for day, kg in daily:
            totals[day] = totals.get(day, 0) + kg
        days = tuple(sorted(totals))
        running = 0
        cumulative = []
        for day in days:
            running += totals[day]
            cumulative.append(running)
        epochs = tuple(epoch_seconds(dt.date.fromisoformat(d)) for d in days)
        return cls(days, epochs, tuple(cumulative))

    @property
    def total_kg(self) -> int:
        return self.cumulative_kg[-1] if self.cumulative_kg else 0

    def __len__(self) -> int:
        return len(self.days)

    def value_at(self, epoch: float) -> int:
        """The running total at ``epoch`` (0 before the first date)."""
        index = bisect.bisect_right(self.epochs, epoch)
        return self.cumulative_kg[index - 1] if index else 0


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """Everything the delivered-vs-contracted chart draws."""

    contract_id: int | None
    contracted_kg: int
    scheduled: CumulativeSeries
    delivered: CumulativeSeries
    verified: CumulativeSeries
    retired: CumulativeSeries
    term: tuple[int, int] | None = None  # earliest start and latest end, epoch seconds
    known_until: int | None = None  # the as-of date (epoch seconds) records were cut at
    # shown in the read-out, not drawn: deliveries rejected by their failed verification
    # (by the day it failed) and tonnes the registry invalidated (by their date)
    rejected: CumulativeSeries = field(default_factory=lambda: CumulativeSeries.from_daily([]))
    invalidated: CumulativeSeries = field(default_factory=lambda: CumulativeSeries.from_daily([]))

    @property
    def records(self) -> dict[str, CumulativeSeries]:
        """The series of recorded events (they end at ``known_until``)."""
        return {"delivered": self.delivered, "verified": self.verified, "retired": self.retired}

    @property
    def setbacks(self) -> dict[str, CumulativeSeries]:
        """Tonnes that stopped counting: read out when there are any, not drawn."""
        found = {"rejected": self.rejected, "invalidated": self.invalidated}
        return {name: s for name, s in found.items() if s.total_kg}

    @property
    def cumulative(self) -> dict[str, CumulativeSeries]:
        return {
            "scheduled": self.scheduled,
            "delivered": self.delivered,
            "verified": self.verified,
            "retired": self.retired,
        }

    @property
    def is_empty(self) -> bool:
        return self.contracted_kg == 0 and not any(self.cumulative.values())

    def epoch_range(self) -> tuple[int, int] | None:
        """First and last date of the contract term and of any series, or None when
        there is nothing to draw."""
        epochs = [e for s in self.cumulative.values() for e in (s.epochs[:1] + s.epochs[-1:])]
        epochs.extend(self.term or ())
        return (min(epochs), max(epochs)) if epochs else None


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One marked point on the chart, e.g. a flagged delivery on the delivered curve."""

    epoch: int
    kg: int
    label: str = ""  # the delivery's serial block, else (``serials_to_come``) its reference
    serials_to_come: bool = False


def _scheduled(db: Ledger, contract_id: int | None) -> CumulativeSeries:
    """Stored tranches summed by due date, plus the even schedule of contracts without any."""
    stored = chart_reads.tranches_due(db, contract_id)
    derived = [
        (tranche.due_on.isoformat(), tranche.tonnes_kg)
        for row in chart_reads.unscheduled_contracts(db, contract_id)
        for tranche in effective_schedule(contract_from_row(row), [])
    ]
    return CumulativeSeries.from_daily([*stored, *derived])


def _lifecycle_series(
    db: Ledger, contract_id: int | None, as_of: dt.date | None
) -> dict[str, CumulativeSeries]:
    """Delivered, verified, rejected and invalidated tonnes by day (one grouped query)."""
    daily = chart_reads.lifecycle_daily(db, contract_id, as_of)
    return {name: CumulativeSeries.from_daily(rows) for name, rows in daily.items()}


def _delivered(
    db: Ledger, contract_id: int | None, as_of: dt.date | None = None
) -> CumulativeSeries:
    """Accepted deliveries by delivery date, less invalidated tonnes from their date."""
    return _lifecycle_series(db, contract_id, as_of)["delivered"]


def chart_series(
    db: Ledger,
    contract_id: int | None = None,
    as_of: dt.date | None = None,
    kept: KeptSeries | None = None,
) -> ChartSeries:
    """Cumulative scheduled, delivered, verified and retired tonnes, and the contracted level.

    ``contract_id`` None means the whole portfolio.  Delivered and verified count
    accepted deliveries only (verification read as of ``as_of``): a delivery whose
    verification has failed by then is left out, and invalidated tonnes come off
    from their date.  Verified tonnes count from the verification date (the delivery
    date when none is recorded).
    With ``as_of``, deliveries, verifications and retirements dated after it are
    left out (not yet known then) and ``known_until`` is set; the schedule and the
    contracted level cover the whole term either way.  ``kept``: the portfolio's series
    kept between reads (a window's), so only contracts changed since are read again.
    """
    contracted, first_start, last_end = chart_reads.contracted(db, contract_id)
    term = None
    if first_start and last_end:
        term = (
            epoch_seconds(dt.date.fromisoformat(first_start)),
            epoch_seconds(dt.date.fromisoformat(last_end)),
        )
    if contract_id is None and as_of is not None and kept is not None:
        daily = kept.portfolio(db, as_of)
        lifecycle_series = {
            name: CumulativeSeries.from_daily(daily[name]) for name in chart_reads.LIFECYCLE_SERIES
        }
        retired = CumulativeSeries.from_daily(daily["retired"])
    else:
        lifecycle_series = _lifecycle_series(db, contract_id, as_of)
        retired = CumulativeSeries.from_daily(chart_reads.retired(db, contract_id, as_of))
    return ChartSeries(
        contract_id=contract_id,
        contracted_kg=contracted,
        scheduled=_scheduled(db, contract_id),
        delivered=lifecycle_series["delivered"],
        verified=lifecycle_series["verified"],
        retired=retired,
        term=term,
        known_until=epoch_seconds(as_of) if as_of is not None else None,
        rejected=lifecycle_series["rejected"],
        invalidated=lifecycle_series["invalidated"],
    )


def delivery_points(
    db: Ledger,
    delivery_ids: Iterable[int],
    contract_id: int | None = None,
    as_of: dt.date | None = None,
    delivered: CumulativeSeries | None = None,
) -> list[ChartPoint]:
    """Where the given deliveries sit on the delivered curve of ``contract_id`` (None: all).

    Deliveries of other contracts, and delivered after ``as_of``, are left out.  The
    height is the cumulative delivered tonnes at the delivery's date, so the marker
    sits on the curve.  ``delivered``: that curve, when the caller has read it already.
    """
    wanted = sorted(set(delivery_ids))
    if not wanted:
        return []
    series = delivered if delivered is not None else _delivered(db, contract_id, as_of)
    found = chart_reads.delivery_days(db, wanted, contract_id, as_of)
    points = []
    for _id, day, serial_block, reference in found:
        epoch = epoch_seconds(dt.date.fromisoformat(day))
        points.append(_point(epoch, series.value_at(epoch), serial_block, reference))
    return points


def flagged_days(
    db: Ledger,
    delivery_ids: Collection[int],
    contract_id: int | None = None,
    as_of: dt.date | None = None,
    delivered: CumulativeSeries | None = None,
) -> list[tuple[ChartPoint, int]]:
    """``delivery_points`` one a day: each day's point (named after its first delivery
    by id) and how many of the deliveries were made that day, grouped by SQLite, so tens
    of thousands of flagged deliveries cost a row a day, not an object each (the ids are
    handed to SQLite as they are: no set or sorted copy of them is made here)."""
    if not delivery_ids:
        return []
    series = delivered if delivered is not None else _delivered(db, contract_id, as_of)
    days = []
    found = chart_reads.flagged_days(db, delivery_ids, contract_id, as_of)
    for day, count, serial_block, reference in found:
        epoch = epoch_seconds(dt.date.fromisoformat(day))
        days.append((_point(epoch, series.value_at(epoch), serial_block, reference), count))
    return days


def _point(epoch: int, kg: int, serial_block: str | None, reference: str | None) -> ChartPoint:
    """A delivery's point, named by its serials, else by its reference (serials to come)."""
    if serial_block:
        return ChartPoint(epoch, kg, serial_block)
    return ChartPoint(epoch, kg, reference or "", serials_to_come=True)
