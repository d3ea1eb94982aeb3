"""Portfolio figures in SQL: each contract's summary as of a date and retired tonnes
by claim.  (The accepted deliveries the tranche allocation fills: :mod:`accepted`.)

A contract's figures come from its kept row (:mod:`positions`) when it is settled by
the date; otherwise delivery status, invalidated and retired tonnes are read as of the
date with the ``lifecycle`` fragments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from tracker.store import positions, queries
from tracker.store.ledger import Ledger

Row = dict[str, Any]

_SQL = f"""
with
 {positions.DELIVERED_BY_CONTRACT},
 scheduled as (
   select contract_id, count(*) as n,
          sum(case when due_on <= :as_of then tonnes_kg else 0 end) as kg
   from tranches group by contract_id)
select c.*,
       coalesce(d.delivered_kg, 0) as delivered_kg,
       coalesce(d.verified_kg, 0) as verified_kg,
       coalesce(d.rejected_kg, 0) as rejected_kg,
       coalesce(d.invalidated_kg, 0) as invalidated_kg,
       coalesce(d.available_verified_kg, 0) as available_verified_kg,
       coalesce(d.available_pending_kg, 0) as available_pending_kg,
       d.tranche_value_cents as kept_value_cents,
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
    when a tranche has a price of its own, and ``kept_value_cents``, its delivered value
    kept (see :mod:`positions`) when the contract is settled by the date, else None.
    Contracts settled by the date are read from their kept row, the others summed."""
    day = as_of.isoformat()
    params = {"as_of": day, "contract_id": contract_id}
    one = bool(contract_id)  # one contract's only
    sql = (
        _SQL.replace("{where}", "where c.id = :contract_id" if one else "")
        .replace("{scope}", "and d.contract_id = :contract_id" if one else "")
        .replace("{kept_scope}", "and p.contract_id = :contract_id" if one else "")
        .replace("{retired_scope}", "and r.contract_id = :contract_id" if one else "")
    )
    for name, condition in positions.live_conditions(db, day).items():
        sql = sql.replace("{" + name + "}", condition)
    return queries.rows(db, sql, params)


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
