"""Never write a report, export or copy over a ledger.

A save target is refused when it is the open ledger, one of its ``-wal``,
``-shm``, ``-journal`` or ``.lock`` files, or any existing Carbon Tracker
ledger (or such a ledger's side file).
"""

from __future__ import annotations

import os
from pathlib import Path

from tracker.domain.errors import TrackerError
from tracker.domain.messages import Message, msg, render
from tracker.store.database import SIDE_FILES, is_ledger_file

_SIDES = (*SIDE_FILES, ".lock")


class LedgerTargetError(TrackerError):
    """A save target would overwrite a ledger."""


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _base_of(target: Path) -> Path | None:
    for suffix in _SIDES:
        if target.name.endswith(suffix) and len(target.name) > len(suffix):
            return target.with_name(target.name[: -len(suffix)])
    return None


def ledger_target_problem(target: Path, open_ledger: Path | None = None) -> str:
    """Why writing ``target`` would damage a ledger ('' when it is safe)."""
    refusal = ledger_target_refusal(target, open_ledger)
    return "" if refusal is None else render(refusal)


def ledger_target_refusal(target: Path, open_ledger: Path | None = None) -> Message | None:
    """Why writing ``target`` would damage a ledger, as a message (None when it is safe)."""
    target = Path(target)
    candidates = [target]
    base = _base_of(target)
    if base is not None:
        candidates.append(base)
    if open_ledger is not None and str(open_ledger) != ":memory:":
        ledger = Path(open_ledger)
        for candidate in candidates:
            if _same(candidate, ledger):
                code = (
                    "error.target_is_open_ledger"
                    if candidate is target
                    else "error.target_of_open_ledger"
                )
                return msg(code, file=str(target), ledger=str(ledger))
    for candidate in candidates:
        if candidate.is_file() and is_ledger_file(candidate):
            if candidate is target:
                return msg("error.target_is_ledger", file=str(target))
            return msg("error.target_of_ledger", file=str(target), ledger=str(candidate))
    return None


def refuse_ledger_target(target: Path, open_ledger: Path | None = None) -> None:
    """Raise LedgerTargetError when ``target`` is a ledger or one of its files."""
    refusal = ledger_target_refusal(target, open_ledger)
    if refusal is not None:
        raise LedgerTargetError(refusal)
