"""Offer's pure rules. Importing the package registers its message texts (nl, fr, en)."""

from services.offer.domain import messages as messages
