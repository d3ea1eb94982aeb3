"""The README's first two commands are a promise; CI runs exactly the second one."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text())


def test_ci_runs_the_readmes_test_command() -> None:
    test_command = _readme_commands()[1]
    assert test_command in (ROOT / ".ci" / "run").read_text().splitlines()


def test_the_first_command_runs_the_app() -> None:
    assert _readme_commands()[0].endswith(".venv/bin/carbon-tracker")
