"""Pages for matching: distribution reasons, ranking, proposals, allocation rounds (issue 5)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
