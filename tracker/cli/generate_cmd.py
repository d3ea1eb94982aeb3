"""`carbon-tracker generate`: a synthetic portfolio into the ledger or as CSV files."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from tracker.services.synthetic import DEFAULT_AS_OF, Spec
from tracker.services.synthetic_write import write_csv, write_ledger
from tracker.store.ledger import Ledger


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    return value


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    gen = sub.add_parser(
        "generate",
        parents=[common],
        help="write a synthetic portfolio (for trying the tracker at scale)",
    )
    gen.add_argument("--contracts", type=_count, default=200, metavar="N")
    gen.add_argument("--deliveries", type=_count, default=10_000, metavar="N")
    gen.add_argument("--retirements", type=_count, default=3_000, metavar="N")
    gen.add_argument("--seed", type=int, default=1, metavar="N")
    gen.add_argument(
        "--csv",
        type=Path,
        metavar="DIR",
        help="write tracker CSV files (contracts, schedule, deliveries, retirements, "
        "invalidations) to DIR instead of the ledger; they leave out the rule violations "
        "an import refuses",
    )


def spec_from(args: argparse.Namespace, as_of: dt.date | None) -> Spec:
    if args.contracts < 1:
        raise argparse.ArgumentTypeError("--contracts must be at least 1")
    return Spec(
        contracts=args.contracts,
        deliveries=args.deliveries,
        retirements=args.retirements,
        seed=args.seed,
        as_of=as_of or DEFAULT_AS_OF,
        importable=args.csv is not None,
    )


def run_csv(args: argparse.Namespace, as_of: dt.date | None) -> int:
    result = write_csv(args.csv, spec_from(args, as_of))
    print(f"{result.describe()} Files in {args.csv}.", file=sys.stderr)
    return 0


def run_ledger(db: Ledger, args: argparse.Namespace, as_of: dt.date | None) -> int:
    result = write_ledger(db, spec_from(args, as_of))
    print(result.describe(), file=sys.stderr)
    return 0
