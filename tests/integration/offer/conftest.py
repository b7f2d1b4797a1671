"""Offer against the real things: tansu, redis-server, SQLite or PostgreSQL, the identity provider, HTTP.

Only identity and offer run (separate processes on free ports), so the test drives the bus
itself: it produces real contract events from matching and intake onto the real broker and reads
what offer published. The clock of offer is moved over HTTP (ENV=test), never slept on.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from infra.local.stack import LocalStack, StackConfig
from tests.support.postgres import PostgresServer


@pytest.fixture(scope="package")
def offer_stack(postgres: PostgresServer | None) -> Iterator[LocalStack]:
    var_dir = Path(tempfile.mkdtemp(prefix="opvang-offer-it-"))
    database_urls = {"offer": postgres.create_database("offer_it")} if postgres is not None else {}
    stack = LocalStack(StackConfig.ephemeral(var_dir, services=("identity", "offer"), database_urls=database_urls))
    with stack.running():
        yield stack
