"""The ledger's settings table as key -> text (thresholds, the user name, own names)."""

from __future__ import annotations

from tracker.store.ledger import Ledger


def values(db: Ledger) -> dict[str, str]:
    """Every stored setting."""
    return dict(db.execute("select key, value from settings").fetchall())


def ids(db: Ledger) -> dict[str, int]:
    """The row id of every stored setting, by key (to update it in place)."""
    return {k: i for i, k in db.execute("select id, key from settings").fetchall()}


def value(db: Ledger, key: str) -> str | None:
    """One setting's text (None: not stored)."""
    found = db.execute("select value from settings where key = ?", [key]).fetchone()
    return None if found is None else str(found[0])


def stored(db: Ledger, key: str) -> tuple[int, str] | None:
    """One setting's row id and text (None: not stored)."""
    found = db.execute("select id, value from settings where key = ?", [key]).fetchone()
    return None if found is None else (found[0], found[1])
