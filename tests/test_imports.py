"""Every module below the window imports on its own, in a fresh interpreter: no import
cycle waits for a caller to have imported the modules in the right order first."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"
LAYERS = ("domain", "store", "services", "cli")


def _modules() -> list[str]:
    found = []
    for layer in LAYERS:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found.append(".".join(parts))
    return found


def _import_alone(name: str) -> str:
    """Why ``name`` does not import in a fresh interpreter ('' when it does)."""
    done = subprocess.run(
        [sys.executable, "-c", f"import {name}"],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
    )
    return f"{name}: {done.stderr.strip().splitlines()[-1]}" if done.returncode else ""


def test_every_module_imports_first() -> None:
    modules = _modules()
    assert len(modules) > 60
    # each in a fresh process (a module imported earlier would hide a cycle), a few at once
    with ThreadPoolExecutor(max_workers=4) as pool:
        failed = [why for why in pool.map(_import_alone, modules) if why]
    assert failed == []
