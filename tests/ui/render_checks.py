"""What a rendered window or dialog must not show: text cut short although its column
could be widened, and widgets drawn (partly) outside their parent.

The checks read geometry and size hints only, never glyph shapes, so they hold whatever
font the machine has (Chinese text rendered as boxes is measured like any other).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

from tracker.ui.tables import MAX_COLUMN_WIDTH


def _visible_sections(header: QHeaderView) -> list[int]:
    return [c for c in range(header.count()) if not header.isSectionHidden(c)]


def _wanted(header: QHeaderView, view: QAbstractItemView | None, column: int) -> int:
    """The width the column's header and the cells in view need to show whole."""
    wanted = header.sectionSizeHint(column)
    if isinstance(view, QTableView | QTreeView):
        wanted = max(wanted, view.sizeHintForColumn(column))
    return wanted


def _room(header: QHeaderView, view: QAbstractItemView | None) -> int:
    """Width the header could still give: what is left after the last section, plus what
    a stretched last section has beyond its own needs."""
    sections = _visible_sections(header)
    if not sections:
        return 0
    used = sum(header.sectionSize(c) for c in sections)
    room = header.viewport().width() - used
    last = max(sections, key=header.visualIndex)
    if header.stretchLastSection():
        room += max(header.sectionSize(last) - _wanted(header, view, last), 0)
    return max(room, 0)


def _scrolls_sideways(view: QAbstractItemView | None) -> bool:
    if view is None or view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return False
    return view.horizontalScrollBar().maximum() > 0


def elided_columns(header: QHeaderView) -> list[str]:
    """Columns whose header or cell text is cut short although the header has the room
    to show it whole (left over after its sections, or spare in a stretched last one).

    A table that scrolls sideways has room for any column: there only a column held at
    the widest a column is fitted to (``MAX_COLUMN_WIDTH``, e.g. a long serial block that
    is elided at the left) may be cut."""
    parent = header.parentWidget()
    view = parent if isinstance(parent, QAbstractItemView) else None
    room = _room(header, view)
    if _scrolls_sideways(view):
        room = 1 << 20
    sections = _visible_sections(header)
    last = max(sections, key=header.visualIndex) if sections else -1
    model = header.model()
    found = []
    for column in sections:
        if column == last and header.stretchLastSection():
            continue  # it takes what is left; its spare room is counted above
        short = _wanted(header, view, column) - header.sectionSize(column)
        if room > header.viewport().width() and header.sectionSize(column) >= MAX_COLUMN_WIDTH:
            continue  # held at the widest, in a table that scrolls sideways
        if 0 < short <= room:
            title = model.headerData(column, header.orientation(), Qt.ItemDataRole.DisplayRole)
            found.append(f"{title} (short by {short}px, {room}px free)")
    return found


def cut_cells(view: QTableView, column: int, rows: list[int]) -> list[str]:
    """Cells of ``column`` (in ``rows``) whose text needs more width than the column has:
    drawn elided ("tranche due 12/31/20…")."""
    model = view.model()
    found = []
    for row in rows:
        index = model.index(row, column)
        needed, width = view.sizeHintForIndex(index).width(), view.columnWidth(column)
        if needed > width:
            found.append(f"{index.data()!r} cut: needs {needed}px, column {width}px")
    return found


def columns_out_of_reach(header: QHeaderView) -> list[str]:
    """Columns that end past the edge of a view that cannot scroll sideways."""
    view = header.parentWidget()
    if not isinstance(view, QAbstractItemView):
        return []
    if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return []
    width = header.viewport().width()
    model = header.model()
    return [
        f"{model.headerData(c, header.orientation(), Qt.ItemDataRole.DisplayRole)} ends at "
        f"{header.sectionViewportPosition(c) + header.sectionSize(c)}px of {width}px"
        for c in _visible_sections(header)
        if header.sectionViewportPosition(c) + header.sectionSize(c) > width
    ]


def clipped_labels(top: QWidget) -> list[str]:
    """Visible labels whose text needs more room than they were given (a wrapped text
    cut at the bottom, a single line cut at the right)."""
    found = []
    for label in top.findChildren(QLabel):
        if not label.isVisibleTo(top) or not label.text() or label.window() is not top:
            continue
        if _scrolled_content(label):
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            short = needed - label.height()
        else:
            short = label.minimumSizeHint().height() - label.height()
        if short > 1:
            found.append(f"label {label.text()[:40]!r} cut by {short}px")
    return found


def clipped_buttons(top: QWidget) -> list[str]:
    """Visible push buttons narrower than their text needs."""
    return [
        f"button {b.text()!r} short by {b.sizeHint().width() - b.width()}px"
        for b in top.findChildren(QPushButton)
        if b.isVisibleTo(top)
        and b.window() is top
        and b.text()
        and b.width() < b.sizeHint().width() - 1
    ]


def clipped_combos(top: QWidget) -> list[str]:
    """Visible combo boxes whose current choice is wider than the box shows."""
    found = []
    for combo in top.findChildren(QComboBox):
        if not combo.isVisibleTo(top) or combo.window() is not top or not combo.currentText():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            combo,
        )
        short = combo.fontMetrics().horizontalAdvance(combo.currentText()) - field.width()
        if short > 1:
            found.append(f"choice {combo.currentText()[:40]!r} cut by {short}px")
    return found


def _scrolled_content(widget: QWidget) -> bool:
    """A scroll area's content may extend past its viewport (that is scrolling)."""
    parent = widget.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    return isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent


def outside_parent(top: QWidget) -> list[str]:
    """Visible widgets of ``top`` (itself a window) drawn partly outside their parent."""
    found = []
    for widget in top.findChildren(QWidget):
        parent = widget.parentWidget()
        if parent is None or widget.isWindow() or isinstance(widget, QMenu):
            continue
        if not widget.isVisibleTo(top) or widget.window() is not top:
            continue
        if _scrolled_content(widget):
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        if not parent.rect().contains(widget.geometry()):
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} at {widget.geometry()} "
                f"outside its {type(parent).__name__} {parent.objectName()!r} "
                f"{parent.rect()}"
            )
    return found
