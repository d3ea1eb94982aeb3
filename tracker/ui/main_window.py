"""The main window: portfolio list on the left, Overview / Schedule / Deliveries /
Retirements / Flags / History tabs on the right, menus, undo/redo and status bar."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import NotFoundError
from tracker.services.demo import load_demo
from tracker.services.undo import record_as_stored
from tracker.store.unit_of_work import set_busy_notice
from tracker.ui import numbers, settings
from tracker.ui.audit.window_audit import WindowAudit
from tracker.ui.chart import ChartPanel
from tracker.ui.column_prefs import remember_columns
from tracker.ui.daily_backup import DailyBackup
from tracker.ui.dialogs.as_of import AsOfDialog
from tracker.ui.errors import guarded
from tracker.ui.file_menu import build_file_menu
from tracker.ui.files import FileController
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.ledger_tables import (
    ContractsModel,
    DeliveriesModel,
    InvalidationsModel,
    RetirementsModel,
)
from tracker.ui.models.schedule_table import ScheduleModel
from tracker.ui.overview import OverviewPanel
from tracker.ui.preferences_menu import PreferencesMenu
from tracker.ui.record_actions import RecordActions
from tracker.ui.reports.window_reports import WindowReports
from tracker.ui.tables import PortfolioPanel, RecordTablePanel
from tracker.ui.undo_actions import UndoActions
from tracker.ui.welcome import show_getting_started

TAB_NAMES = (
    "overview", "schedule", "deliveries", "retirements", "invalidations", "flags", "history",
)  # fmt: skip
PORTFOLIO_WIDTH = 400
TAB_OF_TABLE = {
    "contracts": "overview",
    "tranches": "schedule",
    "deliveries": "deliveries",
    "retirements": "retirements",
    "invalidations": "invalidations",
}


class MainWindow(QMainWindow):
    contract_changed = Signal(object)  # int | None, after every tab shows it
    _busy_on_worker = Signal()  # a worker's write waits for another program (queued here)
    # the File menu's actions (``file_menu.build_file_menu``)
    new_action: QAction
    open_action: QAction
    save_copy_action: QAction
    export_chart_action: QAction
    backup_action: QAction
    restore_action: QAction
    check_db_action: QAction
    recent_menu: QMenu

    def __init__(self, store: LedgerStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.chart: ChartPanel | None = None
        self.contract_id: int | None = None
        self.files = FileController(store, self)

        self.contracts_model = ContractsModel(store, self)
        self.portfolio = PortfolioPanel(self.contracts_model, self)
        self.overview = OverviewPanel(store, self)
        self.schedule = RecordTablePanel(ScheduleModel(store, self), self.tr("Add tranche…"), self)
        self.deliveries = RecordTablePanel(
            DeliveriesModel(store, self), self.tr("Add delivery…"), self
        )
        self.retirements = RecordTablePanel(
            RetirementsModel(store, self), self.tr("Retire credits…"), self
        )
        self.invalidations = RecordTablePanel(
            InvalidationsModel(store, self), self.tr("Record invalidation…"), self
        )
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        tab_titles = {
            "overview": self.tr("Overview"),
            "schedule": self.tr("Schedule"),
            "deliveries": self.tr("Deliveries"),
            "retirements": self.tr("Retirements"),
            "invalidations": self.tr("Invalidations"),
            "flags": self.tr("Flags"),
            "history": self.tr("History"),
        }
        placeholders = {
            "flags": self.tr("Audit flags will be listed here."),
            "history": self.tr("The change history will be listed here."),
        }
        widgets: dict[str, QWidget] = {
            "overview": self.overview,
            "schedule": self.schedule,
            "deliveries": self.deliveries,
            "retirements": self.retirements,
            "invalidations": self.invalidations,
        }
        for name in ("schedule", "deliveries", "retirements", "invalidations"):
            view = widgets[name].view  # type: ignore[attr-defined]
            view.setAccessibleName(tab_titles[name])
            remember_columns(view, name)
        for name in TAB_NAMES:
            widget = widgets.get(name) or self._placeholder(name, placeholders[name])
            self.tabs.addTab(widget, tab_titles[name])
        self.tabs.currentChanged.connect(self._activate_shown_tables)
        self._activate_shown_tables()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.portfolio)
        splitter.addWidget(self.tabs)
        # the contract list keeps its width while the window or the tab contents change
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([PORTFOLIO_WIDTH, 1280 - PORTFOLIO_WIDTH])
        self.portfolio.setMinimumWidth(260)
        self.setCentralWidget(splitter)

        self.records = RecordActions(self)
        self._build_menus()
        self._build_status_bar()

        self.portfolio.contract_selected.connect(self.set_contract)
        store.changed.connect(self._on_changed)
        store.reset.connect(self._on_reset)
        self._busy_on_worker.connect(self._say_busy, Qt.ConnectionType.QueuedConnection)
        set_busy_notice(self._show_busy)
        store.external_change.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Reloaded: the ledger was changed by another program."), 10_000
            )
        )
        store.as_of_changed.connect(lambda _day: self._update_status())
        self._update_title()
        self._update_status()
        self.attach_chart(ChartPanel(store, self.overview))
        self.daily_backup = DailyBackup(store, self)  # on a worker, once the window is up
        self.audit = WindowAudit(self)
        self.audit.fill_records_menu(self.records_menu)
        self.audit.fill_tools_menu(self.tools_menu)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.check_db_action)
        self.reports = WindowReports(self)
        self.reports.fill_menu(self.reports_menu)
        welcome = self.overview.welcome
        welcome.demo_requested.connect(guarded(self, self.load_demo_portfolio))
        welcome.import_requested.connect(lambda: self.reports.open_registry_import())
        welcome.new_contract_requested.connect(lambda: self.records.new_contract())

    # --- public ------------------------------------------------------------------------

    @property
    def record_panels(self) -> tuple[RecordTablePanel, ...]:
        return (self.schedule, self.deliveries, self.retirements, self.invalidations)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    def _activate_shown_tables(self, *_: object) -> None:
        """Only the table in view follows every change at once; the others catch up
        when their tab is shown."""
        shown = self.tabs.currentWidget()
        for panel in self.record_panels:
            panel.model.set_active(panel is shown)

    def tab_widget(self, name: str) -> QWidget:
        widget = self.tabs.widget(TAB_NAMES.index(name))
        assert widget is not None  # every name has its tab
        return widget

    def replace_tab(self, name: str, widget: QWidget) -> None:
        """Put ``widget`` in place of a tab (e.g. the Flags or History panel)."""
        index = TAB_NAMES.index(name)
        title = self.tabs.tabText(index)
        current = self.tabs.currentIndex()
        old = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(current)
        if old is not None:
            old.deleteLater()
        follow = getattr(widget, "set_contract", None)
        if callable(follow):  # the panel follows the contract in view from now on
            follow(self.contract_id)

    def attach_chart(self, chart: ChartPanel) -> None:
        """Embed the delivery chart in the Overview tab, below the figures."""
        self.chart = chart
        self.overview.set_chart(chart)
        chart.set_contract(self.contract_id)
        self.export_chart_action.setEnabled(True)

    def set_contract(self, contract_id: int | None) -> None:
        """Show one contract (or None for the whole portfolio) in every tab."""
        self.contract_id = contract_id
        self.overview.set_contract(contract_id)
        for panel in self.record_panels:
            panel.model.set_contract(contract_id)
            # one contract in view: its reference is in the heading, not on every row
            panel.view.setColumnHidden(panel.model.column_of("contract"), contract_id is not None)
            panel.fit_columns()
        if self.chart is not None:
            self.chart.set_contract(contract_id)
        for name in ("flags", "history"):
            follow = getattr(self.tab_widget(name), "set_contract", None)
            if callable(follow):
                follow(contract_id)
        self.records.update_enabled()
        self.contract_changed.emit(contract_id)

    def navigate_to(self, table: str, record_id: int) -> bool:
        """Show a record: select its contract, open its tab and select its row."""
        if table not in TAB_OF_TABLE:
            return False
        try:
            row = record_as_stored(self.store.db, table, record_id)
        except NotFoundError:
            return False
        self.select_contract(record_id if table == "contracts" else row["contract_id"])
        self.show_tab(TAB_OF_TABLE[table])
        panel = {
            "tranches": self.schedule,
            "deliveries": self.deliveries,
            "retirements": self.retirements,
            "invalidations": self.invalidations,
        }.get(table)
        return panel.select_record(record_id) if panel is not None else True

    def choose_as_of(self) -> AsOfDialog:
        """Ask for the date figures are computed for (a fixed date, or today)."""
        dialog = AsOfDialog(self.store.as_of, self.store.as_of_is_fixed, self)
        dialog.accepted.connect(lambda: self.store.set_as_of(dialog.chosen()))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def load_demo_portfolio(self) -> None:
        """The welcome page's first button: the illustrative demo contracts."""
        self.store.notify(load_demo(self.store.db))
        self.select_contract(None)

    def select_contract(self, contract_id: int | None) -> None:
        if not self.portfolio.select_contract(contract_id):
            self.portfolio.select_contract(None)

    # --- window ------------------------------------------------------------------------

    def _placeholder(self, name: str, text: str) -> QWidget:
        label = QLabel(text, self)
        label.setObjectName(f"placeholder_{name}")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: palette(placeholder-text);")
        return label

    def _build_menus(self) -> None:
        bar = self.menuBar()
        build_file_menu(self, bar)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_steps = UndoActions(self.store, self)
        self.undo_action, self.redo_action = (
            self.undo_steps.undo_action,
            self.undo_steps.redo_action,
        )
        edit_menu.addActions(self.undo_steps.actions)
        edit_menu.addSeparator()
        find_action = self._action(self.tr("&Find contract"), QKeySequence.StandardKey.Find)
        find_action.triggered.connect(lambda _checked=False: self.portfolio.search.setFocus())
        edit_menu.addAction(find_action)

        self.records_menu = bar.addMenu(self.tr("&Records"))
        self.records.fill_menu(self.records_menu)

        self.reports_menu = bar.addMenu(self.tr("Re&ports"))

        view_menu = bar.addMenu(self.tr("&View"))
        self.as_of_action = self._action(self.tr("Figures &as of…"))
        self.as_of_action.triggered.connect(lambda _checked=False: self.choose_as_of())
        view_menu.addAction(self.as_of_action)
        view_menu.addSeparator()
        for number, name in enumerate(TAB_NAMES, start=1):
            action = self._action(self.tabs.tabText(number - 1))
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, n=name: self.show_tab(n))
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.preferences = PreferencesMenu(self, self._on_theme)
        self.preferences.fill(view_menu)

        self.tools_menu = bar.addMenu(self.tr("&Tools"))
        help_menu = bar.addMenu(self.tr("&Help"))
        self.getting_started_action = self._action(self.tr("&Getting started"))
        self.getting_started_action.setShortcuts(QKeySequence.StandardKey.HelpContents)
        self.getting_started_action.triggered.connect(
            lambda _checked=False: show_getting_started(self)
        )
        help_menu.addAction(self.getting_started_action)

    def _action(self, text: str, key: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcuts(key)
        self.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        self.file_label = QLabel(self)
        self.file_label.setObjectName("status_file")
        self.as_of_label = QLabel(self)
        self.as_of_label.setObjectName("status_as_of")
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.as_of_label)

    def _update_title(self) -> None:
        name = self.store.path.name if self.store.path else self.tr("(in memory)")
        if self.store.read_only:
            name = self.tr("{file} (read-only)").format(file=name)
        self.setWindowTitle(self.tr("{file} — Carbon Tracker").format(file=name))

    def _update_status(self) -> None:
        path = str(self.store.path) if self.store.path else self.tr("(in memory)")
        self.file_label.setText(self.tr("Ledger: {path}").format(path=path))
        self.as_of_label.setText(
            self.tr("Figures as of {date}").format(date=numbers.day(self.store.as_of))
        )

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.contract_id is not None and ("contracts", self.contract_id) in changes.deleted:
            self.select_contract(None)
        elif self.contract_id is not None:
            self.select_contract(self.contract_id)  # keep the selection across reloads
        self.records.update_enabled()

    def _show_busy(self) -> None:
        """A write is waiting for another program: say so before the wait.  A worker's
        write (an import) says so through the GUI thread, which alone may touch widgets."""
        if threading.current_thread() is not threading.main_thread():
            self._busy_on_worker.emit()  # no other Qt call here: this is a pool thread
            return
        self._say_busy()

    def _say_busy(self) -> None:
        self.statusBar().showMessage(
            self.tr("Another program is writing to the ledger; waiting for it to finish…"), 5_000
        )
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _on_theme(self) -> None:
        """Redraw what paints its own colours after the theme changed."""
        if self.chart is not None:
            self.chart.apply_theme()
        self.set_contract(self.contract_id)  # cards and tables pick their colours again

    def _on_reset(self) -> None:
        self.select_contract(None)
        self._update_title()
        self._update_status()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_geometry(self.saveGeometry(), self.saveState())
        super().closeEvent(event)

    def restore_geometry(self) -> bool:
        geometry, state = settings.saved_geometry()
        if geometry is None:
            return False
        self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        return True
