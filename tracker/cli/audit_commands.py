"""`check`, `verify-log` and the audit export/import kinds of the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from tracker.domain.errors import TrackerError
from tracker.domain.flags import Severity
from tracker.services.audit.review import ReviewedFlag, open_critical, reviewed_flags
from tracker.store.ledger import Ledger
from tracker.store.log_verify import Anchor, parse_anchor, verify_log
from tracker.store.receipts import anchor_from

_SEVERITY_TITLES = {
    Severity.CRITICAL: "CRITICAL",
    Severity.HIGH: "HIGH",
    Severity.WARN: "WARNING",
    Severity.INFO: "INFO",
}


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    check = sub.add_parser(
        "check",
        parents=[common],
        help="evaluate the audit rules; exit 1 if any critical flag is open",
    )
    check.add_argument("--contract", metavar="REF", help="only this contract")
    verify = sub.add_parser(
        "verify-log",
        parents=[common],
        help="check the change log's hash chain and that it replays to the tables",
    )
    anchors = verify.add_mutually_exclusive_group()
    anchors.add_argument(
        "--expect-head",
        metavar="N:HASH",
        help="a head printed earlier: catch removed newest entries or a re-hashed log",
    )
    anchors.add_argument(
        "--against",
        type=Path,
        metavar="BACKUP|RECEIPT",
        help="compare the log with a backup of the ledger (or an export's receipt file)",
    )


def check_text(reviewed: list[ReviewedFlag], as_of: dt.date) -> str:
    if not reviewed:
        return f"Audit as of {as_of}: no flags."
    lines = [f"Audit as of {as_of}: {len(reviewed)} flag(s)"]
    for severity in Severity:
        group = [r for r in reviewed if r.flag.severity is severity]
        if not group:
            continue
        still_open = sum(1 for r in group if r.is_open)
        lines.append("")
        lines.append(f"{_SEVERITY_TITLES[severity]} ({len(group)}, {still_open} open)")
        for r in group:
            f = r.flag
            status = r.status.value.upper()
            lines.append(f"  [{status}] {f.rule}  {f.contract}  {f.subject}")
            lines.append(f"      {f.message}")
            if r.acknowledged_by:
                lines.append(
                    f"      acknowledged by {r.acknowledged_by} on {r.acknowledged_on}: {r.reason}"
                )
    return "\n".join(lines)


def run_check(db: Ledger, as_of: dt.date, contract_id: int | None) -> int:
    reviewed = reviewed_flags(db, as_of, contract_id)
    print(check_text(reviewed, as_of))
    critical = open_critical(reviewed)
    if critical:
        print(f"\n{len(critical)} critical flag(s) open.")
        return 1
    return 0


def _anchor(args: argparse.Namespace) -> Anchor | None:
    if getattr(args, "expect_head", None):
        try:
            return parse_anchor(args.expect_head)
        except ValueError as exc:
            raise TrackerError(f"--expect-head: {exc}") from None
    if getattr(args, "against", None):
        return anchor_from(args.against)
    return None


def run_verify_log(db: Ledger, args: argparse.Namespace | None = None) -> int:
    report = verify_log(db, anchor=_anchor(args) if args else None)
    print(report.describe())
    return 0 if report.ok else 1
