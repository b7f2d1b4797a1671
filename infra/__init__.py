"""Local runner, demo data, topic definitions and production manifests."""
