"""Table tabs and the portfolio list: a sortable, filterable view over a lazy model."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.store import queries
from tracker.ui import labels
from tracker.ui.fit_columns import ColumnFitter
from tracker.ui.models.lazy_table import LazySqlTableModel
from tracker.ui.models.proxy import RecordFilterProxy

# Widest a column is fitted to: long serial blocks are elided at the left (the vintage and
# the range at their end stay visible; the tooltip has the whole block) so that the
# columns after them stay on screen at 1280×800.
MAX_COLUMN_WIDTH = 260
# The row filter runs in SQL over every record (a scan on a large ledger): apply it once
# typing pauses, or at once on Enter, rather than on every keystroke.
FILTER_DELAY_MS = 250


def make_view(proxy: RecordFilterProxy, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(proxy)
    # stored order until the user sorts (set before sorting is enabled, which applies it)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # arrows move between cells, Tab leaves the table
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    # columns are fitted to the rows in view, not to a thousand of a million-row table
    header.setResizeContentsPrecision(0)
    return view


class LeftElideDelegate(QStyledItemDelegate):
    """Elides at the left: a serial block keeps its vintage and range in view."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class RecordTablePanel(QWidget):
    """A tab: Add / Edit / Delete buttons, a search field and the table."""

    add_requested = Signal()
    edit_requested = Signal(int)  # record id
    delete_requested = Signal(int)

    def __init__(
        self, model: LazySqlTableModel, add_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = RecordFilterProxy(model, self)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(add_text, self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter rows"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(280)
        self.search.setMinimumWidth(72)
        self.count = QLabel(self)
        for widget in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(widget)
        self.bar = bar
        self._extra_buttons = 0
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.search)
        layout.addLayout(bar)
        self.view = make_view(self.proxy, self)
        self.search.setAccessibleName(self.tr("Filter rows"))
        self.search.setAccessibleDescription(
            self.tr("Shows the rows that contain this text in any column")
        )
        self.view.setAccessibleDescription(
            self.tr("Click a header to sort by it; Enter or double-click edits the row")
        )
        for column, spec in enumerate(model.columns):
            if spec.key == "serial_block":
                self.view.setItemDelegateForColumn(column, LeftElideDelegate(self.view))
        layout.addWidget(self.view)

        delete_key = QAction(self.tr("Delete"), self.view)
        delete_key.setShortcuts(QKeySequence.StandardKey.Delete)
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete_key.triggered.connect(self._delete)
        self.view.addAction(delete_key)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        # Enter on a row, or a double-click (which Qt also reports as activated), edits it
        self.view.activated.connect(lambda _index: self._edit())
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _text: self.filter_timer.start())
        self.search.returnPressed.connect(self._apply_filter)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._selected_before_reset: int | None = None
        self._fit_on_rows = True  # columns are fitted to the first rows read
        self._fit_when_shown = False
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._model_reset)
        model.pages_arrived.connect(self._pages_arrived)
        self._model_reset()

    def add_action_button(self, action: QAction) -> QPushButton:
        """A button after Delete… that triggers ``action`` and follows its enabled state."""
        button = QPushButton(action.text(), self)
        button.setEnabled(action.isEnabled())
        button.clicked.connect(lambda _checked=False: action.trigger())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        self._extra_buttons += 1
        self.bar.insertWidget(2 + self._extra_buttons, button)
        return button

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.record_id(rows[0].row()) if rows else None

    def select_record(self, record_id: int) -> bool:
        """Select and show ``record_id``, reading rows up to it if it is further down."""
        index = self.proxy.locate(record_id)
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def fit_columns(self) -> None:
        """Each column as wide as its header and the rows in view (up to the widest a
        column is fitted to); fitted again when the first rows arrive from the worker.  A
        hidden table (another tab) is fitted when it is shown and has rows in view."""
        if not self.isVisible():
            self._fit_when_shown = True
            return
        self._fit_when_shown = False
        self.view.resizeColumnsToContents()
        self._fit_on_rows = self.model.held_rows() == 0  # none read yet (or on their way)
        header = self.view.horizontalHeader()
        for column in range(header.count()):
            header.resizeSection(column, min(header.sectionSize(column) + 12, MAX_COLUMN_WIDTH))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_when_shown:
            self.fit_columns()

    def _apply_filter(self) -> None:
        self.filter_timer.stop()
        self.proxy.set_text(self.search.text())

    def _edit(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.edit_requested.emit(record_id)

    def _delete(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.delete_requested.emit(record_id)

    def _remember_selection(self) -> None:
        if not self.model.counting:  # while a count is on its way no row is selected
            self._selected_before_reset = self.selected_id()
            self.model.follow(self._selected_before_reset)

    def _model_reset(self) -> None:
        # a sorted table reads again after an edit (the row may move): keep it selected
        # wherever it went (two queries; found by the worker when it counted), unless
        # the filter now leaves it out
        kept = None if self.model.counting else self._selected_before_reset
        row = None
        if kept is not None:
            self._selected_before_reset = None
            row = self.model.found_row if self.model.counted_beside else self.model.locate(kept)
        if row is not None:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._update_buttons()
        self._update_count()
        if self._fit_on_rows and self.proxy.rowCount() > 0:
            self.fit_columns()

    def _pages_arrived(self) -> None:
        if self._fit_on_rows:
            self.fit_columns()

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _update_count(self, *_args: object) -> None:
        if self.model.counting:
            self.count.setText(self.tr("Counting…"))
            return
        if self.model.count_failed:
            self.count.setText(self.tr("Records: could not be counted"))
            return
        total = self.model.total_count()
        note = self.model.note()
        counted = self.tr("Records: {n}").format(n=QLocale().toString(total))
        self.count.setText(note or counted)


_NOTHING_YET = object()


class PortfolioPanel(QWidget):
    """The contract list with "All contracts" and filters by text, status, method, supplier."""

    contract_selected = Signal(object)  # int | None

    def __init__(self, model: LazySqlTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._announced: object = _NOTHING_YET  # the contract last announced to the window
        self.model = model
        self.proxy = RecordFilterProxy(model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search contracts"))
        self.search.setAccessibleName(self.tr("Search contracts"))
        self.search.setAccessibleDescription(
            self.tr("Shows the contracts that contain this text, e.g. a reference or supplier")
        )
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        self.status = self._combo(self.tr("Any status"), labels.status_labels())
        self.method = self._combo(self.tr("Any method"), labels.method_labels())
        self.supplier = QComboBox(self)
        self.supplier.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.supplier.setMinimumContentsLength(8)
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.method.setAccessibleName(self.tr("Filter by method"))
        self.supplier.setAccessibleName(self.tr("Filter by supplier"))
        self.status.setAccessibleDescription(self.tr("Shows only the contracts in this status"))
        self.method.setAccessibleDescription(self.tr("Shows only the contracts of this method"))
        self.supplier.setAccessibleDescription(self.tr("Shows only this supplier's contracts"))
        filters.addWidget(self.status)
        filters.addWidget(self.method)
        layout.addLayout(filters)
        layout.addWidget(self.supplier)
        self.view = make_view(self.proxy, self)
        self.view.setAccessibleName(self.tr("Contracts"))
        self.view.setAccessibleDescription(
            self.tr("Choose a contract to show it in every tab; the first row is all of them")
        )
        for key in ("method", "tonnes_kg"):  # filtered above / shown in the Overview
            self.view.setColumnHidden(model.column_of(key), True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.resizeColumnsToContents()  # also settles the hidden sections at width 0
        # every visible column fits the pane: when it is narrow the supplier is elided,
        # then left out (it is in the Overview heading), and only then the contract and
        # the status elided
        supplier, reference = model.column_of("supplier"), model.column_of("reference")
        status = model.column_of("status")
        self.columns = ColumnFitter(
            self.view,
            give_way=[
                (supplier, 72),
                (supplier, None),
                (reference, 96),
                (status, 60),
                (reference, 72),
            ],
            growing=[supplier, reference],
        )
        layout.addWidget(self.view)

        self.search.textChanged.connect(self.proxy.set_text)
        self.status.currentIndexChanged.connect(
            lambda _i: self.proxy.set_exact("status", self.status.currentData())
        )
        self.method.currentIndexChanged.connect(
            lambda _i: self.proxy.set_exact("method", self.method.currentData())
        )
        self.supplier.currentIndexChanged.connect(
            lambda _i: self.proxy.set_exact("supplier", self.supplier.currentData())
        )
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        model.modelReset.connect(self._fill_suppliers)
        model.dataChanged.connect(lambda *_args: self._fill_suppliers())
        self._fill_suppliers()
        self.view.selectRow(0)

    def select_contract(self, contract_id: int | None) -> bool:
        if contract_id is None:  # "All contracts", the first row
            if self.proxy.rowCount() and self.proxy.record_id(0) is None:
                self.view.selectRow(0)
                return True
            return False
        index = self.proxy.locate(contract_id)
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        return True

    def _combo(self, any_text: str, choices: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # long labels elide rather than widen the pane
        combo.addItem(any_text, None)
        for code, label in choices.items():
            combo.addItem(label, code)
        return combo

    def _fill_suppliers(self) -> None:
        chosen = self.supplier.currentData()
        suppliers = queries.suppliers(self.model.store.db)
        self.supplier.blockSignals(True)
        self.supplier.clear()
        self.supplier.addItem(self.tr("Any supplier"), None)
        for name in suppliers:
            self.supplier.addItem(name, name)
        found = self.supplier.findData(chosen) if chosen else 0
        self.supplier.setCurrentIndex(max(found, 0))
        self.supplier.blockSignals(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        contract_id = self.proxy.record_id(current.row()) if current.isValid() else None
        if contract_id == self._announced:
            return  # the same contract re-selected after a reload: nothing to redraw
        self._announced = contract_id
        self.contract_selected.emit(contract_id)
