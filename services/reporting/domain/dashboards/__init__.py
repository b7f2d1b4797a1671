"""Dashboards for the desk (pure): each returns a Chart, neutral about how it is drawn."""
