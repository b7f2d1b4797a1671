"""A simulated Flemish year played through the public APIs, under chaos, checked against its own
ground truth (issue 8). Start with ``python -m infra.simulator --help``."""
