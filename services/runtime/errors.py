"""Errors that reach a user: a code, an HTTP status, parameters for the message text."""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """Raised anywhere in a request; rendered in the caller's language, nothing committed."""

    def __init__(self, code: str, status: int = 400, *, field: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.status = status
        self.field = field
        self.params = params
