"""Log lines of code under test, captured as a service would write them, then put back."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import structlog

from haruul_common.logs import configure_logging


@contextmanager
def captured_logs(level: str = "INFO") -> Iterator[io.StringIO]:
    """Everything logged inside, ours and the libraries', as JSON lines in a buffer."""
    root = logging.getLogger()
    handlers, root_level = list(root.handlers), root.level
    faststream = logging.getLogger("faststream")
    faststream_handlers, faststream_propagates = list(faststream.handlers), faststream.propagate
    lines = io.StringIO()
    configure_logging("test", json=True, level=level, stream=lines)
    try:
        yield lines
    finally:
        structlog.reset_defaults()
        root.handlers[:] = handlers
        root.setLevel(root_level)
        faststream.handlers[:] = faststream_handlers
        faststream.propagate = faststream_propagates
