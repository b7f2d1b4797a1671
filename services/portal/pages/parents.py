"""Pages for parents and referrers: the request form and the personal status page (issue 3)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
