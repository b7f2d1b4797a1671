"""Pages for providers: their offer, free places, API keys and webhooks (issue 4)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
