"""A request body over the limit is refused with 413 before the application sees any of it.

Pure ASGI: the body is counted as it arrives, so a chunked body (no `Content-Length`) is
stopped as soon as it passes the limit instead of being buffered whole and judged afterwards.
A body within the limit is handed on unchanged. A `Content-Length` that is not a number is
refused with 400, as an HTTP server in front of intake would.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from haruul_intake.errors import error_response

_DIGITS = re.compile(r"[0-9]{1,20}")


class BodyLimit:
    def __init__(
        self, app: ASGIApp, *, max_body_bytes: int, on_refused: Callable[[str], None]
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.on_refused = on_refused

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            if _DIGITS.fullmatch(declared) is None:
                await self._refuse(
                    scope,
                    receive,
                    send,
                    400,
                    "invalid_content_length",
                    "Content-Length must be a whole number of bytes",
                    "invalid",
                )
                return
            if int(declared) > self.max_body_bytes:
                await self._too_large(scope, receive, send)
                return

        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away; there is no one to answer
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break

        whole: Message = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        handed_on = False

        async def replay() -> Message:
            nonlocal handed_on
            if handed_on:
                return await receive()
            handed_on = True
            return whole

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._refuse(
            scope,
            receive,
            send,
            413,
            "body_too_large",
            f"the body exceeds {self.max_body_bytes} bytes",
            "too_large",
        )

    async def _refuse(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        status_code: int,
        code: str,
        message: str,
        reason: str,
    ) -> None:
        self.on_refused(reason)
        # The rest of the body is not read: the connection cannot be reused.
        response = error_response(status_code, code, message, headers={"Connection": "close"})
        await response(scope, receive, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value).decode("latin-1").strip()
    return None
