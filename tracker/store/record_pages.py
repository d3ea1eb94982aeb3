"""Paged reads of the ledger's table views: a page in any order and filter, the count,
where a record falls, and single rows again by id.

A table above the store describes what it wants as a ``PageQuery`` (which view, the
columns it reads, how they are searched and sorted, the contract and the as-of date)
and gets plain tuples back, ``id`` first then one value per key, in that order.  Pages
follow each other by keyset (``after``: the last row's sort value and id), so reading
page N costs the same as reading page 1 (see ``row_query``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from tracker.store.ledger import Ledger
from tracker.store.record_views import LABELS, view_sql
from tracker.store.row_query import RowFilter, RowOrder, SearchColumn

Row = tuple[Any, ...]
After = tuple[Any, int]  # the sort value and id of the last row read


@dataclass(frozen=True, slots=True)
class PageQuery:
    """What a table reads: ``keys`` ("id" first) of ``view`` rows selected by ``row_filter``
    over ``columns``, in ``order``, for one contract (None: all) as of ``as_of``."""

    view: str
    keys: tuple[str, ...]
    columns: tuple[SearchColumn, ...] = ()
    order: RowOrder = field(default_factory=RowOrder)
    row_filter: RowFilter = field(default_factory=RowFilter)
    contract_id: int | None = None
    as_of: dt.date | None = None
    labels: Mapping[str, str] = field(default_factory=dict)

    def params(self) -> dict[str, Any]:
        """The view's parameters (the contract, the date and its labels)."""
        return {
            **LABELS.get(self.view, {}),
            **self.labels,
            "contract_id": self.contract_id,
            "as_of": (self.as_of or dt.date.today()).isoformat(),
        }

    def selected(self, params: dict[str, Any], counted: bool = False) -> str:
        """The view's rows the filter keeps (``where`` parameters added to ``params``);
        ``counted``: only their ids and sort values are read."""
        where = self.row_filter.where(self.columns, params)
        every_row = not self.row_filter.active and self.contract_id is None
        view = view_sql(self.view, self.order.key, counted and every_row)
        return f"from ({view}) where {where}"

    def reversed(self) -> PageQuery:
        """The same rows in the exact reverse order."""
        return replace(self, order=self.order.reversed())

    @property
    def column_list(self) -> str:
        return ", ".join(f"[{k}]" for k in self.keys)


def page(db: Ledger, query: PageQuery, after: After | None, limit: int) -> list[Row]:
    """The next ``limit`` rows in the query's order and filter after ``after`` (None: from
    the first), in one query: reading on from a row costs the same wherever it is."""
    params = {**query.params(), "limit": limit}
    selected = query.selected(params)
    if after is not None:
        selected += f" and {query.order.after(*after, params, 'last')}"
    sql = f"select {query.column_list} {selected} order by {query.order.order_by()} limit :limit"
    return [tuple(r) for r in db.execute(sql, params).fetchall()]


def nth(db: Ledger, query: PageQuery, n: int) -> After | None:
    """The sort value and id of row ``n`` (0: the first) in the query's order and filter,
    reading only those two columns of the rows before it (None: fewer rows)."""
    params = {**query.params(), "skip": n}
    key = query.order.key or "id"
    order = query.order.order_by()
    sql = f"select [{key}], id {query.selected(params)} order by {order} limit 1 offset :skip"
    found = db.execute(sql, params).fetchone()
    return (found[0], int(found[1])) if found is not None else None


def rows_at(
    db: Ledger,
    query: PageQuery,
    first: int,
    limit: int,
    total: int,
    ends: tuple[After | None, After | None] = (None, None),
) -> list[Row]:
    """``limit`` rows from row ``first`` (0: the top) of the ``total`` the query selects.
    ``ends`` are the keys (sort value and id) of the row just before ``first`` and of the
    row just after the last wanted, when known: the rows are read on from the one or back
    from the other (one query, whatever the depth).  Otherwise they are found from the
    nearer end of the table, skipping over the two sort columns alone (two queries)."""
    before, after = ends
    if before is not None:
        return page(db, query, before, limit)
    if after is not None:
        return page(db, query.reversed(), after, limit)[::-1]
    from_end = total - first - limit
    if first <= from_end:
        start = nth(db, query, first - 1) if first > 0 else None
        return page(db, query, start, limit) if first == 0 or start else []
    backwards = query.reversed()
    start = nth(db, backwards, from_end - 1) if from_end > 0 else None
    return page(db, backwards, start, limit)[::-1] if from_end <= 0 or start else []


def count(db: Ledger, query: PageQuery) -> int:
    """How many rows the query's filter selects (one COUNT query)."""
    params = query.params()
    found = db.execute(f"select count(*) {query.selected(params, counted=True)}", params)
    return int(found.fetchone()[0])


def locate(db: Ledger, query: PageQuery, record_id: int, after: After | None) -> int | None:
    """How many rows lead up to ``record_id`` (it included) after ``after`` (None: from
    the first) in the query's order: reading that many more brings it in.  None when the
    filter leaves the record out or it does not exist (two queries)."""
    params = query.params()
    selected = query.selected(params, counted=True)
    sort_key = query.order.key or "id"
    target = db.execute(
        f"select [{sort_key}] {selected} and id = :target", {**params, "target": record_id}
    ).fetchone()
    if target is None:
        return None
    # the rows before it: those after it in the reverse order, a condition an index on
    # the sort column answers by ranges (its negation would be tested row by row)
    before = query.order.reversed().after(target[0], record_id, params, "target")
    between = f"select count(*) {selected} and {before}"
    if after is not None:
        between += f" and {query.order.after(*after, params, 'last')}"
    return int(db.execute(between, params).fetchone()[0]) + 1


def rows_by_id(db: Ledger, query: PageQuery, record_ids: Iterable[int]) -> list[Row]:
    """The rows of these records as the view shows them now, in no particular order
    (records deleted meanwhile are missing).  The filter is not applied."""
    wanted = {f"id{n}": record_id for n, record_id in enumerate(record_ids)}
    if not wanted:
        return []
    marks = ", ".join(f":{name}" for name in wanted)
    sql = f"select {query.column_list} from ({view_sql(query.view)}) where id in ({marks})"
    return [tuple(r) for r in db.execute(sql, {**query.params(), **wanted}).fetchall()]
