"""``python -m tracker.i18n update|release``: refresh the translation files."""

from __future__ import annotations

import argparse

from tracker import i18n


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tracker.i18n", description=__doc__)
    parser.add_argument(
        "command",
        choices=["update", "release"],
        help="update: extract strings from tracker/ into resources/i18n/*.ts and compile "
        "them; release: only compile the .ts files into tracker/i18n/*.qm",
    )
    args = parser.parse_args()
    if args.command == "update":
        i18n.update()
    else:
        i18n.release()
    for language in i18n.LANGUAGES:
        print(f"{i18n.ts_path(language)} -> {i18n.qm_path(language)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
