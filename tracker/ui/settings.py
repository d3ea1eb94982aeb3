"""Window preferences kept in Qt's settings: geometry, last file, recent files.

Never business data: that lives only in the ledger file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "carbon-tracker"
APPLICATION = "Carbon Tracker"
MAX_RECENT = 8


def settings() -> QSettings:
    """The app's settings in INI format (tests redirect them with ``QSettings.setPath``)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def recent_files() -> list[Path]:
    value = settings().value("files/recent", [])
    if isinstance(value, str):  # INI files keep a list of one as a plain value
        value = [value]
    items = list(value) if isinstance(value, list | tuple) else []
    return [Path(p) for p in items if p]


def remember_file(path: Path) -> None:
    store = settings()
    text = str(Path(path).resolve())
    recent = [text, *(str(p) for p in recent_files() if str(p) != text)][:MAX_RECENT]
    store.setValue("files/recent", recent)
    store.setValue("files/last", text)


def last_file() -> Path | None:
    value = settings().value("files/last", "")
    return Path(str(value)) if value else None


def language() -> str:
    """The window's language as chosen in View ▸ Language: ``en``, ``zh_CN`` or ``system``."""
    return str(settings().value("ui/language", "system") or "system")


def set_language(value: str) -> None:
    settings().setValue("ui/language", value)


def theme() -> str:
    """The colour scheme chosen in View ▸ Theme: ``light``, ``dark`` or ``system``."""
    return str(settings().value("ui/theme", "system") or "system")


def set_theme(value: str) -> None:
    settings().setValue("ui/theme", value)


def save_geometry(geometry: QByteArray, state: QByteArray) -> None:
    store = settings()
    store.setValue("window/geometry", geometry)
    store.setValue("window/state", state)


def saved_geometry() -> tuple[QByteArray | None, QByteArray | None]:
    store = settings()
    geometry = store.value("window/geometry")
    state = store.value("window/state")
    return (
        geometry if isinstance(geometry, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )


def undo_limit(default: int) -> int:
    """How many steps Edit → Undo keeps (``undo/limit`` in the settings; 0 = unlimited)."""
    value = settings().value("undo/limit", default)
    try:
        return max(0, int(str(value)))
    except (TypeError, ValueError):
        return default
