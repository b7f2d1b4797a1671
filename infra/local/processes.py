"""Child processes that are started, watched, killed and restarted: the bricks of a local stack."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


def wait_until(condition: Callable[[], bool], *, timeout: float, what: str, interval: float = 0.1) -> None:
    """Poll *condition* until it holds; raise TimeoutError naming *what* otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:  # noqa: S110 - the condition may fail while a process starts
            pass
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")


@dataclass
class ManagedProcess:
    """A command we own: started in its own process group, logs to a file."""

    name: str
    command: list[str]
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path | None = None
    ready: Callable[[], bool] | None = None
    ready_timeout: float = 60.0
    user: str | None = None
    process: subprocess.Popen[bytes] | None = None

    def start(self, *, wait: bool = True) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        env = {**os.environ, **self.env}
        self.process = subprocess.Popen(  # noqa: S603 - our own commands
            self.command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.cwd,
            start_new_session=True, user=self.user,
        )
        log.close()
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        if self.ready is None:
            return

        def alive_and_ready() -> bool:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")
            return bool(self.ready and self.ready())

        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            try:
                if alive_and_ready():
                    return
            except RuntimeError:
                raise
            except Exception:  # noqa: S110
                pass
            time.sleep(0.1)
        raise TimeoutError(f"{self.name} not ready after {self.ready_timeout:.0f}s; see {self.log_path}")

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole process group: no clean shutdown, as in a crash."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self, timeout: float = 10) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def restart(self, *, wait: bool = True) -> None:
        self.kill()
        self.start(wait=wait)
