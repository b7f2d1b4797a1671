"""Pages for the yearly report and the dashboards (issue 7)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
