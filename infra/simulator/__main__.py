"""Entry point of ``python -m infra.simulator``."""

from infra.simulator.cli import main

raise SystemExit(main())
