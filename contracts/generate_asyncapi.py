"""``make asyncapi``: write each service's AsyncAPI document and the event schema snapshots.

The AsyncAPI documents come from FastStream (publishers and subscribers as the services
declare them); the snapshots are the JSON schemas the contract test compares against.
"""

from __future__ import annotations

import importlib
import json
import os
import tempfile
from pathlib import Path

from contracts.registry import EVENT_MODELS

HERE = Path(__file__).parent
BUS_SERVICES = ("intake", "offer", "matching", "notifications", "reporting")


def asyncapi_of(service: str) -> dict[str, object]:
    from services.runtime.asyncapi import asyncapi_document
    from services.runtime.settings import load_settings

    os.environ.setdefault("OPVANG_VAR_DIR", tempfile.mkdtemp())
    module = importlib.import_module(f"services.{service}.bootstrap")
    settings = load_settings(service, kafka_bootstrap_servers="kafka:9092", env="prod")
    app = module.build_app(settings)
    return asyncapi_document(app.state.runtime)


def snapshot_path(event_type: str, version: int) -> Path:
    return HERE / "snapshots" / f"{event_type}.v{version}.json"


def write_snapshots() -> None:
    for model in EVENT_MODELS:
        path = snapshot_path(model.event_type, model.schema_version)
        path.write_text(json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n")


def main() -> None:
    for service in BUS_SERVICES:
        path = HERE / "asyncapi" / f"{service}.json"
        path.write_text(json.dumps(asyncapi_of(service), indent=2, sort_keys=True) + "\n")
        print(f"wrote {path.relative_to(HERE.parent)}")
    write_snapshots()
    print(f"wrote {len(EVENT_MODELS)} event schema snapshots")


if __name__ == "__main__":
    main()
