"""View ▸ Language and View ▸ Theme: the window's preferences, kept in Qt's settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from tracker.ui import settings, theming


class PreferencesMenu(QObject):
    """Adds Language and Theme submenus; a language applies from the next start."""

    def __init__(self, window: QMainWindow, on_theme: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.on_theme = on_theme
        self.language_actions: dict[str, QAction] = {}
        self.theme_actions: dict[str, QAction] = {}

    def fill(self, menu: QMenu) -> None:
        languages = menu.addMenu(self.tr("&Language"))
        languages.menuAction().setObjectName("language_menu")
        names = {
            "system": self.tr("As the system"),
            "en": "English",  # each language is named in itself
            "zh_CN": "简体中文",
        }
        self.language_actions = self._choices(
            languages, names, settings.language(), self._set_language
        )
        themes = menu.addMenu(self.tr("T&heme"))
        themes.menuAction().setObjectName("theme_menu")
        theme_names = {
            "system": self.tr("As the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        self.theme_actions = self._choices(themes, theme_names, settings.theme(), self._set_theme)

    def _choices(
        self,
        menu: QMenu,
        names: dict[str, str],
        current: str,
        choose: Callable[[str], None],
    ) -> dict[str, QAction]:
        group = QActionGroup(menu)
        group.setExclusive(True)
        actions = {}
        for code, name in names.items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: choose(c))
            actions[code] = action
        return actions

    def _set_language(self, code: str) -> None:
        settings.set_language(code)
        self.window.statusBar().showMessage(
            self.tr("The language changes the next time Carbon Tracker starts."), 8000
        )

    def _set_theme(self, code: str) -> None:
        settings.set_theme(code)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theming.apply(app, code)
        self.on_theme()
