"""Offer's read side: search, public location pages, free places, provider views."""
