"""Column descriptions and how a raw stored value is shown in a table cell."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt

from tracker.store.row_query import SearchColumn, ValueKind
from tracker.ui import numbers

RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the stored value: int kg, ISO date text, code
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the record id (None for a synthetic row)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


# What a column stores, as the store's read models sort and search it: TEXT, DATE (ISO
# text, shown in the locale's date format), TONNES (integer kilograms, shown as grouped
# tonnes with "t"), PRICE (integer 1/10,000 units, shown with the row's currency per
# tonne), NUMBER (a plain integer such as a vintage year) and CHOICE (a vocabulary code,
# shown by its label).
Kind = ValueKind


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the SQL column alias
    title: str  # translated header text
    kind: Kind = Kind.TEXT
    labels: Mapping[str, str] = field(default_factory=dict)  # for CHOICE columns
    currency_key: str = "currency"  # for PRICE columns
    empty: str = ""  # shown for a missing value (e.g. "serials pending")

    @property
    def numeric(self) -> bool:
        return self.kind in (Kind.TONNES, Kind.PRICE, Kind.NUMBER)

    def search(self) -> SearchColumn:
        """The column as the store's read models sort and search it."""
        return SearchColumn(self.key, self.kind, self.labels)


def display_text(column: Column, raw: object, row: Mapping[str, object]) -> str:
    """What a cell shows for ``raw``; empty text for a missing value."""
    if raw is None or raw == "":
        return column.empty
    if column.kind is Kind.TONNES:
        tonnes = numbers.tonnes(int(raw))  # type: ignore[call-overload]
        return QCoreApplication.translate("Units", "{tonnes} t").format(tonnes=tonnes)
    if column.kind is Kind.PRICE:
        price = numbers.price(int(raw))  # type: ignore[call-overload]
        currency = row.get(column.currency_key) or ""
        return QCoreApplication.translate("Units", "{price} {currency}/t").format(
            price=price, currency=currency
        )
    if column.kind is Kind.CHOICE:
        return column.labels.get(str(raw), str(raw))
    if column.kind is Kind.DATE:
        return numbers.day(str(raw))  # stored ISO, shown in the locale's form
    return str(raw)


def alignment(column: Column) -> Qt.AlignmentFlag:
    return RIGHT if column.numeric else LEFT
