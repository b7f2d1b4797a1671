"""Pages for delivery logs, deadlines and printable letters (issue 6)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
