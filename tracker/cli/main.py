"""`carbon-tracker` / `python -m tracker`: the command line entry point."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from tracker import __version__
from tracker.cli import audit_commands, generate_cmd, kinds, ledger_cmd, registry_cmd
from tracker.domain.errors import ImportRefused, TrackerError
from tracker.services import csv_safe
from tracker.services.contracts import resolve_reference
from tracker.services.demo import load_demo
from tracker.services.input_limits import check_header
from tracker.store import backups
from tracker.store.database import DB_ENV_VAR, default_db_path
from tracker.store.failures import plain_failure
from tracker.store.ledger import Ledger
from tracker.store.receipts import write_receipt
from tracker.store.targets import refuse_ledger_target
from tracker.store.unit_of_work import BUSY_MESSAGE, set_busy_notice

EPILOG = f"""
The ledger file is --db PATH, else ${DB_ENV_VAR}, else {default_db_path()}.
--as-of YYYY-MM-DD fixes "today" for every date-dependent figure.
CSV formats are documented in README.md.
"""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = (0, 0)
    if min(size) < 200:
        raise argparse.ArgumentTypeError(f"{text!r} is not a window size as WxH, e.g. 1280x800")
    return size


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="ledger file (default: $TRACKER_DB or the user data folder)",
    )
    common.add_argument(
        "--as-of",
        type=_date,
        default=argparse.SUPPRESS,
        metavar="YYYY-MM-DD",
        help="the date figures are computed for (default: today)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="carbon-tracker",
        description="Track carbon-credit offtake contracts: schedule, deliveries, "
        "verification, retirements and CSV reports.",
        epilog=EPILOG,
        parents=[common],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[common], help="open the desktop app (the default)")
    gui.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="render the main window (at --size) to a PNG and exit",
    )
    gui.add_argument(
        "--size",
        type=_size,
        default=(1280, 800),
        metavar="WxH",
        help="window size for --screenshot (default: 1280x800)",
    )
    gui.add_argument(
        "--lang",
        choices=["en", "zh_CN", "system"],
        help="language of the window (default: as chosen in the app, else the system's)",
    )
    gui.add_argument(
        "--theme",
        choices=["light", "dark", "system"],
        help="colour scheme of the window (default: as chosen in the app, else the system's)",
    )
    gui.add_argument(
        "--tab",
        default="overview",
        choices=[
            "overview",
            "schedule",
            "deliveries",
            "retirements",
            "invalidations",
            "flags",
            "history",
        ],
        help="tab to show (with --screenshot)",
    )
    gui.add_argument("--contract", metavar="REF", help="contract to select (with --screenshot)")

    sub.add_parser(
        "demo",
        parents=[common],
        help="load the demo portfolio (illustrative prices and deliveries)",
    )

    imp = sub.add_parser(
        "import",
        parents=[common],
        help="import a tracker CSV file or a registry export (all rows or none)",
    )
    imp.add_argument("kind", choices=sorted(kinds.IMPORTS))
    imp.add_argument("file", type=Path)
    registry_cmd.add_import_options(imp)

    exp = sub.add_parser(
        "export", parents=[common], help="export a CSV report (or a PDF) to a file or stdout"
    )
    exp.add_argument("kind", choices=sorted([*kinds.EXPORTS, "pdf"]))
    exp.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write here (atomically) instead of stdout",
    )
    exp.add_argument("--contract", metavar="REF", help="only this contract")
    exp.add_argument("--bom", action="store_true", help="start the file with a UTF-8 BOM (Excel)")
    exp.add_argument(
        "--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help="period start"
    )
    exp.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help="period end")
    registry_cmd.add_reconcile_parser(sub, common)

    sub.add_parser("summary", parents=[common], help="print the portfolio summary table")
    audit_commands.add_parsers(sub, common)
    ledger_cmd.add_parsers(sub, common)
    generate_cmd.add_parser(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    as_of: dt.date = getattr(args, "as_of", None) or dt.date.today()
    db_path: Path = getattr(args, "db", None) or default_db_path()
    set_busy_notice(lambda: print(f"carbon-tracker: {BUSY_MESSAGE}", file=sys.stderr))
    try:
        if command == "gui":
            from tracker.app import run_gui  # Qt is imported only for the window

            return run_gui(
                getattr(args, "db", None),
                as_of=getattr(args, "as_of", None),
                screenshot=getattr(args, "screenshot", None),
                tab=getattr(args, "tab", "overview"),
                contract=getattr(args, "contract", None),
                language=getattr(args, "lang", None),
                theme=getattr(args, "theme", None),
                size=getattr(args, "size", (1280, 800)),
            )
        if command == "new":
            return ledger_cmd.run_new(args.path or db_path)
        if command == "restore":
            return ledger_cmd.run_restore(db_path, args.backup)
        if command == "generate" and args.csv is not None:
            return generate_cmd.run_csv(args, getattr(args, "as_of", None))
        with ledger_cmd.opened(command, db_path, hasattr(args, "db")) as db:
            return _run(command, args, db, as_of, db_path)
    except ImportRefused as exc:
        print(f"carbon-tracker: {exc}", file=sys.stderr)
        return 1
    except TrackerError as exc:
        print(f"carbon-tracker: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `export ... | head`
        return 0
    except Exception as exc:
        print(f"carbon-tracker: error: {plain_failure(exc, db_path)}", file=sys.stderr)
        return 1


def _run(command: str, args: argparse.Namespace, db: Ledger, as_of: dt.date, path: Path) -> int:
    if command == "backup":
        return ledger_cmd.run_backup(db, path)
    if command == "check-db":
        from tracker.cli.check_cmd import run_check_db

        return run_check_db(db, path)
    if command in ("import", "reconcile"):
        check_header(args.file)
    if command == "import" and not getattr(args, "dry_run", False):
        made = backups.make_backup(db, path, "before-import")
        print(f"Backed up the ledger to {made} before the import", file=sys.stderr)
    if command == "export" and args.output:
        refuse_ledger_target(args.output, path)
    if command == "demo":
        changes = load_demo(db)
        print(
            f"Loaded the demo portfolio: {len(changes.contracts)} contracts "
            f"({len(changes.inserted)} records). Prices and deliveries are illustrative."
        )
        return 0
    if command == "import" and args.kind == "registry":
        return registry_cmd.run_import(db, args)
    if command == "reconcile":
        return registry_cmd.run_reconcile(db, args)
    if command == "import":
        print(kinds.IMPORTS[args.kind](db, args.file))
        return 0
    if command == "export" and args.kind == "pdf":
        from tracker.cli.pdf_cmd import run_export_pdf

        return run_export_pdf(db, args, as_of)
    if command == "export":
        contract_id = resolve_reference(db, args.contract).id if args.contract else None
        kind = kinds.EXPORTS[args.kind]
        options = kinds.ExportOptions(as_of, contract_id, args.date_from, args.date_to)
        rows = kind.rows(db, options)
        header = kind.header
        if args.output:
            count = csv_safe.write_file(args.output, header, rows, bom=args.bom)
            receipt = write_receipt(db, args.output, path)
            print(f"Wrote {count} {args.kind} row(s) to {args.output}", file=sys.stderr)
            print(f"The change log's head is recorded in {receipt}", file=sys.stderr)
        else:
            csv_safe.write_rows(sys.stdout, header, rows)
        return 0
    if command == "summary":
        from tracker.cli.summary import summary_text

        print(summary_text(db, as_of))
        return 0
    if command == "check":
        contract_id = resolve_reference(db, args.contract).id if args.contract else None
        return audit_commands.run_check(db, as_of, contract_id)
    if command == "verify-log":
        return audit_commands.run_verify_log(db, args)
    if command == "generate":
        return generate_cmd.run_ledger(db, args, getattr(args, "as_of", None))
    raise AssertionError(command)
