"""Two Idempotency-Key layers in one service made every keyed POST answer 409 "already running":
the outer layer claimed the key, the inner one found it claimed. Each service has exactly one."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from services.runtime.redis_tools import IdempotencyMiddleware
from services.runtime.settings import load_settings

SERVICES = ("intake", "offer", "matching", "notifications", "reporting")


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_honours_idempotency_keys_in_exactly_one_layer(
    service: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    settings = load_settings(service)
    app = importlib.import_module(f"services.{service}.bootstrap").build_app(settings)
    layers = [m for m in app.user_middleware if m.cls is IdempotencyMiddleware]
    assert len(layers) == 1
