"""Flag acknowledgements as stored: the latest one of each flag key decides its review."""

from __future__ import annotations

from typing import NamedTuple

from tracker.store.ledger import Ledger


class StoredAcknowledgement(NamedTuple):
    flag_key: str
    fingerprint: str
    acknowledged_by: str
    acknowledged_on: str
    reason: str
    migrated_from: str | None  # set by migration m005 on acknowledgements of old keys


_LATEST = """
select flag_key, fingerprint, acknowledged_by, acknowledged_on, reason, migrated_from
from flag_acknowledgements
where id in (select max(id) from flag_acknowledgements group by flag_key)
"""


def latest_acknowledgements(db: Ledger) -> list[StoredAcknowledgement]:
    """The latest acknowledgement of every flag key that has one."""
    return [StoredAcknowledgement(*row) for row in db.execute(_LATEST)]
