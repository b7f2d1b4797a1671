"""Central allocation rounds: deferred acceptance over per-slot capacity, a stability checker,
and the reason every unmatched child stayed unmatched."""
