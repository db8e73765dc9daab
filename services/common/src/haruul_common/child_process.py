"""Child processes that cannot outlive the process that started them.

`haruul run` and the local broker start their children in new sessions, so that Ctrl-C
reaches only the supervisor, which then stops them in order. If the supervisor itself is
killed (SIGKILL, a closed terminal), Linux's parent-death signal still stops each child.
"""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys

_PR_SET_PDEATHSIG = 1


def terminate_with_parent() -> None:
    """For `subprocess.Popen(preexec_fn=...)`: SIGTERM this child when its parent dies."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def stop_process(process: subprocess.Popen[bytes], timeout_s: float) -> None:
    """SIGTERM (an orderly shutdown), then SIGKILL if it is still running after `timeout_s`."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
