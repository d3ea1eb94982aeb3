"""Translations of the desktop app: English (the source) and Simplified Chinese.

The translation sources are ``resources/i18n/tracker_<lang>.ts`` (Qt Linguist files);
the compiled ``tracker_<lang>.qm`` files ship inside this package, so an installed app
finds them.  After changing user-visible strings, refresh both with::

    python -m tracker.i18n update

which runs PySide6's ``pyside6-lupdate`` over ``tracker/`` (new strings appear in the
``.ts`` files as unfinished, vanished ones are dropped) and ``pyside6-lrelease``.  The
English file holds only the plural forms of ``%n`` messages.  The command line stays
English; only the window is translated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCE_ROOT = PACKAGE_DIR.parents[1]
TS_DIR = SOURCE_ROOT / "resources" / "i18n"
LANGUAGES = ("en", "zh_CN")
SOURCE_LANGUAGE = "en"


def ts_path(language: str, directory: Path = TS_DIR) -> Path:
    return directory / f"tracker_{language}.ts"


def qm_path(language: str, directory: Path = PACKAGE_DIR) -> Path:
    return directory / f"tracker_{language}.qm"


def tool(name: str) -> str:
    """``pyside6-lupdate``/``pyside6-lrelease`` next to this Python, else on PATH."""
    suffix = ".exe" if sys.platform == "win32" else ""
    beside = Path(sys.executable).with_name(f"pyside6-{name}{suffix}")
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} not found (install PySide6-Essentials)")
    return found


def lupdate(target: Path, language: str, *, sources: Path | None = None) -> None:
    """Extract the messages of ``tracker/`` into ``target`` (merged if it exists)."""
    command = [
        tool("lupdate"),
        "-silent",
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en",
        "-target-language",
        language,
    ]
    if language == SOURCE_LANGUAGE:
        command.append("-pluralonly")
    command += [str(sources or PACKAGE_DIR.parent), "-ts", str(target)]
    subprocess.run(command, check=True, capture_output=True)


def lrelease(source: Path, target: Path) -> None:
    command = [tool("lrelease"), "-silent", "-removeidentical", str(source), "-qm", str(target)]
    subprocess.run(command, check=True, capture_output=True)


def english_plurals(ts_file: Path) -> int:
    """Fill the English plural forms of new ``%n`` messages: "row(s)" → "row" / "rows".

    Returns how many were filled; messages already translated are left as they are.
    """
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        for form in list(translation):
            translation.remove(form)
        for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type")
        filled += 1
    if filled:
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def update() -> None:
    """Refresh every ``.ts`` from the code, then compile every ``.qm``."""
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        target = ts_path(language)
        lupdate(target, language)
        if language == SOURCE_LANGUAGE and english_plurals(target):
            lupdate(target, language)  # back to lupdate's own layout
        lrelease(target, qm_path(language))


def release() -> None:
    """Compile the ``.ts`` files as they are (after editing translations)."""
    for language in LANGUAGES:
        lrelease(ts_path(language), qm_path(language))


# --- at run time --------------------------------------------------------------------

_installed: list[object] = []  # the QTranslators in use (kept alive here)


def system_language() -> str:
    """``zh_CN`` when the system prefers Chinese, else ``en``."""
    from PySide6.QtCore import QLocale

    for name in QLocale.system().uiLanguages():
        if name.replace("-", "_").lower().startswith("zh"):
            return "zh_CN"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def resolve(choice: str | None) -> str:
    """The language to show: ``en`` or ``zh_CN``; ``system``, empty or None follow the OS."""
    if choice in LANGUAGES:
        return str(choice)
    return system_language()


def window_locale(language: str) -> QLocale:
    """The ``QLocale`` of the window's numbers and dates: the system's locale when it is
    of the chosen language (British English writes 31/03/2026, American 3/31/2026), else
    the language's main one (``en`` → ``en_US``, ``zh_CN``).  Its formats are Qt's own
    for that locale, not the raw settings of the process (``LC_ALL=C`` would give C's)."""
    from PySide6.QtCore import QLocale

    chosen, system = QLocale(language), QLocale(QLocale.system().name())
    if system.language() == chosen.language() and system.script() == chosen.script():
        return system
    return chosen


def install(app: object, choice: str | None = None) -> str:
    """Load the window's translation for ``choice`` into ``app``; return the language.

    Qt's own strings (standard buttons, file dialogs) come from Qt's ``qtbase`` files;
    the window's from ``tracker_<lang>.qm`` (the English file holds the plural forms).
    Numbers and dates in the window follow the language's locale (``QLocale``).
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    assert isinstance(app, QCoreApplication)
    language = resolve(choice)
    for old in _installed:
        assert isinstance(old, QTranslator)
        app.removeTranslator(old)
    _installed.clear()
    locale = window_locale(language)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_folder), (qm_path(language).stem, str(PACKAGE_DIR))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(locale)
    return language
