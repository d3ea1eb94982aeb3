"""The ORDER BY, keyset and WHERE clauses a paged read model puts around a view's SELECT.

Sorting and the row filter run in SQL over the raw stored values (integer kilograms and
prices, ISO date text, vocabulary codes), so they see every record, not only the rows
paged in so far.  The search matches what the user reads as well: a choice's label, a
whole date in the window's format (read by the window).  Rows are ordered by the sort
column, then by ``id`` in the same direction; pages follow each other by keyset (the
last row's sort value and id), which also works when the sort column holds NULLs (they
come first ascending, last descending, as SQLite orders them).  No user text is ever
spliced into SQL: values are parameters and column names come from the caller's own
column list (``SearchColumn``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Any

LIKE_ESCAPE = "\\"


class ValueKind(Enum):
    """What a column stores (how it is compared, searched and, above, shown)."""

    TEXT = auto()
    DATE = auto()  # ISO 8601 text as stored
    TONNES = auto()  # integer kilograms
    PRICE = auto()  # integer 1/10,000 currency units per tonne
    NUMBER = auto()  # plain integer (a vintage year, a count)
    CHOICE = auto()  # a vocabulary code, shown by its label


_SEARCHED_KINDS = (ValueKind.TEXT, ValueKind.DATE, ValueKind.NUMBER, ValueKind.CHOICE)
_NOCASE_KINDS = (ValueKind.TEXT, ValueKind.CHOICE)  # not tonnes or prices


@dataclass(frozen=True, slots=True)
class SearchColumn:
    """A column of a view as sorting and the row filter see it: its key (the SQL column
    alias), what it stores, and for a choice the labels the user reads for its codes."""

    key: str
    kind: ValueKind = ValueKind.TEXT
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def searched(self) -> bool:
        return self.kind in _SEARCHED_KINDS


@dataclass(frozen=True, slots=True)
class RowOrder:
    """Which stored column the rows are ordered by (None: by id, as stored) and which way."""

    key: str | None = None
    descending: bool = False
    nocase: bool = False  # text compared case-insensitively

    @staticmethod
    def of(column: SearchColumn | None, descending: bool) -> RowOrder:
        if column is None:
            return RowOrder(None, descending)
        return RowOrder(column.key, descending, column.kind in _NOCASE_KINDS)

    @property
    def _collate(self) -> str:
        return " collate nocase" if self.nocase else ""

    def order_by(self) -> str:
        direction = "desc" if self.descending else "asc"
        if self.key is None:
            return f"id {direction}"
        return f"[{self.key}]{self._collate} {direction}, id {direction}"

    def reversed(self) -> RowOrder:
        """The exact reverse order (NULLs and ties included): reading it after a row reads
        the rows before that row in this order, nearest first."""
        return RowOrder(self.key, not self.descending, self.nocase)

    def sort_value(self, row: Mapping[str, Any]) -> Any:
        """The value of ``row`` this order compares (its id when ordered by id)."""
        return row["id"] if self.key is None else row[self.key]

    def after(self, value: Any, record_id: int, params: dict[str, Any], name: str) -> str:
        """A condition selecting the rows that come after (``value``, ``record_id``);
        adds its parameters to ``params`` under names starting with ``name``."""
        params[f"{name}_id"] = record_id
        id_after = f"id {'<' if self.descending else '>'} :{name}_id"
        if self.key is None:
            return id_after
        column = f"[{self.key}]{self._collate}"
        if value is None:  # NULLs come first ascending, last descending
            same_null = f"([{self.key}] is null and {id_after})"
            return same_null if self.descending else f"({same_null} or [{self.key}] is not null)"
        params[f"{name}_value"] = value
        beyond = "<" if self.descending else ">"
        condition = f"{column} {beyond} :{name}_value or ({column} = :{name}_value and {id_after})"
        if self.descending:
            condition += f" or [{self.key}] is null"
        return f"({condition})"


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own % and _ taken literally."""
    escaped = (text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")).replace(
        "_", LIKE_ESCAPE + "_"
    )
    return f"%{escaped}%"


@dataclass(frozen=True, slots=True)
class RowFilter:
    """A text search over the searchable columns plus exact matches on raw values."""

    text: str = ""
    exact: tuple[tuple[str, str], ...] = ()
    day: str | None = None  # the ISO date the text names as the window shows dates

    @property
    def active(self) -> bool:
        return bool(self.text or self.exact)

    def with_text(self, text: str, day: str | None = None) -> RowFilter:
        """Search for ``text``; ``day``: the date it names in the window's own format
        (read by the window, which knows its locale), found as the stored ISO text."""
        return RowFilter(text.strip(), self.exact, day)

    def with_exact(self, key: str, value: str | None) -> RowFilter:
        kept = {k: v for k, v in self.exact if k != key}
        if value:
            kept[key] = value
        return RowFilter(self.text, tuple(sorted(kept.items())), self.day)

    def where(self, columns: Iterable[SearchColumn], params: dict[str, Any]) -> str:
        """The condition (``1`` when nothing is filtered); adds its parameters to ``params``."""
        conditions: list[str] = []
        for n, (key, value) in enumerate(self.exact):
            params[f"exact{n}"] = value
            conditions.append(f"[{key}] = :exact{n}")
        if self.text:
            conditions.append(self._text_condition(columns, params))
        return " and ".join(conditions) or "1"

    def _text_condition(self, columns: Iterable[SearchColumn], params: dict[str, Any]) -> str:
        params["search"] = like_pattern(self.text)
        folded = self.text.casefold()
        matches: list[str] = []
        for column in columns:
            if not column.searched:
                continue
            matches.append(f"[{column.key}] like :search escape '{LIKE_ESCAPE}'")
            if column.kind is ValueKind.DATE and self.day is not None:
                # a date typed as the window shows it ('3/31/2026') finds the stored ISO
                params["search_day"] = self.day
                matches.append(f"[{column.key}] = :search_day")
            # a choice is shown by its label: match what the user reads as well
            codes = [code for code, label in column.labels.items() if folded in label.casefold()]
            if codes:
                names = [f"{column.key}_code{n}" for n in range(len(codes))]
                params.update(zip(names, codes, strict=True))
                marks = ", ".join(f":{name}" for name in names)
                matches.append(f"[{column.key}] in ({marks})")
        return f"({' or '.join(matches) or '0'})"
