"""The query plans of what a call runs: how plan tests prove a read seeks an index."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlite_utils


def query_plans(db: sqlite_utils.Database, call: Callable[[], Iterable[object]]) -> list[str]:
    """The query-plan lines of the statements ``call`` runs."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        list(call())
    finally:
        db.conn.set_trace_callback(None)
    return [r[3] for sql in statements for r in db.conn.execute(f"explain query plan {sql}")]
