"""Suite-wide options and fixtures: the database engine of the run and the local stack."""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, settings

from infra.local.stack import BUS_SERVICES, LocalStack, StackConfig
from tests.support.postgres import PostgresServer

# Tests never assert timings: property tests have no per-example deadline, and a slow draw on a busy
# CI machine is not a failure (it still explores the same examples).
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--db", choices=("sqlite", "postgres"), default=os.environ.get("TEST_DB", "sqlite"),
                     help="database engine of the services under test (default: sqlite)")
    parser.addoption("--docker", action="store_true", default=False,
                     help="also run the opt-in testcontainers tests (needs a Docker engine)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--docker"):
        return
    deselected = [item for item in items if item.get_closest_marker("docker")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("docker")]


@pytest.fixture(scope="session")
def db_engine(request: pytest.FixtureRequest) -> str:
    return str(request.config.getoption("--db"))


@pytest.fixture(scope="session")
def postgres(db_engine: str) -> Iterator[PostgresServer | None]:
    if db_engine != "postgres":
        yield None
        return
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def system(postgres: PostgresServer | None) -> Iterator[LocalStack]:
    """The whole system as separate processes on free ports, started once per test session."""
    var_dir = Path(tempfile.mkdtemp(prefix="opvang-e2e-"))
    database_urls = {}
    if postgres is not None:
        database_urls = {name: postgres.create_database(name) for name in BUS_SERVICES}
    stack = LocalStack(StackConfig.ephemeral(var_dir, database_urls=database_urls))
    with stack.running():
        yield stack


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30) as client:
        yield client
