"""Portfolio figures per contract as of a date, computed with SQL aggregates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from tracker.domain.quantities import percent_one_decimal, value_cents
from tracker.domain.schedule import due_by, even_schedule
from tracker.store import queries
from tracker.store.rows import contract_from_row


@dataclass(frozen=True, slots=True)
class ContractSummary:
    contract_id: int
    reference: str
    supplier: str
    project: str
    method: str
    credit_type: str
    contracted_kg: int
    scheduled_to_date_kg: int
    delivered_kg: int
    verified_kg: int
    retired_kg: int
    price: int
    currency: str

    @property
    def available_kg(self) -> int:
        return self.delivered_kg - self.retired_kg

    @property
    def undelivered_kg(self) -> int:
        return self.contracted_kg - self.delivered_kg

    @property
    def delivered_pct(self) -> str:
        return percent_one_decimal(self.delivered_kg, self.contracted_kg)

    @property
    def delivered_value_cents(self) -> int:
        return value_cents(self.delivered_kg, self.price)


_SQL = """
with
 delivered as (
   select contract_id,
          sum(tonnes_kg) as kg,
          sum(case when verification_status = 'verified'
                    and (verified_on is null or verified_on <= :as_of)
               then tonnes_kg else 0 end) as verified_kg
   from deliveries where delivered_on <= :as_of group by contract_id),
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
       coalesce(r.kg, 0) as retired_kg,
       coalesce(s.n, 0) as tranche_count,
       coalesce(s.kg, 0) as scheduled_kg
from contracts c
left join delivered d on d.contract_id = c.id
left join retired r on r.contract_id = c.id
left join scheduled s on s.contract_id = c.id
{where}
order by c.reference
"""


def portfolio_summary(
    db: sqlite_utils.Database, as_of: dt.date, contract_id: int | None = None
) -> list[ContractSummary]:
    where = "where c.id = :contract_id" if contract_id else ""
    params = {"as_of": as_of.isoformat(), "contract_id": contract_id}
    result = []
    for row in queries.rows(db, _SQL.format(where=where), params):  # type: ignore[arg-type]
        scheduled = row["scheduled_kg"]
        if row["tranche_count"] == 0:
            scheduled = due_by(even_schedule(contract_from_row(row)), as_of)
        result.append(
            ContractSummary(
                contract_id=row["id"],
                reference=row["reference"],
                supplier=row["supplier"],
                project=row["project"],
                method=row["method"],
                credit_type=row["credit_type"],
                contracted_kg=row["tonnes_kg"],
                scheduled_to_date_kg=scheduled,
                delivered_kg=row["delivered_kg"],
                verified_kg=row["verified_kg"],
                retired_kg=row["retired_kg"],
                price=row["price"],
                currency=row["currency"],
            )
        )
    return result


@dataclass(frozen=True, slots=True)
class Totals:
    """Portfolio totals for one currency."""

    currency: str
    contracts: int
    contracted_kg: int
    scheduled_to_date_kg: int
    delivered_kg: int
    verified_kg: int
    retired_kg: int
    delivered_value_cents: int

    @property
    def available_kg(self) -> int:
        return self.delivered_kg - self.retired_kg

    @property
    def undelivered_kg(self) -> int:
        return self.contracted_kg - self.delivered_kg

    @property
    def delivered_pct(self) -> str:
        return percent_one_decimal(self.delivered_kg, self.contracted_kg)


def totals_by_currency(summaries: list[ContractSummary]) -> list[Totals]:
    grouped: dict[str, list[ContractSummary]] = {}
    for s in summaries:
        grouped.setdefault(s.currency, []).append(s)
    return [
        Totals(
            currency=currency,
            contracts=len(items),
            contracted_kg=sum(s.contracted_kg for s in items),
            scheduled_to_date_kg=sum(s.scheduled_to_date_kg for s in items),
            delivered_kg=sum(s.delivered_kg for s in items),
            verified_kg=sum(s.verified_kg for s in items),
            retired_kg=sum(s.retired_kg for s in items),
            delivered_value_cents=sum(s.delivered_value_cents for s in items),
        )
        for currency, items in sorted(grouped.items())
    ]
