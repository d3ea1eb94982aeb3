"""Portfolio figures per contract as of a date, computed with SQL aggregates
(``tracker.store.portfolio``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from tracker.domain.fulfilment import Fulfilment, delivered_value_cents
from tracker.domain.quantities import percent_one_decimal, value_cents
from tracker.domain.records import Contract
from tracker.domain.schedule import due_by, even_schedule
from tracker.services.fulfilment import fulfilment
from tracker.store import portfolio
from tracker.store.ledger import Ledger
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
    delivered_kg: int  # accepted (not rejected), less invalidated tonnes
    verified_kg: int
    retired_kg: int
    price: int
    currency: str
    rejected_kg: int = 0  # deliveries whose verification failed
    invalidated_kg: int = 0  # taken back by the registry
    available_verified_kg: int = 0  # held, not retired: verified by the as-of date
    available_pending_kg: int = 0  # held, not retired: verification still pending
    delivered_value_cents: int = 0  # each tonne at its tranche's price, else the contract's

    @property
    def available_kg(self) -> int:
        return self.available_verified_kg + self.available_pending_kg

    @property
    def undelivered_kg(self) -> int:
        return self.contracted_kg - self.delivered_kg

    @property
    def delivered_pct(self) -> str:
        return percent_one_decimal(self.delivered_kg, self.contracted_kg)


def portfolio_summary(
    db: Ledger,
    as_of: dt.date,
    contract_id: int | None = None,
    allocations: Mapping[int, tuple[Contract, Fulfilment]] | None = None,
) -> list[ContractSummary]:
    """Each contract's figures as of ``as_of`` (one contract's, given ``contract_id``).
    ``allocations``: the tranche allocation as of the same date, when the caller has it
    already (the rules do), so contracts priced by tranche need no allocation of their own.
    """
    result = []
    for row in portfolio.summary_rows(db, as_of, contract_id):
        scheduled = row["scheduled_kg"]
        if row["tranche_count"] == 0:
            scheduled = due_by(even_schedule(contract_from_row(row)), as_of)
        if row["tranche_priced"] and row["kept_value_cents"] is not None:
            value = row["kept_value_cents"]  # settled by the date: as of the end of time
        elif row["tranche_priced"]:
            value = _value_by_tranche(db, as_of, row["id"], row["price"], allocations)
        else:
            value = value_cents(row["delivered_kg"], row["price"])
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
                rejected_kg=row["rejected_kg"],
                invalidated_kg=row["invalidated_kg"],
                available_verified_kg=row["available_verified_kg"],
                available_pending_kg=row["available_pending_kg"],
                delivered_value_cents=value,
            )
        )
    return result


def _value_by_tranche(
    db: Ledger,
    as_of: dt.date,
    contract_id: int,
    contract_price: int,
    allocations: Mapping[int, tuple[Contract, Fulfilment]] | None = None,
) -> int:
    """Delivered value where tranches carry their own price: each tonne at its tranche's."""
    if allocations is None or contract_id not in allocations:
        allocations = fulfilment(db, as_of, contract_id)
    _contract, filled = allocations[contract_id]
    return delivered_value_cents(contract_price, filled)


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
    rejected_kg: int = 0
    invalidated_kg: int = 0
    available_verified_kg: int = 0
    available_pending_kg: int = 0

    @property
    def available_kg(self) -> int:
        return self.available_verified_kg + self.available_pending_kg

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
            rejected_kg=sum(s.rejected_kg for s in items),
            invalidated_kg=sum(s.invalidated_kg for s in items),
            available_verified_kg=sum(s.available_verified_kg for s in items),
            available_pending_kg=sum(s.available_pending_kg for s in items),
        )
        for currency, items in sorted(grouped.items())
    ]
