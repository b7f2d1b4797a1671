"""schemathesis against every service's OpenAPI document, as anonymous and as the roles that reach
its operations: no 5xx, and every answer matches the document.

A reduced run in the normal suite (``ABUSE_EXAMPLES=5`` examples per operation, phases examples and
fuzzing, deterministic generation); the full-size run is ``make abuse`` (see docs/evidence.md).
Each run's JUnit report and output are kept in the stack's directory (``/tmp/opvang-fuzz-*``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from infra.local.stack import LocalStack
from tests.abuse.fuzz_stack import RUNS, fuzz_stack, schemathesis


@pytest.fixture(scope="module")
def stack() -> Iterator[LocalStack]:
    with fuzz_stack() as started:
        yield started


@pytest.mark.parametrize(("service", "username"), RUNS, ids=[f"{s}-{u or 'anonymous'}" for s, u in RUNS])
def test_no_server_error_and_every_answer_matches_the_document(
    stack: LocalStack, service: str, username: str | None
) -> None:
    report = stack.var / f"schemathesis-{service}-{username or 'anonymous'}.xml"
    run = schemathesis(stack, service, username, report)
    report.with_suffix(".txt").write_text(run.stdout)
    summary = run.stdout[run.stdout.find("=== FAILURES"):] if "=== FAILURES" in run.stdout else run.stdout[-3000:]
    failed = run.returncode != 0  # not the CompletedProcess in the assertion: pytest would print the token
    assert not failed, f"schemathesis found problems ({report}):\n{summary[:12000]}\n{run.stderr[-2000:]}"
