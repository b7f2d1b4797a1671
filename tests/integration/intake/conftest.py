"""A second intake process of its own for tests that need a quiet bus or another neighbour.

``intake_alone`` runs the real intake service (its own process, database and tansu broker) beside
the shared ``system``, whose identity provider, Redis and mail sink it uses. Tests produce real
contract events onto its broker without other services reacting, and a small HTTP server stands
in for matching's ``/internal/requests/{id}/recipients`` (the agreed contract), answering what the
test tells it to.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI, Header, HTTPException

from infra.local.processes import ManagedProcess, free_port, port_open
from infra.local.stack import LocalStack, http_ok, tansu_binary
from services.runtime.settings import ROOT
from tests.support.postgres import PostgresServer

RATE_LIMIT = 5


@dataclass
class MatchingStub:
    """Matching's recipients endpoint as the contract says, with answers the test sets."""

    recipients: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/internal/requests/{request_id}/recipients")
        async def recipients(request_id: str, authorization: str = Header("")) -> dict[str, list[str]]:
            if not authorization.startswith("Bearer "):
                raise HTTPException(401)
            self.calls.append(request_id)
            if request_id not in self.recipients:
                raise HTTPException(404)
            return self.recipients[request_id]

        return app


@dataclass
class AloneIntake:
    url: str
    bootstrap_servers: str
    stub: MatchingStub
    system: LocalStack


@pytest.fixture(scope="session")
def intake_alone(system: LocalStack, postgres: PostgresServer | None) -> Iterator[AloneIntake]:
    root = Path(tempfile.mkdtemp(prefix="opvang-intake-alone-"))
    stub = MatchingStub()
    stub_port = free_port()
    server = uvicorn.Server(uvicorn.Config(stub.app(), host="127.0.0.1", port=stub_port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    kafka_port, http_port = free_port(), free_port()
    broker = ManagedProcess(
        "tansu-alone", [tansu_binary(), "broker", "--listener-url", f"tcp://127.0.0.1:{kafka_port}",
                        "--advertised-listener-url", f"tcp://127.0.0.1:{kafka_port}", "--storage-engine",
                        "memory://tansu/"],
        root / "tansu.log", ready=lambda: port_open(kafka_port), ready_timeout=30)
    database = (postgres.create_database("intake_alone") if postgres is not None
                else f"sqlite+aiosqlite:///{root / 'intake.db'}")
    env = {**system.service_env("intake"), "KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{kafka_port}",
           "HTTP_PORT": str(http_port), "DATABASE_URL": database, "MATCHING_URL": f"http://127.0.0.1:{stub_port}",
           "INTAKE_PUBLIC_RATE_LIMIT": f"{RATE_LIMIT}/600", "OPVANG_VAR_DIR": str(root)}
    url = f"http://127.0.0.1:{http_port}"
    intake = ManagedProcess("intake-alone", [sys.executable, "-m", "services.intake"], root / "intake.log", env=env,
                            cwd=ROOT, ready=lambda: http_ok(f"{url}/readyz"), ready_timeout=90)
    try:
        broker.start()
        intake.start()
        yield AloneIntake(url=url, bootstrap_servers=f"127.0.0.1:{kafka_port}", stub=stub, system=system)
    finally:
        intake.stop()
        broker.stop()
        server.should_exit = True
        thread.join(timeout=10)
