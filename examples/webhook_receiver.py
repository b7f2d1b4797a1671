"""Receiving Opvangloket's webhooks in a provider's software: check the signature, refuse replays.

    python examples/webhook_receiver.py --secret whsec_... --port 8080

Register ``http://<your host>:8080/opvangloket`` as a webhook (portal page "Meldingen", or
``POST /api/v1/provider/webhooks``); the secret is shown once when you do. Opvangloket signs every
delivery the Standard Webhooks way (https://www.standardwebhooks.com): headers ``webhook-id``,
``webhook-timestamp`` (Unix seconds) and ``webhook-signature`` (``v1,<base64 HMAC-SHA256 of
"id.timestamp.body">``). This receiver uses only the standard library and does not share code
with Opvangloket, so it shows that the published rules are enough:

* the signature is computed over the exact bytes received and compared in constant time; a
  delivery signed with another secret, or whose body was changed on the way, is refused (401);
* a timestamp more than five minutes from the receiver's clock is refused (401): a captured
  delivery cannot be replayed later;
* a message id already handled is acknowledged (200) but not handled twice: Opvangloket retries
  until it gets a 2xx, so the same delivery may arrive more than once.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOLERANCE_SECONDS = 5 * 60


def expected_signature(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    digest = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify(secret: str, headers: dict[str, str], body: bytes, *, now: float | None = None) -> str | None:
    """None when the delivery is authentic and fresh; otherwise why it is refused."""
    msg_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    if not msg_id or not timestamp.isdigit():
        return "missing webhook-id or webhook-timestamp"
    if abs((time.time() if now is None else now) - int(timestamp)) > TOLERANCE_SECONDS:
        return "timestamp outside the tolerance window"
    wanted = expected_signature(secret, msg_id, timestamp, body)
    offered = headers.get("webhook-signature", "").split()
    if not any(hmac.compare_digest(wanted, candidate) for candidate in offered):
        return "signature does not match"
    return None


class Receiver:
    """Verifies each POST and hands authentic, new deliveries to *on_event* (once per message id)."""

    def __init__(self, secret: str, on_event: Callable[[str, Any], None],
                 clock: Callable[[], float] = time.time) -> None:
        self.secret = secret
        self.on_event = on_event
        self.clock = clock
        self.log: list[tuple[dict[str, str], bytes, int]] = []  # every POST: headers, body, our answer
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def handle(self, headers: dict[str, str], body: bytes) -> tuple[int, str]:
        status, text = self._decide(headers, body)
        with self._lock:
            self.log.append((headers, body, status))
        return status, text

    def _decide(self, headers: dict[str, str], body: bytes) -> tuple[int, str]:
        problem = verify(self.secret, headers, body, now=self.clock())
        if problem:
            return 401, problem
        msg_id = headers["webhook-id"]
        with self._lock:
            if msg_id in self._seen:
                return 200, "already handled"
            self._seen.add(msg_id)
        self.on_event(msg_id, json.loads(body))
        return 200, "handled"

    def server(self, host: str, port: int) -> ThreadingHTTPServer:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                status, text = receiver.handle({k.lower(): v for k, v in self.headers.items()}, body)
                self.send_response(status)
                self.send_header("content-type", "text/plain; charset=utf-8")
                self.end_headers()
                self.wfile.write(text.encode())

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
                return

        return ThreadingHTTPServer((host, port), Handler)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--secret", required=True, help="the whsec_... secret shown when the webhook was made")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    receiver = Receiver(args.secret, lambda msg_id, event: print(msg_id, json.dumps(event), flush=True))
    receiver.server(args.host, args.port).serve_forever()


if __name__ == "__main__":
    main()
