"""What the audit rules read about contracts, deliveries and retirements as of a date:
set-based queries, each row a dict the rules turn into flags — one query per rule about
deliveries or contracts, one pass over the retirements for all the retirement rules
(``retirement_findings``).

Verification is read as of the as-of date: the latest verification record dated on or
before it (see ``lifecycle``).  Every row carries ``contract_id`` and ``contract`` (the
contract's reference).  The serial rules' queries are in ``rule_inputs_serials``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from tracker.store import lifecycle, positions, queries
from tracker.store.ledger import Ledger

Row = dict[str, Any]
# The contracts whose rows to read (None: every contract).  Rules whose flags each belong
# to one contract are evaluated again for the contracts a change touched only.
Scope = frozenset[int] | None


def scope_sql(column: str, contracts: Scope) -> str:
    """SQL keeping the rows whose ``column`` is one of ``contracts`` (nothing for None);
    the contracts are the query's ``:scope`` parameter (see ``as_of_rows``)."""
    if contracts is None:
        return ""
    return f"and {column} in (select value from json_each(:scope))"


def as_of_rows(
    db: Ledger, sql: str, as_of: dt.date, contracts: Scope = None, **params: object
) -> Iterator[Row]:
    """The rows of ``sql``, which may read the date as ``:as_of`` and the contracts in
    scope as ``:scope`` (one JSON parameter, however many)."""
    scope = json.dumps(sorted(contracts or ()))
    return queries.rows(db, sql, {"as_of": as_of.isoformat(), "scope": scope, **params})


# --- contracts -------------------------------------------------------------------------

# Retirements and invalidations name their contract and their delivery, which names its
# own: the contracts on the other side of any such pair with one of ``:scope``'s.
_SHARING = """
select r.contract_id from retirements r join deliveries d on d.id = r.delivery_id
 where d.contract_id in (select value from json_each(:scope)) and r.contract_id != d.contract_id
union
select d.contract_id from retirements r join deliveries d on d.id = r.delivery_id
 where r.contract_id in (select value from json_each(:scope)) and r.contract_id != d.contract_id
union
select i.contract_id from invalidations i join deliveries d on d.id = i.delivery_id
 where d.contract_id in (select value from json_each(:scope)) and i.contract_id != d.contract_id
union
select d.contract_id from invalidations i join deliveries d on d.id = i.delivery_id
 where i.contract_id in (select value from json_each(:scope)) and i.contract_id != d.contract_id
"""


def contracts_sharing_records(db: Ledger, contracts: frozenset[int]) -> set[int]:
    """Other contracts holding a retirement or invalidation of these contracts'
    deliveries, or a delivery their retirements or invalidations draw on (none, as the
    app records them; a ledger written otherwise may hold some)."""
    found = db.execute(_SHARING, {"scope": json.dumps(sorted(contracts))})
    return {row[0] for row in found}


def contract_statuses(db: Ledger) -> dict[int, str]:
    """Contract id -> its status code."""
    return dict(db.execute("select id, status from contracts").fetchall())


_SCHEDULES_OVER_CONTRACT = """
select c.id as contract_id, c.reference as contract, c.tonnes_kg, s.kg, s.n
from (select contract_id, sum(tonnes_kg) as kg, count(*) as n from tranches
      group by contract_id) s
join contracts c on c.id = s.contract_id
where s.kg > c.tonnes_kg
order by c.reference
"""


def schedules_over_contract(db: Ledger) -> Iterator[Row]:
    """Contracts whose tranches add up to more than the contract (``kg`` scheduled in
    ``n`` tranches, ``tonnes_kg`` contracted)."""
    return queries.rows(db, _SCHEDULES_OVER_CONTRACT)


# --- deliveries ------------------------------------------------------------------------

_WITH_STATUS = f"""
select * from (
  select d.id, d.contract_id, c.reference as contract, d.serial_block, d.reference,
         d.tonnes_kg, d.delivered_on, d.verified_on, c.start_on, c.end_on,
         cast(julianday(:as_of) - julianday(d.delivered_on) as integer) as age,
         {lifecycle.STATUS_AS_OF} as status
  from {{deliveries}}
  where d.delivered_on <= :as_of {{scope}} {{narrow}}) x
where {{condition}}
order by +id
"""
# (``+id``: the order of ids does not choose the table's own order over an index that
# narrows the rows, a few thousand sorted instead of a million read)
_EVERY_DELIVERY = "deliveries d join contracts c on c.id = d.contract_id"
# Each contract's deliveries dated outside its term: two ranges of the contract index
# each.  (Joined on the contract and filtered by either end, SQLite read every delivery
# made by the date through the index: 0.08 s at a million, to find none.)
_OUTSIDE_TERM = """contracts c cross join deliveries d on d.id in (
  select y.id from deliveries y where y.contract_id = c.id and y.delivered_on < c.start_on
  union all
  select y.id from deliveries y where y.contract_id = c.id and y.delivered_on > c.end_on)"""


def _deliveries(
    db: Ledger,
    as_of: dt.date,
    condition: str,
    contracts: Scope,
    narrow: str = "",
    deliveries: str = _EVERY_DELIVERY,
    **params: object,
) -> Iterator[Row]:
    """Deliveries (of ``contracts``) made by ``as_of`` meeting ``condition``, with their
    status then and their ``age`` in days.  ``narrow``: a condition on the deliveries
    (``d``) and contracts (``c``) that ``condition`` implies, which an index answers
    without reading every delivery; ``deliveries``: the join that lets it."""
    sql = _WITH_STATUS.format(
        condition=condition,
        scope=scope_sql("d.contract_id", contracts),
        narrow=narrow,
        deliveries=deliveries,
    )
    return as_of_rows(db, sql, as_of, contracts, **params)


def stale_unverified(
    db: Ledger, as_of: dt.date, days: int, contracts: Scope = None
) -> Iterator[Row]:
    """Deliveries still pending more than ``days`` days after they were made."""
    narrow = MAY_BE_PENDING  # the contracts' own deliveries, through the contract index
    if contracts is None:
        unsettled, total = positions.unsettled_share(db, as_of.isoformat())
        narrow = MAY_BE_PENDING if unsettled * 2 > total else _STALE_INDEXED
    return _deliveries(
        db, as_of, "status = 'pending' and age > :days", contracts, narrow=narrow,
        days=days, older=f"-{days} days",
    )  # fmt: skip


# What a delivery pending as of the date (``lifecycle.STATUS_AS_OF``) has: verification
# records, or a stored status still pending, or its verification dated after the date.
# Tested on every delivery, cheaply, before the status is worked out (a third of the
# time of the status for all) ...
MAY_BE_PENDING = (
    "and (d.verification_status = 'pending' or d.verified_on > :as_of "
    "or d.id in (select delivery_id from verifications))"
)
# ... or, for the whole portfolio while most contracts are settled by the date (a few
# contracts are read through the contract index), found through indexes: the
# deliveries stored as pending made more than ``:days`` before it (``age`` is more than
# ``:days`` only then: ``deliveries_pending``), those with records, and every delivery of
# a contract not settled (a settled contract's verifications all lie on or before the
# date).  A million deliveries, 5 % of them pending: 0.4 s to 0.2 s of CPU.
_STALE_INDEXED = f"""and d.id in (
  select y.id from deliveries y
   where y.verification_status = 'pending' and y.delivered_on < date(:as_of, :older)
  union select delivery_id from verifications
  union select y.id from deliveries y where y.contract_id in ({positions.UNSETTLED}))"""


def awaiting_serials(db: Ledger, as_of: dt.date, contracts: Scope = None) -> Iterator[Row]:
    """Deliveries recorded without their serials (rejected ones left out)."""
    return _deliveries(
        db, as_of, "serial_block is null and status != 'failed'", contracts,
        narrow="and d.serial_block is null",  # the index of deliveries awaiting serials
    )  # fmt: skip


# A delivery whose own verification date precedes it, as its partial index
# ``deliveries_verified_early`` states it (and the rule, on ``d``).
VERIFIED_EARLY = "verified_on < delivered_on"


def verified_before_delivered(db: Ledger, as_of: dt.date, contracts: Scope = None) -> Iterator[Row]:
    """Deliveries with a verification (their own date or a record's) before their delivery."""
    condition = (
        # ``x.``: within the subquery a bare ``id`` would be the verification's own
        "x.verified_on < x.delivered_on or exists (select 1 from verifications v "
        "where v.delivery_id = x.id and v.verified_on < x.delivered_on)"
    )
    narrow = (  # the partial index of the first kind, the verifications for the second
        "and d.id in (select y.id from deliveries y where y.verified_on < y.delivered_on "
        "union select v.delivery_id from verifications v join deliveries y "
        "on y.id = v.delivery_id where v.verified_on < y.delivered_on)"
    )
    return _deliveries(db, as_of, condition, contracts, narrow=narrow)


def delivered_outside_term(db: Ledger, as_of: dt.date, contracts: Scope = None) -> Iterator[Row]:
    """Deliveries made before their contract's term starts or after it ends."""
    condition = "delivered_on < start_on or delivered_on > end_on"
    return _deliveries(db, as_of, condition, contracts, deliveries=_OUTSIDE_TERM)


_DELIVERY = (
    "select id, contract_id, serial_block, reference, delivered_on, tonnes_kg, vintage "
    "from deliveries where id in (select value from json_each(?))"
)
# What a flag names of a delivery: id, contract id, serial block, registry reference,
# delivered on (ISO), tonnes (kg), vintage.
DeliveryFacts = tuple[int, int, str | None, str | None, str, int, int | None]


def deliveries_facts(db: Ledger, delivery_ids: Iterable[int]) -> dict[int, DeliveryFacts]:
    """What flags name of these deliveries, by id: one query with one JSON parameter,
    however many there are (SQLite caps bound variables), as plain rows (a rule may
    name tens of thousands)."""
    wanted = json.dumps(sorted(set(delivery_ids)))
    return {row[0]: row for row in db.execute(_DELIVERY, [wanted])}


# --- retirements -----------------------------------------------------------------------

# Each retirement (of ``{scope}``) made by the date with its delivery, the delivery's
# status as of the date (``status``, reached on ``status_on``) and what it stores.
_WITH_DELIVERY = f"""
select r.id, r.contract_id, c.reference as contract, r.serial_block, r.retired_on, r.tonnes_kg,
       r.claim_start, r.claim_end, r.beneficiary,
       r.serial_prefix, r.serial_start, r.serial_end,
       d.id as delivery_id, coalesce(d.serial_block, d.reference) as delivery_block,
       d.serial_prefix as delivery_prefix, d.serial_start as delivery_start,
       d.serial_end as delivery_end, d.registry as delivery_registry,
       d.delivered_on, d.vintage, d.verifier,
       d.verification_status as stored_status,
       coalesce(d.verified_on, d.delivered_on) as stored_status_on,
       d.id in (select delivery_id from verifications) as has_records,
       {lifecycle.STATUS_AS_OF} as status, {lifecycle.STATUS_DAY_AS_OF} as status_on
from retirements r join deliveries d on d.id = r.delivery_id
join contracts c on c.id = r.contract_id
where r.retired_on <= :as_of {{scope}}"""


def retirements_with_delivery(
    db: Ledger, as_of: dt.date, retirement_ids: Iterable[int]
) -> Iterator[Row]:
    """These retirements (made by the date) with their delivery and its status."""
    marks = ",".join(str(int(rid)) for rid in retirement_ids)
    sql = f"select * from ({_WITH_DELIVERY.format(scope='')}) where id in ({marks}) order by id"
    return as_of_rows(db, sql, as_of)


_CLAIM_YEAR = "cast(substr(coalesce(claim_end, claim_start, retired_on), 1, 4) as integer)"

# What each retirement rule looks for in a retirement with its delivery and the
# delivery's status as of the date (``status``, reached on ``status_on``).
#
# The two about the status first test what the delivery stores: without verification
# records (``has_records``), a delivery stored as verified on or before the retirement
# (``stored_status_on``, which is then on or before the date too) was verified as of the
# date, on that day; neither rule flags it.  That spares working out the status of
# nearly every retirement's delivery (the status is an expression, and each rule
# naming it works it out again: 0.1 s each at 300k retirements).
RETIREMENT_FINDINGS = {
    # from a delivery pending, or verified only after the retirement
    "unverified": (
        "(stored_status != 'verified' or stored_status_on > retired_on or has_records) and "
        "(status = 'pending' or (status = 'verified' and status_on > retired_on))"
    ),
    # from a delivery whose verification failed by the date
    "failed": "(stored_status = 'failed' or has_records) and status = 'failed'",
    # dated before the delivery it draws on
    "before_delivered": "retired_on < delivered_on",
    # claimed more than ``:limit`` years after the vintage
    "too_old": f"vintage is not null and {_CLAIM_YEAR} - vintage > :limit",
    # made more than ``:lag`` after the claim period ended
    "late_for_claim": "claim_end is not null and retired_on > date(claim_end, :lag)",
    # naming no beneficiary
    "no_beneficiary": "trim(beneficiary) = ''",
    # a block of another number of serials than its tonnes need (one a tonne, a kilogram
    # for Isometric: ``rule_inputs_serials.COUNT_MISMATCH`` on a delivery)
    "count_mismatch": (
        "case when delivery_registry = 'isometric' then serial_end - serial_start + 1 "
        "!= tonnes_kg else (serial_end - serial_start + 1) * 1000 != tonnes_kg end"
    ),
    # serials (partly) outside the delivery's
    "outside_delivery": (
        "serial_prefix != delivery_prefix or serial_start < delivery_start "
        "or serial_end > delivery_end"
    ),
}
_FINDINGS = f"""
select *, {", ".join(f"coalesce(({condition}), 0) as {name}"
                     for name, condition in RETIREMENT_FINDINGS.items())}
from ({_WITH_DELIVERY})
where {" or ".join(f"({condition})" for condition in RETIREMENT_FINDINGS.values())}
order by id
"""  # fmt: skip


def retirement_findings(
    db: Ledger, as_of: dt.date, vintage_age: int, claim_lag_months: int, contracts: Scope = None
) -> Iterator[Row]:
    """The retirements (of ``contracts``) made by ``as_of`` that any retirement rule
    flags, by id: with their delivery (``delivery_*``) and its status as of the date,
    and a column for each of ``RETIREMENT_FINDINGS``, 1 where it holds, else 0.

    One pass over the retirements for every rule: each of them read all the retirements
    with their deliveries on its own (about 0.1 s each at 300k), to flag a few."""
    sql = _FINDINGS.format(scope=scope_sql("r.contract_id", contracts))
    lag = f"+{claim_lag_months} months"
    return as_of_rows(db, sql, as_of, contracts, limit=vintage_age, lag=lag)
