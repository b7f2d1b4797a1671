"""The base of intake's tables: a metadata of its own, separate from every other service."""

from __future__ import annotations

from sqlalchemy.orm import registry
from sqlmodel import SQLModel


class IntakeTable(SQLModel, registry=registry()):
    """Base of intake's tables."""
