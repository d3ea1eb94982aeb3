"""The SELECT behind each table view of the ledger's records, one row per record.

Each view returns ``id`` and every column a table shows (under the key the table names
it by) and may read these parameters: ``:contract_id`` (None: every contract), ``:as_of``
(ISO date) and the view's labels (text the view shows as a value, e.g. the schedule's
"Tranche" in the window's language).  ``record_pages`` pages, counts and locates rows
of these views; nothing above the store writes their SQL.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.store import lifecycle, positions

_CONTRACT_FILTER = "(:contract_id is null or {alias}.contract_id = :contract_id)"
# The contract's reference by a lookup per row rather than a join: with a join SQLite walks
# the large table through its contract index (a table seek per row), which makes a sorted
# page over a million deliveries take seconds instead of a fraction of one.
_CONTRACT_REFERENCE = "(select c.reference from contracts c where c.id = {alias}.contract_id)"
# Accepted (not rejected), not invalidated tonnes delivered to the contract by the as-of date.
_ACCEPTED_KG = (
    f"(select coalesce(sum(d.tonnes_kg - {lifecycle.INVALIDATED_AS_OF}), 0) from deliveries d "
    f"where d.contract_id = c.id and d.delivered_on <= :as_of "
    f"and {lifecycle.STATUS_AS_OF} != 'failed')"
)

# Kept when the contract is settled by the date (coalesce reads the sum only otherwise).
CONTRACTS = (
    "select c.id, c.reference, c.supplier, c.method, c.status, c.tonnes_kg, c.currency, "
    f"coalesce({positions.KEPT_DELIVERED_KG}, {_ACCEPTED_KG}) as delivered_kg from contracts c"
)

# Retired and invalidated tonnes are each delivery's kept totals (``delivery_totals``),
# looked up per row: a count of the rows never reads them.
_KEPT_TOTAL = "(select t.{total} from delivery_totals t where t.delivery_id = d.id)"
_DELIVERY_COLUMNS = (
    "{id} as id, {contract} as contract, d.delivered_on, d.tonnes_kg, d.vintage, "
    "d.registry, d.serial_block, d.verification_status, d.verified_on, "
    "{retired} as retired_kg, {invalidated} as invalidated_kg, "
    "d.reference as transfer_reference "
)
_LOOKED_UP = {
    "id": "d.id",
    "contract": _CONTRACT_REFERENCE.format(alias="d"),
    "retired": f"coalesce({_KEPT_TOTAL.format(total='retired_kg')}, 0)",
    "invalidated": f"coalesce({_KEPT_TOTAL.format(total='invalidated_kg')}, 0)",
}
_DELIVERY_FILTER = f"where {_CONTRACT_FILTER.format(alias='d')}"

DELIVERIES = f"select {_DELIVERY_COLUMNS.format(**_LOOKED_UP)}from deliveries d {_DELIVERY_FILTER}"

# The same rows read from the kept totals' side, for a sort by one of them: their index
# gives the rows in order of the total and then id (the totals' own key) — a page reads
# 200 index entries, not a million sums.
_FROM_TOTALS = {
    **_LOOKED_UP,
    "id": "t.delivery_id",
    "retired": "t.retired_kg",
    "invalidated": "t.invalidated_kg",
}
DELIVERIES_BY_TOTALS = (
    f"select {_DELIVERY_COLUMNS.format(**_FROM_TOTALS)}"
    f"from delivery_totals t join deliveries d on d.id = t.delivery_id {_DELIVERY_FILTER}"
)

# The same rows read contract by contract, for a sort by contract: the contracts in the
# order of their reference (an index ignoring case, as the sort does), each contract's
# deliveries through its index, sorted by id within it.  CROSS JOIN keeps the contracts
# the outer loop, which SQLite would otherwise not choose for a page of 200.
DELIVERIES_BY_CONTRACT = (
    f"select {_DELIVERY_COLUMNS.format(**{**_LOOKED_UP, 'contract': 'c.reference'})}"
    f"from contracts c cross join deliveries d on d.contract_id = c.id {_DELIVERY_FILTER}"
)

INVALIDATIONS = (
    f"select i.id, {_CONTRACT_REFERENCE.format(alias='i')} as contract, "
    "i.invalidated_on, i.tonnes_kg, i.reason, i.serial_block, "
    "(select coalesce(d.serial_block, d.reference || ' (serials pending)') "
    " from deliveries d where d.id = i.delivery_id) as delivery, "
    "i.registry_reference, i.note "
    "from invalidations i "
    f"where {_CONTRACT_FILTER.format(alias='i')}"
)

RETIREMENTS = (
    f"select r.id, {_CONTRACT_REFERENCE.format(alias='r')} as contract, "
    "r.retired_on, r.tonnes_kg, r.serial_block, "
    "r.beneficiary, r.purpose, r.claim_start, r.claim_end, r.registry_reference "
    "from retirements r "
    f"where {_CONTRACT_FILTER.format(alias='r')}"
)

# Delivered, shortfall, days late and status come from the connection's TEMP
# ``tranche_fills`` table (``tranche_fills.write_tranche_fills``), so they sort and filter
# in SQL like every other column.
SCHEDULE = (
    "select t.id, c.reference as contract, t.due_on, t.tonnes_kg, t.vintage, "
    "coalesce(t.price, c.price) as price, c.currency, :source_label as source, "
    "f.delivered_kg, f.shortfall_kg, f.late_days, f.status "
    "from tranches t join contracts c on c.id = t.contract_id "
    "left join temp.tranche_fills f on f.tranche_id = t.id "
    f"where {_CONTRACT_FILTER.format(alias='t')}"
)

VIEWS: Mapping[str, str] = {
    "contracts": CONTRACTS,
    "deliveries": DELIVERIES,
    "invalidations": INVALIDATIONS,
    "retirements": RETIREMENTS,
    "schedule": SCHEDULE,
}

# The labels a view shows as values, with their English wording (a caller passes its own).
LABELS: Mapping[str, Mapping[str, str]] = {"schedule": {"source_label": "Tranche"}}


# A view read another way when sorted by one of its columns (the same rows and values).
SORTED_VIEWS: Mapping[tuple[str, str], str] = {
    ("deliveries", "retired_kg"): DELIVERIES_BY_TOTALS,
    ("deliveries", "invalidated_kg"): DELIVERIES_BY_TOTALS,
    ("deliveries", "contract"): DELIVERIES_BY_CONTRACT,
}


# Where a view's rows are only counted or located (no filter, every contract), sorted by
# one of these columns: the same ids and sort values from one table, no join (a count
# through the join reads a million deliveries; the kept totals hold a row each).
COUNTED_VIEWS: Mapping[tuple[str, str], str] = {
    ("deliveries", "retired_kg"): "select delivery_id as id, retired_kg from delivery_totals",
    ("deliveries", "invalidated_kg"): (
        "select delivery_id as id, invalidated_kg from delivery_totals"
    ),
}


def view_sql(view: str, sort_key: str | None = None, counted: bool = False) -> str:
    """The SELECT of ``view`` (a KeyError for a view that does not exist), in the form
    that sorts fastest by ``sort_key`` (None: by id); ``counted``: only its ids and sort
    values are read, of every row (no filter, every contract)."""
    key = (view, sort_key or "")
    if counted and key in COUNTED_VIEWS:
        return COUNTED_VIEWS[key]
    return SORTED_VIEWS.get(key, VIEWS[view])
