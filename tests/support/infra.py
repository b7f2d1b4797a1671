"""Single infrastructure processes for integration tests: a broker, a Redis server."""

from __future__ import annotations

import tempfile
from pathlib import Path

from infra.local.processes import ManagedProcess, free_port, port_open
from infra.local.stack import redis_binary, tansu_binary


def tansu_process(port: int | None = None) -> ManagedProcess:
    port = port or free_port()
    log = Path(tempfile.mkdtemp(prefix="opvang-tansu-")) / "tansu.log"
    return ManagedProcess(
        "tansu",
        [tansu_binary(), "broker", "--listener-url", f"tcp://127.0.0.1:{port}", "--advertised-listener-url",
         f"tcp://127.0.0.1:{port}", "--storage-engine", "memory://tansu/"],
        log, ready=lambda: port_open(port), ready_timeout=30,
    )


def redis_process() -> tuple[ManagedProcess, int]:
    port = free_port()
    root = Path(tempfile.mkdtemp(prefix="opvang-redis-"))
    process = ManagedProcess(
        "redis", [redis_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                  "--dir", str(root)],
        root / "redis.log", ready=lambda: port_open(port), ready_timeout=30,
    )
    return process, port


def port_of(process: ManagedProcess) -> int:
    url = process.command[process.command.index("--listener-url") + 1]
    return int(url.rsplit(":", 1)[1])
