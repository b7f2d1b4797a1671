"""A local SMTP server that keeps every message in a Maildir (the portal's dev mailbox reads it).

Real SMTP on the wire, so the services send mail exactly as they would to a production relay.
Each message is kept as it arrived, with an ``X-Envelope-To`` line in front (the recipients the
sender named, which the headers need not list); it is not parsed here, like a relay would not.
"""

from __future__ import annotations

import argparse
import asyncio
import mailbox
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller


class MaildirHandler:
    def __init__(self, path: Path) -> None:
        for sub in ("tmp", "new", "cur"):  # Maildir(create=True) skips these when path exists
            (path / sub).mkdir(parents=True, exist_ok=True)
        self.box = mailbox.Maildir(path, create=False)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        content = envelope.original_content or envelope.content
        raw = content if isinstance(content, bytes) else content.encode()
        recipients = ", ".join(envelope.rcpt_tos)
        self.box.add(f"X-Envelope-To: {recipients}\n".encode() + raw.replace(b"\r\n", b"\n"))
        return "250 Message accepted for delivery"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=1025)
    parser.add_argument("--maildir", type=Path, default=Path("var/mail"))
    args = parser.parse_args()
    controller = Controller(MaildirHandler(args.maildir), hostname="127.0.0.1", port=args.port)
    controller.start()
    try:
        asyncio.run(asyncio.Event().wait())
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
