"""The rows of a table model and the pages of them held in memory: at most a set number,
the least recently shown dropped first, so that scrolling through a million rows holds a
few thousand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from tracker.store.record_pages import After, Row


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


class PagedRows:
    """The rows a table model has: leading rows (not stored records, always on top), then
    ``count`` stored records in pages of ``page_size``, of which the pages read are held.
    After a change, the pages shown before stand in until fresh ones come.  No Qt and no
    SQL: the model reads pages and gives them here."""

    def __init__(self) -> None:
        self.page_size = 1
        self.cached_pages = 1
        self.leading: list[Row] = []
        self.count = 0  # stored records the sort and filter select
        self.pages = PageCache()
        self.shown_before: PageCache | None = None
        self.generation = 0  # started again: pages asked for before are outdated

    def restart(
        self, leading: list[Row], count: int, keep_shown: bool, page_size: int, cached_pages: int
    ) -> None:
        """Start again with these rows, in pages of ``page_size``, at most ``cached_pages``
        held; ``keep_shown``: the pages held stand in until fresh ones come."""
        self.generation += 1
        self.page_size, self.cached_pages = page_size, cached_pages
        self.shown_before = self.pages if keep_shown else None
        self.pages = PageCache()
        self.leading, self.count = leading, count

    def __len__(self) -> int:
        return len(self.leading) + self.count

    def lookup(self, row: int) -> tuple[Row | None, tuple[int, int] | None]:
        """Row ``row`` if it is a leading row or its page is held (else None), and where
        it lies — (page, place in it) — when its page is still to be read."""
        if 0 <= row < len(self.leading):
            return self.leading[row], None
        stored = row - len(self.leading)
        if not 0 <= stored < self.count:
            return None, None
        number, at = divmod(stored, self.page_size)
        rows = self.pages.get(number)
        if rows is None:
            return None, (number, at)
        return (rows[at] if at < len(rows) else None), None

    def stand_in(self, number: int, at: int) -> Row | None:
        """The row shown at this place before the last change, if any."""
        rows = self.shown_before.peek(number) if self.shown_before else None
        return rows[at] if rows is not None and at < len(rows) else None

    def keep(self, number: int, rows: list[Row]) -> None:
        self.pages.keep(number, rows, self.cached_pages)

    def row_number(self, number: int, at: int) -> int:
        """The model row of place ``at`` in page ``number``."""
        return len(self.leading) + number * self.page_size + at

    def row_of(self, record_id: int) -> int | None:
        """The row holding ``record_id`` among the pages held."""
        found = self.pages.where([record_id]).get(record_id)
        return None if found is None else self.row_number(*found)

    def span(self, number: int) -> tuple[int, int]:
        """Page ``number``'s first stored row (0: the top) and how many rows it has."""
        first = number * self.page_size
        return first, min(self.page_size, self.count - first)

    def ends(
        self, number: int, key_of: Callable[[Row], After]
    ) -> tuple[After | None, After | None]:
        """The keys of the rows just before and after page ``number`` when their pages are
        held (a page then reads on from one or back from the other)."""
        before, after = self.pages.peek(number - 1), self.pages.peek(number + 1)
        return (
            key_of(before[-1]) if before and len(before) == self.page_size else None,
            key_of(after[0]) if after else None,
        )


def in_sqlite_order(rows: list[Row], at: int | None, descending: bool) -> list[Row]:
    """``rows`` ordered by their value at ``at`` (None: as given) as SQLite orders stored
    ones: missing first, then numbers, then text ignoring case."""
    if at is None or len(rows) < 2:
        return list(rows)
    return sorted(rows, key=lambda r: _sqlite_key(r[at]), reverse=descending)


def _sqlite_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value).casefold())
