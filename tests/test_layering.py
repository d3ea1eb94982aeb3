"""The package's layers only depend downwards, as an import contract would enforce.

domain (pure) → store (SQLite) → services (use cases) → ui (Qt) → app / cli.
Every import statement in every module is read, including imports inside
functions, so a lazy import cannot slip past.  And no module above the store
writes SQL of its own: every write goes through the store's UnitOfWork.

Only the store talks to SQLite: no module above it imports ``sqlite3`` or
``sqlite_utils`` (they annotate with ``tracker.store.ledger.Ledger``) — except the
modules listed in ``SQLITE_DEBT``, written before the rule, which still do.  The list
may only shrink: a new module importing SQLite fails, and so does a listed module that
no longer needs to be listed.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"

QT = ("PySide6", "shiboken6", "pyqtgraph")

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": (
        "tracker.store",
        "tracker.services",
        "tracker.ui",
        "tracker.cli",
        "tracker.app",
        "sqlite3",
        "sqlite_utils",
        *QT,
    ),
    "store": ("tracker.services", "tracker.ui", "tracker.cli", "tracker.app", *QT),
    "services": ("tracker.ui", "tracker.cli", "tracker.app", *QT),
    "ui": ("tracker.cli", "tracker.app"),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(source: str, module_name: str, is_package: bool = False) -> list[tuple[int, str]]:
    """Absolute names of everything ``source`` imports, with line numbers."""
    tree = ast.parse(source)
    package = module_name.split(".")
    if not is_package:
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
    return found


def _violations(layer: str) -> list[str]:
    banned = FORBIDDEN[layer]
    problems = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for line, module in _imported(source, _module_name(path), path.name == "__init__.py"):
            if any(module == b or module.startswith(b + ".") for b in banned):
                problems.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    return problems


@pytest.mark.parametrize("layer", list(FORBIDDEN))
def test_layer_imports_only_from_the_layers_below(layer: str) -> None:
    assert _violations(layer) == []


def test_the_scanner_sees_relative_and_function_level_imports() -> None:
    source = "from ..ui import window\n\ndef later():\n    from PySide6 import QtCore\n"
    names = [module for _, module in _imported(source, "tracker.services.sample")]
    assert names == ["tracker.ui", "PySide6"]


WRITE_SQL = re.compile(
    r"\b(insert\s+(or\s+\w+\s+)?into|replace\s+into|delete\s+from|update\s+\w+\s+set)\b",
    re.IGNORECASE,
)
TABLE_WRITES = {"insert", "insert_all", "upsert", "upsert_all", "delete_where", "drop"}


def _write_sql_outside_the_store() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "store"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if WRITE_SQL.search(node.value):
                    problems.append(f"{where} writes SQL")
            elif (
                isinstance(node, ast.Attribute)
                and node.attr in TABLE_WRITES
                and isinstance(node.value, ast.Subscript)  # db["table"].insert(...)
            ):
                problems.append(f"{where} writes through a sqlite-utils table")
    return problems


def test_only_the_store_writes_sql() -> None:
    assert _write_sql_outside_the_store() == []


def test_the_write_pattern_recognises_sql_writes() -> None:
    for sql in ("INSERT INTO t VALUES (1)", "delete from t", "update deliveries set x = 1"):
        assert WRITE_SQL.search(sql)
    assert not WRITE_SQL.search("select id from deliveries where updated = 1")


SQLITE = ("sqlite3", "sqlite_utils")
# Modules above the store that still import SQLite themselves (mostly to annotate
# ``sqlite_utils.Database``): to migrate to ``tracker.store.ledger.Ledger`` and store
# read models.  Remove a module from here when it stops importing SQLite.
SQLITE_DEBT = frozenset(
    {
        "cli/audit_commands.py",
        "cli/check_cmd.py",
        "cli/kinds.py",
        "cli/ledger_cmd.py",
        "cli/main.py",
        "cli/pdf_cmd.py",
        "cli/registry_cmd.py",
        "cli/summary.py",
        "services/audit/context.py",
        "services/audit/engine.py",
        "services/audit/reports.py",
        "services/audit/review.py",
        "services/audit/settings.py",
        "services/audit/verification_csv.py",
        "services/audit/verifications.py",
        "services/contracts.py",
        "services/deliveries.py",
        "services/demo.py",
        "services/fulfilment.py",
        "services/invalidations.py",
        "services/own_names.py",
        "services/registry/attribution.py",
        "services/registry/importer.py",
        "services/registry/reconcile.py",
        "services/registry/rows.py",
        "services/reports/audit.py",
        "services/reports/claims.py",
        "services/reports/ledger.py",
        "services/reports/options.py",
        "services/reports/schedule.py",
        "services/reports/summary.py",
        "services/restatement.py",
        "services/retirements.py",
        "services/schedule.py",
        "services/series.py",
        "services/summary.py",
        "services/tracker_csv.py",
        "services/tracker_present.py",
        "services/undo.py",
        "ui/commands.py",
        "ui/files.py",
        "ui/ledger_store.py",
        "ui/reports/inputs.py",
        "ui/reports/registry_import.py",
    }
)


def _sqlite_importers() -> set[str]:
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "store"):
            continue
        source = path.read_text(encoding="utf-8")
        for _line, module in _imported(source, _module_name(path), path.name == "__init__.py"):
            if any(module == s or module.startswith(s + ".") for s in SQLITE):
                found.add(path.relative_to(PACKAGE).as_posix())
    return found


def test_only_the_store_imports_sqlite_apart_from_the_listed_debt() -> None:
    assert _sqlite_importers() - SQLITE_DEBT == set()


def test_the_debt_list_names_only_modules_that_still_import_sqlite() -> None:
    assert SQLITE_DEBT - _sqlite_importers() == set()


def test_ui_models_charts_audit_and_the_new_scale_modules_never_import_sqlite() -> None:
    clean = ("ui/models/", "ui/chart/", "ui/audit/", "domain/")
    new = {
        "services/synthetic.py",
        "services/synthetic_plan.py",
        "services/synthetic_write.py",
        "services/delivery_import.py",
        "cli/generate_cmd.py",
    }
    assert {m for m in _sqlite_importers() if m.startswith(clean) or m in new} == set()
