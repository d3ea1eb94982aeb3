"""Where a delivery stands on a date, in SQL: its verification status and net quantity.

A delivery's stored ``verification_status`` is its *latest* outcome.  Every figure
"as of" a date instead reads the latest verification record dated on or before that
date; a delivery without records uses its own status once its ``verified_on`` (or,
without one, its delivery date) has passed.  A failed delivery is *rejected*: it
counts as neither delivered nor available.  Invalidations take tonnes back from the
day the registry cancelled them.

The fragments expect the delivery under the alias ``d`` and the date as ``:as_of``.
"""

from __future__ import annotations

# A date after every event: figures "as of" it are the ledger's as it stands.
END_OF_TIME = "9999-12-31"

_LATEST_RECORD = (
    "select {col} from verifications v where v.delivery_id = d.id and v.verified_on <= :as_of "
    "order by v.verified_on desc, v.id desc limit 1"
)

# Most deliveries have no verification record, invalidation or retirement: each
# correlated lookup below is guarded by one probe of the index on that table's
# ``delivery_id`` (``d.id in (select delivery_id …)``), so a million deliveries cost a
# million cheap probes plus one lookup per delivery that has such records, not four.
_HAS_RECORDS = "d.id in (select delivery_id from verifications)"

STATUS_AS_OF = f"""(case
  when {_HAS_RECORDS}
    then coalesce(({_LATEST_RECORD.format(col="v.outcome")}), 'pending')
  when d.verification_status = 'pending' then 'pending'
  when coalesce(d.verified_on, d.delivered_on) <= :as_of then d.verification_status
  else 'pending'
end)"""

# The day the status as of :as_of was reached (None while pending).
STATUS_DAY_AS_OF = f"""(case
  when {_HAS_RECORDS} then ({_LATEST_RECORD.format(col="v.verified_on")})
  when d.verification_status != 'pending' then coalesce(d.verified_on, d.delivered_on)
end)"""

INVALIDATED_AS_OF = (
    "(case when d.id in (select delivery_id from invalidations) then "
    "coalesce((select sum(i.tonnes_kg) from invalidations i "
    "where i.delivery_id = d.id and i.invalidated_on <= :as_of), 0) else 0 end)"
)
RETIRED_AS_OF = (
    "(case when d.id in (select delivery_id from retirements) then "
    "coalesce((select sum(r.tonnes_kg) from retirements r "
    "where r.delivery_id = d.id and r.retired_on <= :as_of), 0) else 0 end)"
)

# One row per delivery made by :as_of: its status, and what was invalidated and retired.
POSITIONS = f"""
select d.id, d.contract_id, d.tonnes_kg, d.delivered_on, d.vintage, d.tranche_due_on,
       {STATUS_AS_OF} as status,
       {INVALIDATED_AS_OF} as invalidated_kg,
       {RETIRED_AS_OF} as retired_kg
from deliveries d
where d.delivered_on <= :as_of {{where}}
"""
