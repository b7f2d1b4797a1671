"""``python -m services.reporting``: run the reporting service, or one of its commands (see cli.py)."""

from services.reporting.cli import main

main()
