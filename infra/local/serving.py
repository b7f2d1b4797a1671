"""Serve an ASGI app on a free local port inside the running event loop.

Benches and tests play a provider's software (a webhook receiver) or a neighbouring service in
their own process; they all need the same few lines: pick a free port, start uvicorn as a task, wait
until it listens (or fails), and stop it cleanly. One place, so that a fix reaches every caller.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import uvicorn

from infra.local.processes import free_port


@contextlib.asynccontextmanager
async def serving(app: Any, *, what: str = "the local HTTP server", timeout: float = 30.0) -> AsyncIterator[str]:
    """Serve *app* on 127.0.0.1 at a free port; yield its base URL (``http://127.0.0.1:<port>``)."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="off"))
    task = asyncio.create_task(server.serve())
    deadline = asyncio.get_running_loop().time() + timeout
    while not server.started and not task.done():
        if asyncio.get_running_loop().time() > deadline:
            task.cancel()
            raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")
        await asyncio.sleep(0.01)  # uvicorn offers no event for "listening"; its flag is polled
    if not server.started:
        await task  # re-raises why it could not start (a port taken in between, a bad app)
        raise RuntimeError(f"{what} stopped before it listened")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
