"""reporting: projections built from events only, the yearly report, dashboards, hub streams."""
