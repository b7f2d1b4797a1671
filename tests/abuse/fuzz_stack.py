"""A stack of its own for schemathesis: it closes locations, erases families and publishes policies
with whatever it generates, which must not happen to the data the other tests share."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from infra.local.stack import LocalStack, StackConfig

FUZZED = ("identity", "intake", "offer", "matching", "notifications", "reporting")
# (service, demo account whose token is sent; None: anonymous). Several callers per service reach
# more operations past their authorization checks.
RUNS: tuple[tuple[str, str | None], ...] = (
    ("intake", None), ("intake", "loket.gent"), ("intake", "toeleider"), ("intake", "operator"),
    ("offer", None), ("offer", "zonnebloem"), ("offer", "loket.gent"),
    ("matching", "loket.gent"), ("matching", "zonnebloem"), ("matching", "operator"),
    ("notifications", "zonnebloem"), ("notifications", "loket.gent"),
    ("reporting", "loket.gent"), ("reporting", "zonnebloem"), ("reporting", "operator"),
    ("identity", None),
)
EXAMPLES = int(os.environ.get("ABUSE_EXAMPLES", "5"))
PHASES = os.environ.get("ABUSE_PHASES", "examples,fuzzing")


@contextmanager
def fuzz_stack() -> Iterator[LocalStack]:
    """Kept afterwards, like the ``system`` fixture's: the services' logs and schemathesis' reports."""
    var_dir = Path(tempfile.mkdtemp(prefix="opvang-fuzz-"))
    stack = LocalStack(StackConfig.ephemeral(var_dir, services=FUZZED))
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()


def token(stack: LocalStack, username: str) -> str:
    answer = httpx.post(f"{stack.url('identity')}/token",
                        data={"grant_type": "password", "username": username, "password": "demo"}, timeout=10)
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def schemathesis(
    stack: LocalStack, service: str, username: str | None, report: Path
) -> subprocess.CompletedProcess[str]:
    """One schemathesis run: fails on a 5xx answer or an answer that does not match the document."""
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{stack.url(service)}/openapi.json",
        "--checks", "not_a_server_error,response_schema_conformance",
        "--max-examples", str(EXAMPLES), "--phases", PHASES, "--generation-deterministic",
        "--request-timeout", "30", "--no-color", "--report", "junit", "--report-junit-path", str(report),
    ]
    if username:
        command += ["--header", f"Authorization: Bearer {token(stack, username)}"]
    # run in the stack's directory: schemathesis keeps its cache of crashes in the working directory
    return subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False,  # noqa: S603
                          cwd=stack.var)
