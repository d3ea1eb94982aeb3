"""The pages of a table model held in memory: at most a set number, the least recently
shown dropped first, so that scrolling through a million rows holds a few thousand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

Row = tuple[Any, ...]


class PageCache:
    def __init__(self) -> None:
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()

    def get(self, number: int) -> list[Row] | None:
        """Page ``number`` if held (then the most recently shown)."""
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
        return rows

    def peek(self, number: int) -> list[Row] | None:
        """Page ``number`` if held, leaving the order of use as it is."""
        return self._pages.get(number)

    def keep(self, number: int, rows: list[Row], limit: int) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > limit:
            self._pages.popitem(last=False)

    def clear(self) -> None:
        self._pages.clear()

    def held(self) -> int:
        """How many rows are held."""
        return sum(len(rows) for rows in self._pages.values())

    def where(self, record_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        """Where the held rows of these records are: record id -> (page, place in it)."""
        wanted = set(record_ids)
        return {
            rows[n][0]: (number, n)
            for number, rows in self._pages.items()
            for n in range(len(rows))
            if rows[n][0] in wanted
        }

    def replace(self, number: int, at: int, row: Row) -> None:
        self._pages[number][at] = row
