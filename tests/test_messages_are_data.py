"""Flags and refusals are built from message codes, never from English sentences.

A flag's subject and finding are :class:`tracker.domain.messages.Message` values (a
code and parameters), worded at display time in the reader's language from the one
catalogue (``tracker.domain.message_catalogue``).  This test reads every module of the
package and fails where a flag is handed text instead: a string literal, an f-string,
a concatenation or a ``.format`` of one, as its subject or finding, or as a parameter
of a message.  Message codes written out must be in the catalogue.

The findings of the ledger's health reports (``check-db``, ``verify-log``) are messages
too, worded by the window in its language.

The reason of a ``ValidationError`` is a message too (``error.`` codes, worded in the
window's language where a form shows it).  Modules written before that rule still
give some reasons as English text: they are listed in ``REASON_DEBT``, which may only
shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tracker.domain.flags import Flag, Severity
from tracker.domain.message_catalogue import TEMPLATES
from tracker.domain.messages import Day, Tonnes, msg

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"

# Builders of flags -> positions (after any ``self``) and keywords of subject and finding.
BUILDERS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Flag": ((4, 5), ("topic", "finding")),
    "flag": ((3, 4), ("topic", "finding")),
    "_flag": ((3, 4), ("topic", "finding")),
    "worded": ((0, 1), ("topic", "finding")),
}
MESSAGE_BUILDERS = ("msg", "Message")
# Modules whose ValidationErrors still give their reason as English text (to convert;
# the list may only shrink).  Every module is converted: the list is empty, and stays so.
REASON_DEBT: frozenset[str] = frozenset()
FINDING = msg("flag.missing_beneficiary", tonnes=Tonnes(1_000), day=Day("2026-01-01"))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_text(node: ast.expr) -> bool:
    """Whether ``node`` builds a string: a literal, f-string, concatenation, ``.format``
    or ``.join`` of one, ``str(...)``, or a conditional choosing one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "str":
            return True
        return (
            isinstance(func, ast.Attribute)
            and func.attr in ("format", "join")
            and _is_text(func.value)
        )
    return False


def _is_sentence(node: ast.expr) -> bool:
    """Text with words in it (a parameter may be a name such as a serial block, never
    a phrase)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and " " in node.value.strip()
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and " " in str(v.value).strip() for v in node.values)
    return _is_text(node) and not isinstance(node, ast.Call | ast.Constant)


def _written_codes(node: ast.expr) -> list[object] | None:
    """The codes a message is given written out: a literal, or a choice of literals."""
    if isinstance(node, ast.Constant):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _written_codes(node.body), _written_codes(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _arguments(
    call: ast.Call, positions: tuple[int, ...], keywords: tuple[str, ...]
) -> list[ast.expr]:
    """The subject and finding a builder is given (``self`` is not among ``call.args``)."""
    found = [call.args[i] for i in positions if i < len(call.args)]
    found += [k.value for k in call.keywords if k.arg in keywords]
    return found


def english_in_flags(source: str) -> list[tuple[int, str]]:
    """(line, problem) for each flag or message built from English text in ``source``."""
    problems: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in BUILDERS:
            for arg in _arguments(node, *BUILDERS[name]):
                if _is_text(arg):
                    problems.append((arg.lineno, f"{name}(...) is given text, not a message"))
        if name in MESSAGE_BUILDERS and node.args:
            code = node.args[0]
            written = _written_codes(code)
            if written is None and _is_text(code):
                problems.append((code.lineno, "a message code is built from text"))
            for value in written or []:
                if value not in TEMPLATES:
                    problems.append((code.lineno, f"message code {value!r} is not catalogued"))
            params = [k.value for k in node.keywords] + list(node.args[1:])
            for value in params:
                if _is_sentence(value):
                    problems.append((value.lineno, f"{name}(...) is given a sentence"))
    return problems


def text_reasons(source: str) -> list[int]:
    """Lines where a ValidationError is given its reason as text, not a message."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node.func) == "ValidationError":
            reasons = node.args[2:3] + [k.value for k in node.keywords if k.arg == "reason"]
            lines += [r.lineno for r in reasons if _is_text(r)]
    return lines


def _modules() -> list[tuple[str, str]]:
    return [
        (path.relative_to(PACKAGE.parent).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def test_refusals_give_their_reason_as_a_message() -> None:
    found = [
        f"{name}:{line}"
        for name, source in _modules()
        if name not in REASON_DEBT
        for line in text_reasons(source)
    ]
    assert found == []


def test_the_list_of_modules_still_giving_english_reasons_only_shrinks() -> None:
    converted = [
        name for name, source in _modules() if name in REASON_DEBT and not text_reasons(source)
    ]
    assert converted == [], "converted: remove them from REASON_DEBT"


def test_the_reason_checker_catches_english() -> None:
    sample = """
raise ValidationError(field, text, "is required")
raise ValidationError(field, text, f"is longer than {limit} characters")
raise ValidationError(field, text, reason="must be " + what)
raise ValidationError(field, text, msg("error.required"))
raise ValidationError(field, text, reason)
"""
    assert text_reasons(sample) == [2, 3, 4]


def test_no_flag_is_built_from_an_english_sentence() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {problem}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, problem in english_in_flags(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_flag_builders_are_the_ones_in_use() -> None:
    """The checker knows every way the package builds a flag: were one renamed, the test
    above would pass without reading it."""
    calls = {
        _name(node.func)
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and _name(node.func) in (*BUILDERS, *MESSAGE_BUILDERS)
    }
    assert calls >= {"Flag", "flag", "_flag", "msg"}


def test_the_checker_catches_english_handed_to_a_flag() -> None:
    sample = """
yield flag("LATE", sev, row, f"tranche due {due}", msg("flag.late_tranche", n=3), "t", 1)
yield flag("LATE", sev, row, msg("subject.contract", contract=ref),
           "Tranche of " + t(kg) + " is late.", "t", 1)
Flag(rule="X", severity=s, contract_id=1, contract="C", topic=topic,
     finding="{n} days late".format(n=n))
self._flag(MISMATCH, s, local, subject, f"quantity differs: {a}", evidence, part)
msg("flag.retired_pending", tonnes=Tonnes(kg), as_of=f"still pending on {day}")
msg("flag.not_in_the_catalogue")
msg("flag." + kind)
msg("flag.late_tranche" if late else "flag.on_time")
flag("OK", sev, row, msg("subject.delivery", block=row["serial_block"]),
     msg("flag.late_tranche", due=Day(day), n=Count(3)), "tranches", 1, part="2026-01-01")
"""
    assert sorted(line for line, _ in english_in_flags(sample)) == [2, 4, 6, 7, 8, 9, 10, 11]


def test_a_flag_refuses_text_at_run_time_too() -> None:
    """What the reading above cannot see (text from a helper) is refused when built."""
    with pytest.raises(TypeError, match="topic is a Message"):
        Flag("LATE_TRANCHE", Severity.WARN, 1, "C-1", "tranche due 2026-01-01", FINDING)  # type: ignore[arg-type]


def english_wording_read(source: str) -> list[int]:
    """Lines reading a flag's English ``.subject`` or ``.message`` (meant for the command
    line and CSV files) rather than wording it through ``tracker.ui.messages``."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute)
        and node.attr in ("subject", "message")
        and not (isinstance(node.value, ast.Name) and node.value.id == "messages")
    ]


def test_the_window_words_flags_in_its_language() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for line in english_wording_read(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "word flags with tracker.ui.messages.subject()/finding()"
    sample = "a = f.message\nb = messages.finding(f)\nc = reviewed.flag.subject\n"
    assert english_wording_read(sample) == [1, 3]


# Modules whose refused rows (``RowError``) still give only English text, no message: the
# window would show them in English (to convert; the list may only shrink).  Every module
# is converted: the list is empty, and stays so.
ROW_REASON_DEBT: frozenset[str] = frozenset()


def unworded_reasons(source: str) -> list[int]:
    """Lines where a skipped row's reason (``Verdict(reason=...)``) is text, or a refused
    row (``RowError``) is given English text and no message for the window to word."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name == "Verdict":
            reasons = [k.value for k in node.keywords if k.arg == "reason"] + node.args[3:4]
            lines += [r.lineno for r in reasons if _is_text(r)]
        if name == "RowError":
            given = len(node.args) > 3 or any(k.arg == "reason_message" for k in node.keywords)
            reasons = node.args[2:3] + [k.value for k in node.keywords if k.arg == "reason"]
            lines += [r.lineno for r in reasons if not given and _is_text(r)]
    return lines


def test_skipped_and_refused_rows_carry_a_message() -> None:
    found = [
        f"{name}:{line}"
        for name, source in _modules()
        if name not in ROW_REASON_DEBT
        for line in unworded_reasons(source)
    ]
    assert found == []


def test_the_list_of_modules_refusing_rows_in_english_only_shrinks() -> None:
    converted = [
        name
        for name, source in _modules()
        if name in ROW_REASON_DEBT and not unworded_reasons(source)
    ]
    assert converted == [], "converted: remove them from ROW_REASON_DEBT"


def test_the_row_reason_checker_catches_english() -> None:
    sample = """
Verdict(skip=OTHER_BUYER, party=party, reason=f"belongs to another buyer ({party})")
Verdict(skip=OTHER_BUYER, party=party, reason=msg("error.skip_other_buyer", party=party))
RowError(1, "(file)", "mixes day-first and month-first dates")
RowError(1, "(file)", render(reason), reason)
RowError(1, "(file)", f"{refused}{exc.reason}", reason_message=exc.reason_message)
RowError(1, "(file)", exc.reason)
"""
    assert unworded_reasons(sample) == [2, 4]


# The ledger's health reports (``check-db``, ``verify-log``; Check database… and Verify
# change log in the window): the lists and fields that hold what was found.
REPORT_LISTS = ("findings", "checks", "damage")
REPORT_FIELDS = ("chain_problem", "anchor_problem")


def english_in_reports(source: str) -> list[int]:
    """Lines where a health report is handed text rather than a message: appended to its
    findings, checks or damage, set as its chain or anchor problem, or given as the
    problem of a mismatch."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "append"
                and _name(func.value) in REPORT_LISTS
            ):
                lines += [a.lineno for a in node.args if _is_text(a)]
            if _name(func) in ("_mismatch", "Mismatch"):
                given = node.args[3:4] if _name(func) == "_mismatch" else node.args[2:3]
                given += [k.value for k in node.keywords if k.arg == "problem"]
                lines += [a.lineno for a in given if _is_text(a)]
        if (
            isinstance(node, ast.Assign)
            and _is_text(node.value)
            and any(_name(t) in REPORT_FIELDS for t in node.targets)
        ):
            lines.append(node.lineno)
    return lines


def test_health_reports_are_built_from_message_codes() -> None:
    found = [f"{name}:{line}" for name, source in _modules() for line in english_in_reports(source)]
    assert found == []


def test_the_report_checker_catches_english() -> None:
    sample = """
report.findings.append(f"the file cannot be read at all ({exc})")
report.findings.append(msg("check.unreadable", reason=str(exc)))
report.checks.append("the file passes SQLite's integrity check")
report.damage.append(problem)
report.chain_problem = "it does not link to the entry before it"
report.anchor_problem = check_anchor(db, anchor)
_mismatch(report, table, row_id, "is in the table but not in the change log")
_mismatch(report, table, row_id, msg("log.not_logged"))
Mismatch("deliveries", 1, problem="differs: " + what)
"""
    assert sorted(english_in_reports(sample)) == [2, 4, 6, 8, 10]
