"""A development SMTP server that keeps each message it receives as one `.eml` file.

`make run` points the gateway's SMTP adapter here, so a person can open the alert e-mails of
a local run. Refused when HARUUL_ENV=production: it is a sink, not a relay.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

ALERT_HEADER = b"X-Haruul-Alert-Id"


class _FileHandler:
    def __init__(self, outbox_dir: Path) -> None:
        self._outbox_dir = outbox_dir

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        alert_id = "unknown"
        for line in content.splitlines():
            if line.lower().startswith(ALERT_HEADER.lower() + b":"):
                alert_id = line.split(b":", 1)[1].strip().decode("ascii", "replace")
                break
            if not line.strip():
                break
        self._outbox_dir.mkdir(parents=True, exist_ok=True)
        final = self._outbox_dir / f"{alert_id}-{uuid.uuid4().hex[:12]}.eml"
        partial = final.with_suffix(".partial")
        partial.write_bytes(content)
        os.replace(partial, final)
        return "250 Message accepted for delivery"


def start_dev_smtp_sink(outbox_dir: Path, host: str = "127.0.0.1", port: int = 2525) -> Controller:
    """Start the sink in its own thread; `.stop()` on the result ends it."""
    controller = Controller(_FileHandler(outbox_dir), hostname=host, port=port)
    controller.start()
    return controller
