"""Structured logging, configured once per process by the composition root.

JSON lines in production, readable lines in development. Ids (report_id, alert_id, ...) are
bound through contextvars so every line of one message's handling carries them. Log ids, never
names, phone numbers or report text: the event dicts here reach ops dashboards. Every line —
ours and the libraries' — passes `haruul_common.scrub` on its way out, in case one slips.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import TextIO

import structlog

from haruul_common.scrub import scrub_event, scrub_text


def configure_logging(
    service: str, *, json: bool, level: str = "INFO", stream: TextIO | None = None
) -> None:
    """Logging for one process, to `stream` (standard error unless a test passes its own)."""
    stream = stream or sys.stderr
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            scrub_event,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(service=service)
    # Libraries (aiokafka, uvicorn, faststream) log through the standard library; keep their
    # warnings, drop their chatter.
    handler = logging.StreamHandler(stream)
    handler.setFormatter(ScrubbingFormatter("%(name)s %(levelname)s %(message)s"))
    handler.addFilter(RepeatFilter())
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    # FastStream's own lifecycle logger writes to its own handler; send it through ours.
    faststream = logging.getLogger("faststream")
    faststream.handlers.clear()
    faststream.propagate = True


class RepeatFilter(logging.Filter):
    """One line per library message shape per `every_s`: a client retrying an absent broker
    (aiokafka logs each attempt, ~1,700 lines a second) must not drown the log; the next line
    let through says how many were held back."""

    def __init__(self, every_s: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._every_s = every_s
        self._clock = clock
        self._seen: dict[tuple[str, object], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        shape = (record.name, record.msg)
        now = self._clock()
        last, held_back = self._seen.get(shape, (float("-inf"), 0))
        if now - last < self._every_s:
            self._seen[shape] = (last, held_back + 1)
            return False
        self._seen[shape] = (now, 0)
        if held_back:
            record.msg = f"{record.msg} ({held_back} more like this held back)"
        return True


class ScrubbingFormatter(logging.Formatter):
    """Library log lines, tracebacks included, with phone numbers and e-mail addresses out."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub_text(super().format(record))


def get_logger(name: str) -> structlog.typing.FilteringBoundLogger:
    logger: structlog.typing.FilteringBoundLogger = structlog.get_logger(name)
    return logger
