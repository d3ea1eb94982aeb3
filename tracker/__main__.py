"""`python -m tracker` runs the command line (the desktop app by default)."""

from tracker.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
