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

Nor does any module above the store read with SQL: no string it builds holds a query
(``select … from``, ``pragma``, ``with name as (``) and it runs none (``execute``,
``query``, sqlite-utils' ``rows_where`` …); it calls the store's read models instead
(``record_pages`` for the tables, ``rule_inputs`` for the audit, ``portfolio``,
``chart_reads`` …).  ``SQL_READ_DEBT`` lists the modules written before that rule, on
the same terms: it may only shrink.
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
# Modules above the store that still import SQLite themselves (written before the rule):
# remove a module from here when it stops importing SQLite.  Empty: every module above
# the store annotates with ``tracker.store.ledger.Ledger`` and catches ``LedgerError``.
SQLITE_DEBT: frozenset[str] = frozenset()


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


READ_SQL = re.compile(
    r"\bselect\b[\s\S]*\bfrom\b"
    r"|\bpragma\b"
    r"|\bwith\s+(recursive\s+)?\w+\s+as\s*(not\s+)?(materialized\s*)?\(",
    re.IGNORECASE,
)
# Calls that run SQL (a sqlite3 / sqlite-utils connection, or a sqlite-utils table).
RUNS_SQL = {
    "execute",
    "executemany",
    "executescript",
    "query",
    "rows_where",
    "pks_and_rows_where",
    "count_where",
}
# Modules above the store that still read with SQL (written before the rule): remove a
# module from here when it stops.  Empty: every read goes through a store read model.
SQL_READ_DEBT: frozenset[str] = frozenset()


def _docstrings(tree: ast.AST) -> set[int]:
    """Ids of the string statements (docstrings and the like): prose, never run."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant | ast.JoinedStr)
    }


def _text(node: ast.AST) -> str | None:
    """The text a string expression builds (``{}`` for each value formatted into it):
    a literal, an f-string, or literals and f-strings joined with ``+``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
            for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is not None or right is not None:
            return (left or "{}") + (right or "{}")
    return None


def _sql_reads(source: str) -> list[tuple[int, str]]:
    """(line, what) of every SQL read in ``source``: a query in a string, or a call that
    runs SQL."""
    tree = ast.parse(source)
    prose = _docstrings(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in RUNS_SQL:
                found.append((line, f"runs SQL (.{node.func.attr})"))
        elif id(node) not in prose and isinstance(node, ast.Constant | ast.JoinedStr | ast.BinOp):
            text = _text(node)
            if text is not None and READ_SQL.search(text):
                found.append((line, "holds an SQL query"))
    return sorted(set(found))


def _sql_readers() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "store"):
            continue
        reads = _sql_reads(path.read_text(encoding="utf-8"))
        if reads:
            module = path.relative_to(PACKAGE).as_posix()
            found[module] = [f"{module}:{line} {what}" for line, what in reads]
    return found


def test_only_the_store_reads_with_sql_apart_from_the_listed_debt() -> None:
    readers = _sql_readers()
    assert [p for m in sorted(set(readers) - SQL_READ_DEBT) for p in readers[m]] == []


def test_the_sql_read_debt_list_names_only_modules_that_still_read_with_sql() -> None:
    assert SQL_READ_DEBT - set(_sql_readers()) == set()


@pytest.mark.parametrize(
    "sql",
    [
        "select id from deliveries where contract_id = ?",
        "SELECT count(*)\n  FROM contracts",
        "select distinct supplier from contracts order by supplier",
        "PRAGMA data_version",
        "pragma foreign_keys = on",
        "with w as (select 1) select * from w",
        "\nwith\n positions as materialized (select 1)",
        "with pos as not materialized (select 1)",
        "WITH RECURSIVE n AS (select 1)",
    ],
)
def test_the_read_pattern_recognises_sql_reads(sql: str) -> None:
    assert READ_SQL.search(sql)


@pytest.mark.parametrize(
    "text", ["Delivered on", "{n} deliveries selected", "with the contract's price", "from {day}"]
)
def test_the_read_pattern_leaves_plain_text_alone(text: str) -> None:
    assert not READ_SQL.search(text)


def test_the_read_scanner_sees_built_queries_and_calls_but_not_docstrings() -> None:
    source = (
        '"""Reads with select x from y, in prose."""\n'
        "def f(db, table, where):\n"
        '    """select * from t: a docstring."""\n'
        '    sql = f"select id from {table} " + "where " + where\n'
        '    part = "select id, " + f"name from {table}"\n'
        "    return db.execute(sql), db[table].rows_where(where)\n"
    )
    assert _sql_reads(source) == [
        (4, "holds an SQL query"),
        (5, "holds an SQL query"),
        (6, "runs SQL (.execute)"),
        (6, "runs SQL (.rows_where)"),
    ]
