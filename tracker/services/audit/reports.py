"""CSV rows for `export flags` and `export history`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tracker.services.audit.review import reviewed_flags
from tracker.services.csv_safe import Number
from tracker.store import change_log, queries
from tracker.store.ledger import Ledger

FLAG_COLUMNS = (
    "rule",
    "severity",
    "contract",
    "subject",
    "message",
    "status",
    "acknowledged_by",
    "acknowledged_on",
    "reason",
)
HISTORY_COLUMNS = (
    "seq",
    "logged_at",
    "user",
    "action",
    "table",
    "record_id",
    "contract",
    "before",
    "after",
    "hash",
)


def flag_rows(db: Ledger, as_of: dt.date, contract_id: int | None = None) -> Iterator[list[object]]:
    for r in reviewed_flags(db, as_of, contract_id):
        f = r.flag
        yield [
            f.rule,
            f.severity.value,
            f.contract,
            f.subject,
            f.message,
            r.status.value,
            r.acknowledged_by,
            r.acknowledged_on,
            r.reason,
        ]


def history_rows(db: Ledger, contract_id: int | None = None) -> Iterator[list[object]]:
    """Every change-log entry (of one contract, if given), oldest first."""
    references = queries.contract_references(db)
    selected = (
        change_log.entries(db, contract_id=contract_id) if contract_id else change_log.iter_all(db)
    )
    for e in selected:
        yield [
            Number(str(e.seq)),
            e.logged_at,
            e.user,
            e.action,
            e.table_name,
            Number(str(e.record_id)) if e.record_id is not None else "",
            references.get(e.contract_id, "") if e.contract_id is not None else "",
            e.before_json or "",
            e.after_json or "",
            e.hash,
        ]
