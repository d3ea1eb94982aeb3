"""Cumulative delivered-vs-contracted series for one contract or the whole portfolio.

Every series is computed with SQL aggregates grouped by date, so the cost is
one row per distinct date, never one Python object per delivery.  Quantities
stay integer kilograms; dates are ISO text plus UTC epoch seconds (midnight)
for plotting.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from tracker.domain.schedule import effective_schedule
from tracker.store import lifecycle, queries
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
    label: str = ""


def _scope(contract_id: int | None, column: str = "contract_id") -> tuple[str, list[Any]]:
    if contract_id is None:
        return "", []
    return f"where {column} = ?", [contract_id]


def _daily(db: sqlite_utils.Database, sql: str, params: list[Any]) -> CumulativeSeries:
    return CumulativeSeries.from_daily(db.execute(sql, params).fetchall())


def _scheduled(db: sqlite_utils.Database, contract_id: int | None) -> CumulativeSeries:
    """Stored tranches summed by due date, plus the even schedule of contracts without any."""
    where, params = _scope(contract_id)
    stored = db.execute(
        f"select due_on, sum(tonnes_kg) from tranches {where} group by due_on", params
    ).fetchall()
    scope = "and c.id = ?" if contract_id is not None else ""
    unscheduled = queries.rows(
        db,
        "select c.* from contracts c where not exists "
        f"(select 1 from tranches t where t.contract_id = c.id) {scope}",
        params,
    )
    derived = [
        (tranche.due_on.isoformat(), tranche.tonnes_kg)
        for row in unscheduled
        for tranche in effective_schedule(contract_from_row(row), [])
    ]
    return CumulativeSeries.from_daily([*stored, *derived])


def _known_by(
    contract_id: int | None, as_of: dt.date | None, date_column: str
) -> tuple[str, list[Any]]:
    """The WHERE clause of a record series: the contract, and records dated by ``as_of``."""
    conditions, params = [], []
    if contract_id is not None:
        conditions.append("contract_id = ?")
        params.append(contract_id)
    if as_of is not None:
        conditions.append(f"{date_column} <= ?")
        params.append(as_of.isoformat())
    return ("where " + " and ".join(conditions) if conditions else ""), params


_FAR_FUTURE = "9999-12-31"

# Every lifecycle series in one grouped query: each delivery's status as of the date is
# read once (``pos``), then delivered and verified (accepted only, less invalidations from
# their date), rejected (by the day verification failed) and invalidated tonnes.
_LIFECYCLE = f"""
with pos as (
  select d.id, d.delivered_on, d.tonnes_kg,
         {lifecycle.STATUS_AS_OF} as status, {lifecycle.STATUS_DAY_AS_OF} as status_on
  from deliveries d where d.delivered_on <= :as_of {{scope}}),
 gone as (
  select i.invalidated_on, i.tonnes_kg, pos.status from invalidations i
  join pos on pos.id = i.delivery_id where i.invalidated_on <= :as_of)
select name, day, sum(kg) from (
  select 'delivered' as name, delivered_on as day, tonnes_kg as kg from pos
   where status != 'failed'
  union all select 'delivered', invalidated_on, -tonnes_kg from gone where status != 'failed'
  union all select 'verified', status_on, tonnes_kg from pos where status = 'verified'
  union all select 'verified', invalidated_on, -tonnes_kg from gone where status = 'verified'
  union all select 'rejected', status_on, tonnes_kg from pos where status = 'failed'
  union all select 'invalidated', invalidated_on, tonnes_kg from gone where status != 'failed')
group by name, day
"""
LIFECYCLE_SERIES = ("delivered", "verified", "rejected", "invalidated")


def _lifecycle_series(
    db: sqlite_utils.Database, contract_id: int | None, as_of: dt.date | None
) -> dict[str, CumulativeSeries]:
    """Delivered, verified, rejected and invalidated tonnes by day (one grouped query)."""
    scope = "and d.contract_id = :contract_id" if contract_id is not None else ""
    params = {"as_of": as_of.isoformat() if as_of else _FAR_FUTURE, "contract_id": contract_id}
    daily: dict[str, list[tuple[str, int]]] = {name: [] for name in LIFECYCLE_SERIES}
    for name, day, kg in db.execute(_LIFECYCLE.format(scope=scope), params):
        daily[name].append((day, kg))
    return {name: CumulativeSeries.from_daily(rows) for name, rows in daily.items()}


def _delivered(
    db: sqlite_utils.Database, contract_id: int | None, as_of: dt.date | None = None
) -> CumulativeSeries:
    """Accepted deliveries by delivery date, less invalidated tonnes from their date."""
    return _lifecycle_series(db, contract_id, as_of)["delivered"]


def chart_series(
    db: sqlite_utils.Database, contract_id: int | None = None, as_of: dt.date | None = None
) -> ChartSeries:
    """Cumulative scheduled, delivered, verified and retired tonnes, and the contracted level.

    ``contract_id`` None means the whole portfolio.  Delivered and verified count
    accepted deliveries only (verification read as of ``as_of``): a delivery whose
    verification has failed by then is left out, and invalidated tonnes come off
    from their date.  Verified tonnes count from the verification date (the delivery
    date when none is recorded).
    With ``as_of``, deliveries, verifications and retirements dated after it are
    left out (not yet known then) and ``known_until`` is set; the schedule and the
    contracted level cover the whole term either way.
    """
    contract_where, params = _scope(contract_id, "id")
    contracted, first_start, last_end = db.execute(
        "select coalesce(sum(tonnes_kg), 0), min(start_on), max(end_on) from contracts "
        f"{contract_where}",
        params,
    ).fetchone()
    term = None
    if first_start and last_end:
        term = (
            epoch_seconds(dt.date.fromisoformat(first_start)),
            epoch_seconds(dt.date.fromisoformat(last_end)),
        )
    lifecycle_series = _lifecycle_series(db, contract_id, as_of)
    retired_where, retired_params = _known_by(contract_id, as_of, "retired_on")
    retired = _daily(
        db,
        f"select retired_on, sum(tonnes_kg) from retirements {retired_where} group by retired_on",
        retired_params,
    )
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
    db: sqlite_utils.Database,
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
    scope = "and contract_id = ?" if contract_id is not None else ""
    # one JSON parameter, however many deliveries are flagged (SQLite caps bound variables)
    params: list[Any] = [json.dumps(wanted), *([contract_id] if contract_id is not None else [])]
    if as_of is not None:
        scope += " and delivered_on <= ?"
        params.append(as_of.isoformat())
    found = db.execute(
        "select id, delivered_on, serial_block from deliveries "
        f"where id in (select value from json_each(?)) {scope} "
        "order by delivered_on, id",
        params,
    ).fetchall()
    points = []
    for _id, day, serial_block in found:
        epoch = epoch_seconds(dt.date.fromisoformat(day))
        points.append(ChartPoint(epoch, series.value_at(epoch), serial_block))
    return points


def chart_with_points(
    db: sqlite_utils.Database,
    contract_id: int | None,
    as_of: dt.date,
    flagged: Iterable[int] | None,
) -> tuple[ChartSeries, list[ChartPoint] | None]:
    """The chart's series and where the ``flagged`` deliveries sit on its delivered curve
    (None: no flags to mark), read together (on a chart's background connection)."""
    series = chart_series(db, contract_id, as_of)
    if flagged is None:
        return series, None
    return series, delivery_points(db, flagged, contract_id, as_of, series.delivered)
