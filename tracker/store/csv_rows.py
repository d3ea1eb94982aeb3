"""CSV cells computed by SQLite, for exports of a million rows.

A deliveries export row is twelve cells; building each in Python (record objects,
number formatting, spreadsheet-formula neutralising) costs several times what SQLite
takes to read the row.  Here SQLite writes the final text of every cell, exactly as
``tracker.services.csv_safe.neutralise`` and ``format_tonnes_short`` would (tests hold
the two to each other), and the rows come out in chunks for ``csv.writer.writerows``.
The export itself reads each row as one text, its cells as stored joined by commas
(``delivery_line_chunks``), and takes the final cells only of the rare rows whose text
is no safe CSV line (``tracker.services.csv_safe.joined_lines``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlite_utils

from tracker.store import nul_texts

# A text cell a spreadsheet would run as a formula gets a leading apostrophe:
# "=", "+", "-", "@", tab, carriage return or NUL first (csv_safe.DANGEROUS_LEADS).
FORMULA_LEADS = (61, 43, 45, 64, 9, 13, 0)


def safe_text(expression: str) -> str:
    """SQL for ``neutralise(expression)`` of a text cell; NULL becomes ''.

    SQLite's text functions stop at a NUL: ``unicode()`` of a text that starts with one
    is NULL, as it is for '' and NULL, which ``<> ''`` then tells apart (comparison reads
    every byte)."""
    leads = ", ".join(str(code) for code in FORMULA_LEADS)
    return (
        f"(case when {_SAFE_LEAD.format(first=expression)} then {expression} "
        f"when coalesce(unicode({expression}), 0) in ({leads}) and {expression} <> '' "
        f"then '''' || ({expression}) else coalesce({expression}, '') end)"
    )


# A text that starts with a digit, a letter or any character after 'A' (most cells: a
# reference, a date, a code) cannot start a formula: one comparison of bytes passes it
# without the full test.  The leads of a formula are all below '0' or between '9' and 'A'
# (in any collation: NOCASE only folds letters), as are NUL and NULL: they go on to it.
_SAFE_LEAD = "({first} >= '0' and ({first} < ':' or {first} >= 'A'))"


def tonnes_text(kg: str) -> str:
    """SQL for ``format_tonnes_short(kg)``: 5000000 -> '5000', 150500 -> '150.5'."""
    return (
        f"(case when {kg} < 0 then '-' else '' end || (abs({kg}) / 1000) || "
        f"case when abs({kg}) % 1000 = 0 then '' "
        f"else '.' || rtrim(printf('%03d', abs({kg}) % 1000), '0') end)"
    )


def positive_tonnes_text(kg: str) -> str:
    """``tonnes_text`` of a quantity the schema holds above zero (a delivery's
    ``tonnes_kg``), without the work of a sign."""
    return (
        f"(({kg} / 1000) || case when {kg} % 1000 = 0 then '' "
        f"else rtrim(printf('.%03d', {kg} % 1000), '0') end)"
    )


# A delivery's serials as the ledger holds them: a range's text (written with its
# numbers, from its template), a batch id, or NULL while they are still to come.
_BLOCK = "d.serial_block"

DELIVERY_CELLS = (
    safe_text("c.reference"),
    safe_text("d.delivered_on"),
    positive_tonnes_text("d.tonnes_kg"),
    "coalesce(cast(d.vintage as text), '')",
    safe_text("d.registry"),
    safe_text(_BLOCK),
    safe_text("d.verification_status"),
    safe_text("d.verifier"),
    safe_text("d.verified_on"),
    safe_text("d.reference"),
    safe_text("d.tranche_due_on"),
    "coalesce(d.uid, '')",  # a UUID: hex digits and hyphens, never a formula
)


def _scope(
    contract_id: int | None, date_from: str | None, date_to: str | None
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if contract_id:
        clauses.append("d.contract_id = ?")
        params.append(contract_id)
    if date_from:
        clauses.append("d.delivered_on >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("d.delivered_on <= ?")
        params.append(date_to)
    return (f"where {' and '.join(clauses)}" if clauses else ""), params


_FROM = "from deliveries d join contracts c on c.id = d.contract_id"


def _in_export_order(
    db: sqlite_utils.Database,
    columns: str,
    contract_id: int | None,
    date_from: str | None,
    date_to: str | None,
    size: int,
) -> Iterator[list[Any]]:
    """``columns`` of the deliveries in scope, ``size`` rows at a time, in export order
    (contract reference, delivery date, id)."""
    where, params = _scope(contract_id, date_from, date_to)
    cursor = db.execute(
        f"select {columns} {_FROM} {where} order by c.reference, d.delivered_on, d.id", params
    )
    while chunk := cursor.fetchmany(size):
        yield chunk


def delivery_cell_chunks(
    db: sqlite_utils.Database,
    contract_id: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    size: int = 2_000,
) -> Iterator[list[tuple[Any, ...]]]:
    """The deliveries export's cells (tracker_csv's delivery columns), ``size`` rows at a
    time, in export order (contract reference, delivery date, id)."""
    return _in_export_order(db, ", ".join(DELIVERY_CELLS), contract_id, date_from, date_to, size)


# The same cells as stored, not neutralised (NULL as ''): what a row's text is made of.
# Checking a whole chunk's text for a cell that starts with a formula lead (after a comma
# or at a line's start) costs Python far less than ``safe_text`` costs SQLite in each of
# eight cells of a million rows; the few rows that have one are read again as
# DELIVERY_CELLS (``delivery_cells``).
RAW_DELIVERY_CELLS = (
    "c.reference",
    "d.delivered_on",
    positive_tonnes_text("d.tonnes_kg"),
    "d.vintage",
    "d.registry",
    _BLOCK,
    "d.verification_status",
    "d.verifier",
    "d.verified_on",
    "d.reference",
    "d.tranche_due_on",
    "d.uid",
)
# One ``printf`` writes a row's text in one piece (``%s`` of NULL is ''), where a chain
# of ``||`` copied it again for every cell (2.5 s -> 1.4 s for a million rows).  ``%s``
# stops at a NUL: a row holding one (``nul_texts``; its contract's reference too) has
# no one-piece text, and is written from ``delivery_cells``.
_JOINED = (
    f"case when d.id in {nul_texts.NOTED} "
    "or c.id in (select id from contracts where instr(reference, char(0))) then null "
    f"else printf('{','.join(['%s'] * len(RAW_DELIVERY_CELLS))}', "
    f"{', '.join(RAW_DELIVERY_CELLS)}) end"
)


def delivery_line_chunks(
    db: sqlite_utils.Database,
    contract_id: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    size: int = 2_000,
) -> Iterator[list[tuple[str | None, int]]]:
    """The deliveries export's rows as (their cells as stored, not neutralised, joined by
    commas; delivery id), ``size`` rows at a time, in export order.  A row whose text is
    no safe CSV line — a cell holding a comma, a quote or a line break, or starting as a
    formula would — is written from its final cells instead: ``delivery_cells``."""
    return _in_export_order(db, f"{_JOINED}, d.id", contract_id, date_from, date_to, size)


def delivery_cells(db: sqlite_utils.Database, ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """The export cells of the deliveries ``ids``, by id."""
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ", ".join("?" for _ in part)
        for row in db.execute(
            f"select d.id, {', '.join(DELIVERY_CELLS)} {_FROM} where d.id in ({marks})", part
        ):
            found[row[0]] = tuple(row[1:])
    return found
