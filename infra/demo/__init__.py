"""The demo dataset: two desks, three providers, their locations, and an account per role."""
