"""Portfolio figures in SQL: each contract's summary as of a date, the accepted
deliveries the tranche allocation fills, and retired tonnes by claim.

Delivery status, invalidated and retired tonnes are read as of the date with the
``lifecycle`` fragments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from tracker.store import lifecycle, queries
from tracker.store.ledger import Ledger

Row = dict[str, Any]

_SQL = f"""
with
 positions as materialized ({lifecycle.POSITIONS.format(where="{scope}")}),
 delivered as (
   select contract_id,
          sum(case when status != 'failed' then tonnes_kg - invalidated_kg else 0 end) as kg,
          sum(case when status = 'verified' then tonnes_kg - invalidated_kg else 0 end)
            as verified_kg,
          sum(case when status = 'failed' then tonnes_kg else 0 end) as rejected_kg,
          sum(case when status != 'failed' then invalidated_kg else 0 end) as invalidated_kg,
          sum(case when status = 'verified'
                   then max(tonnes_kg - invalidated_kg - retired_kg, 0) else 0 end)
            as available_verified_kg,
          sum(case when status = 'pending'
                   then max(tonnes_kg - invalidated_kg - retired_kg, 0) else 0 end)
            as available_pending_kg
   from positions group by contract_id),
 retired as (
   select contract_id, sum(tonnes_kg) as kg from retirements
   where retired_on <= :as_of group by contract_id),
 scheduled as (
   select contract_id, count(*) as n,
          sum(case when due_on <= :as_of then tonnes_kg else 0 end) as kg
   from tranches group by contract_id)
select c.*,
       coalesce(d.kg, 0) as delivered_kg,
       coalesce(d.verified_kg, 0) as verified_kg,
       coalesce(d.rejected_kg, 0) as rejected_kg,
       coalesce(d.invalidated_kg, 0) as invalidated_kg,
       coalesce(d.available_verified_kg, 0) as available_verified_kg,
       coalesce(d.available_pending_kg, 0) as available_pending_kg,
       exists (select 1 from tranches t where t.contract_id = c.id and t.price is not null
               and t.price != c.price) as tranche_priced,
       coalesce(r.kg, 0) as retired_kg,
       coalesce(s.n, 0) as tranche_count,
       coalesce(s.kg, 0) as scheduled_kg
from contracts c
left join delivered d on d.contract_id = c.id
left join retired r on r.contract_id = c.id
left join scheduled s on s.contract_id = c.id
{{where}}
order by c.reference
"""


def summary_rows(db: Ledger, as_of: dt.date, contract_id: int | None = None) -> Iterator[Row]:
    """Each contract's stored columns with its figures as of ``as_of`` (one contract's,
    given ``contract_id``), by reference: delivered (accepted, less invalidated),
    verified, rejected, invalidated, available verified and pending, and retired
    kilograms; ``tranche_count`` and ``scheduled_kg`` due by the date; ``tranche_priced``
    when a tranche has a price of its own."""
    where = "where c.id = :contract_id" if contract_id else ""
    params = {"as_of": as_of.isoformat(), "contract_id": contract_id}
    scope = "and d.contract_id = :contract_id" if contract_id else ""  # one contract's only
    sql = _SQL.replace("{where}", where).replace("{scope}", scope)
    return queries.rows(db, sql, params)


# Not materialized: writing a million positions to a temporary table costs more than
# the guarded invalidation lookup computed twice.  In allocation order, so the sort in
# ``allocate`` finds its input already sorted.
_ACCEPTED = f"""
with positions as not materialized ({lifecycle.POSITIONS.format(where="{where}")})
select id, contract_id, delivered_on, tranche_due_on, vintage,
       tonnes_kg - invalidated_kg as kg
from positions
where status != 'failed' and tonnes_kg > invalidated_kg
order by contract_id, delivered_on, id
"""

# delivery id, contract id, delivered on, tranche due on, vintage, accepted kilograms
AcceptedRow = tuple[int, int, str, str | None, int | None, int]


def accepted_deliveries(
    db: Ledger, as_of: dt.date, contract_id: int | None = None
) -> Iterator[AcceptedRow]:
    """Every delivery made by ``as_of`` not rejected then, with its kilograms less those
    invalidated by then (fully invalidated ones left out), by contract, date and id."""
    where = "and d.contract_id = :contract_id" if contract_id else ""
    params = {"as_of": as_of.isoformat(), "contract_id": contract_id}
    return iter(db.execute(_ACCEPTED.format(where=where), params))


_CLAIMS = """
select cast(substr(coalesce(r.claim_end, r.claim_start, r.retired_on), 1, 4) as integer) as year,
       r.purpose, c.credit_type, c.method, r.id, r.tonnes_kg
from retirements r join contracts c on c.id = r.contract_id
where r.retired_on between ? and ? {contract}
order by year, c.credit_type, r.purpose, c.method
"""

# claim year, purpose, credit type, method, retirement id, kilograms
ClaimRow = tuple[int, str, str, str, int, int]


def retired_by_claim(
    db: Ledger, start: str, end: str, contract_id: int | None = None
) -> Iterator[ClaimRow]:
    """Every retirement dated ``start`` to ``end`` (ISO dates, inclusive) with its claim
    year (the claim period's end, else its start, else the retirement date) and its
    contract's credit type and method, by year, type, purpose and method."""
    params: list[object] = [start, end]
    contract = ""
    if contract_id:
        contract = "and r.contract_id = ?"
        params.append(contract_id)
    return iter(db.execute(_CLAIMS.format(contract=contract), params))
