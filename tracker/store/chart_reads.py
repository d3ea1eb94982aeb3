"""What the delivered-vs-contracted chart reads, grouped by day in SQL so the cost is one
row per distinct date, never one per delivery: (ISO day, kilograms) pairs per series."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from tracker.store import lifecycle, queries
from tracker.store.ledger import Ledger

Row = dict[str, Any]
Daily = list[tuple[str, int]]  # (ISO day, kilograms that day)

_FAR_FUTURE = "9999-12-31"


def _scope(contract_id: int | None, column: str = "contract_id") -> tuple[str, list[Any]]:
    if contract_id is None:
        return "", []
    return f"where {column} = ?", [contract_id]


def contracted(db: Ledger, contract_id: int | None) -> tuple[int, str | None, str | None]:
    """Contracted kilograms and the earliest start and latest end of the term(s)."""
    where, params = _scope(contract_id, "id")
    found = db.execute(
        f"select coalesce(sum(tonnes_kg), 0), min(start_on), max(end_on) from contracts {where}",
        params,
    ).fetchone()
    return found[0], found[1], found[2]


def tranches_due(db: Ledger, contract_id: int | None) -> Daily:
    """Stored tranches summed by due date."""
    where, params = _scope(contract_id)
    return db.execute(
        f"select due_on, sum(tonnes_kg) from tranches {where} group by due_on", params
    ).fetchall()


def unscheduled_contracts(db: Ledger, contract_id: int | None) -> Iterator[Row]:
    """Contracts (as stored) without tranches: they follow the even schedule."""
    scope = "and c.id = ?" if contract_id is not None else ""
    return queries.rows(
        db,
        "select c.* from contracts c where not exists "
        f"(select 1 from tranches t where t.contract_id = c.id) {scope}",
        [contract_id] if contract_id is not None else [],
    )


def retired(db: Ledger, contract_id: int | None, as_of: dt.date | None) -> Daily:
    """Retired kilograms by retirement date (dated by ``as_of``, given one)."""
    conditions: list[str] = []
    params: list[Any] = []
    if contract_id is not None:
        conditions.append("contract_id = ?")
        params.append(contract_id)
    if as_of is not None:
        conditions.append("retired_on <= ?")
        params.append(as_of.isoformat())
    where = "where " + " and ".join(conditions) if conditions else ""
    return db.execute(
        f"select retired_on, sum(tonnes_kg) from retirements {where} group by retired_on",
        params,
    ).fetchall()


# Every lifecycle series in one grouped query: each delivery's status as of the date is
# read once (``pos``), then delivered and verified (accepted only, less invalidations from
# their date), rejected (by the day verification failed) and invalidated tonnes.
# ``{{key}}`` is empty, or ``contract_id, `` for the series of each contract.
_LIFECYCLE_TEMPLATE = f"""
with pos as (
  select d.id, d.contract_id, d.delivered_on, d.tonnes_kg,
         {lifecycle.STATUS_AS_OF} as status, {lifecycle.STATUS_DAY_AS_OF} as status_on
  from deliveries d where d.delivered_on <= :as_of {{{{scope}}}}),
 gone as (
  select pos.contract_id, i.invalidated_on, i.tonnes_kg, pos.status from invalidations i
  join pos on pos.id = i.delivery_id where i.invalidated_on <= :as_of)
select {{key}}name, day, sum(kg) from (
  select {{key}}'delivered' as name, delivered_on as day, tonnes_kg as kg from pos
   where status != 'failed'
  union all select {{key}}'delivered', invalidated_on, -tonnes_kg from gone
   where status != 'failed'
  union all select {{key}}'verified', status_on, tonnes_kg from pos where status = 'verified'
  union all select {{key}}'verified', invalidated_on, -tonnes_kg from gone
   where status = 'verified'
  union all select {{key}}'rejected', status_on, tonnes_kg from pos where status = 'failed'
  union all select {{key}}'invalidated', invalidated_on, tonnes_kg from gone
   where status != 'failed')
group by {{key}}name, day
order by {{key}}name, day
"""
_LIFECYCLE = _LIFECYCLE_TEMPLATE.format(key="")
_LIFECYCLE_BY_CONTRACT = _LIFECYCLE_TEMPLATE.format(key="contract_id, ")
LIFECYCLE_SERIES = ("delivered", "verified", "rejected", "invalidated")


def lifecycle_daily(db: Ledger, contract_id: int | None, as_of: dt.date | None) -> dict[str, Daily]:
    """Delivered, verified, rejected and invalidated kilograms by day (one grouped query;
    verification read as of ``as_of``, else as it stands)."""
    scope = "and d.contract_id = :contract_id" if contract_id is not None else ""
    params = {"as_of": as_of.isoformat() if as_of else _FAR_FUTURE, "contract_id": contract_id}
    daily: dict[str, Daily] = {name: [] for name in LIFECYCLE_SERIES}
    for name, day, kg in db.execute(_LIFECYCLE.format(scope=scope), params):
        daily[name].append((day, kg))
    return daily


def _contracts_scope(contract_ids: Iterable[int] | None, column: str) -> tuple[str, str]:
    """SQL limiting ``column`` to these contracts (one JSON parameter), and the parameter."""
    if contract_ids is None:
        return "", "[]"
    return (
        f"and {column} in (select value from json_each(:contracts))",
        json.dumps(sorted(set(contract_ids))),
    )


def lifecycle_rows_by_contract(
    db: Ledger, contract_ids: Iterable[int] | None, as_of: dt.date
) -> Iterator[tuple[int, str, str, int]]:
    """``lifecycle_daily`` of each contract (of ``contract_ids``; None: all) and its
    retired kilograms by day (series ``retired``), as of ``as_of``, as (contract, series,
    ISO day, kilograms) rows by contract: two grouped queries however many contracts."""
    scope, wanted = _contracts_scope(contract_ids, "d.contract_id")
    params = {"as_of": as_of.isoformat(), "contracts": wanted}
    yield from db.execute(_LIFECYCLE_BY_CONTRACT.format(scope=scope), params)
    scope, _ = _contracts_scope(contract_ids, "contract_id")
    yield from db.execute(
        "select contract_id, 'retired', retired_on, sum(tonnes_kg) from retirements "
        f"where retired_on <= :as_of {scope} group by contract_id, retired_on "
        "order by contract_id, retired_on",
        params,
    )


def contract_ids(db: Ledger) -> set[int]:
    return {row[0] for row in db.execute("select id from contracts")}


def change_log_head(db: Ledger) -> int:
    """The sequence number of the change log's last entry (0 when empty)."""
    return int(db.execute("select coalesce(max(seq), 0) from change_log").fetchone()[0])


def logged_contracts(db: Ledger, after_seq: int, tables: Iterable[str]) -> set[int] | None:
    """The contracts the change log names after entry ``after_seq`` for these tables;
    None when an entry there names no contract."""
    wanted = sorted(tables)
    marks = ", ".join("?" for _ in wanted)
    # A range of the log's rowid: no DISTINCT (SQLite would walk the whole contract index
    # for it) and ``+table_name`` (nor the table index): the few entries since are read.
    found = db.execute(
        f"select contract_id from change_log where seq > ? and +table_name in ({marks})",
        [after_seq, *wanted],
    )
    contracts = {row[0] for row in found}
    return None if None in contracts else contracts


def _json_numbers(numbers: Iterable[int], chunk: int = 4_096) -> str:
    """``numbers`` as a JSON array, written ``chunk`` at a time (``str.join`` first makes a
    list of all it joins: a hundred thousand ids would be as many texts at once)."""
    out = io.StringIO()
    out.write("[")
    numbers = iter(numbers)
    sep = ""
    while part := list(itertools.islice(numbers, chunk)):
        out.write(sep + ",".join(map(str, map(int, part))))
        sep = ","
    out.write("]")
    return out.getvalue()


def _these_deliveries(
    delivery_ids: Iterable[int], contract_id: int | None, as_of: dt.date | None
) -> tuple[str, list[Any]]:
    """A WHERE clause for these deliveries (of ``contract_id`` and made by ``as_of`` when
    given), and its parameters: the ids in one JSON parameter, however many deliveries are
    flagged (SQLite caps bound variables), written a number at a time (a hundred thousand
    ids never become a list of them; repeats do no harm to ``in``)."""
    where = "where id in (select value from json_each(?))"
    params: list[Any] = [_json_numbers(delivery_ids)]
    if contract_id is not None:
        where += " and contract_id = ?"
        params.append(contract_id)
    if as_of is not None:
        where += " and delivered_on <= ?"
        params.append(as_of.isoformat())
    return where, params


def flagged_days(
    db: Ledger, delivery_ids: Iterable[int], contract_id: int | None, as_of: dt.date | None
) -> list[tuple[str, int, str | None, str | None]]:
    """These deliveries (of ``contract_id`` and made by ``as_of`` when given) grouped by
    day: (ISO day, how many, the serial block and registry reference of the day's first
    by id), by day."""
    where, params = _these_deliveries(delivery_ids, contract_id, as_of)
    # with min() alone, SQLite takes serial_block from the row holding the minimum
    return [
        (day, count, block, reference)
        for day, count, block, reference, _first in db.execute(
            "select delivered_on, count(*), serial_block, reference, min(id) from deliveries "
            f"{where} group by delivered_on order by delivered_on",
            params,
        )
    ]


def delivery_days(
    db: Ledger, delivery_ids: Iterable[int], contract_id: int | None, as_of: dt.date | None
) -> list[tuple[int, str, str | None, str | None]]:
    """(id, delivered on, serial block, registry reference) of these deliveries (of
    ``contract_id`` and made by ``as_of`` when given), by date and id."""
    where, params = _these_deliveries(delivery_ids, contract_id, as_of)
    return db.execute(
        "select id, delivered_on, serial_block, reference from deliveries "
        f"{where} order by delivered_on, id",
        params,
    ).fetchall()
