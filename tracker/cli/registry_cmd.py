"""`import registry FILE` options and the `reconcile FILE` command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.services.registry import (
    REGISTRY_CHOICES,
    Action,
    ImportOptions,
    import_registry_file,
    preview_registry_file,
)
from tracker.services.registry.reconcile import reconcile_file
from tracker.store.ledger import Ledger

PREVIEW_LINES = 200


def add_import_options(imp: argparse.ArgumentParser) -> None:
    group = imp.add_argument_group("registry files (import registry FILE)")
    group.add_argument(
        "--registry",
        default="auto",
        choices=REGISTRY_CHOICES,
        help="the file's registry (default: recognised from the header)",
    )
    group.add_argument(
        "--contract", metavar="REF", help="the contract the file's credits belong to"
    )
    group.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    group.add_argument(
        "--deliver-retired",
        action="store_true",
        help="record a retired block no delivery holds as delivered and retired",
    )


def add_reconcile_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    rec = sub.add_parser(
        "reconcile",
        parents=[common],
        help="compare a registry export with the ledger; exit 1 on any difference",
    )
    rec.add_argument("file", type=Path)
    rec.add_argument("--registry", default="auto", choices=REGISTRY_CHOICES)
    rec.add_argument("--contract", metavar="REF", help="compare with this contract only")


def run_import(db: Ledger, args: argparse.Namespace) -> int:
    options = ImportOptions(args.registry, args.contract, args.deliver_retired)
    if not args.dry_run:
        print(import_registry_file(db, args.file, options).describe())
        return 0
    preview = preview_registry_file(db, args.file, options)
    print(preview.describe())
    print("Dry run: nothing was written.")
    # Other buyers' rows and projects no contract carries are summed up by name above.
    shown = [
        o
        for o in preview.outcomes
        if o.action is Action.ERROR or (o.action is Action.SKIP and o.skip != "other-buyer")
    ]
    for o in shown[:PREVIEW_LINES]:
        where = f"row {o.line}" + (f", column {o.column}" if o.column else "")
        print(f"  {o.action.value}: {where}: {o.reason}")
    if len(shown) > PREVIEW_LINES:
        print(f"  … and {len(shown) - PREVIEW_LINES} more")
    return 1 if preview.count(Action.ERROR) else 0


def run_reconcile(db: Ledger, args: argparse.Namespace) -> int:
    result = reconcile_file(db, args.file, args.registry, args.contract)
    for flag in result.flags:
        contract = f" [{flag.contract}]" if flag.contract else ""
        print(
            f"{flag.severity.value.upper():8} {flag.rule}{contract} {flag.subject}: {flag.message}"
        )
    skipped = result.describe_skipped()
    if skipped and not skipped.endswith("…"):
        skipped += "."
    print(
        f"{result.source} ({result.layout}): {result.rows:,} row(s) read, "
        f"{len(result.flags):,} difference(s)." + (f" Not yours: {skipped}" if skipped else ""),
        file=sys.stderr,
    )
    return 1 if result.flags else 0
