"""Pages for desk workers: counter/phone registration and the worklist (issue 3)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
