"""The end of a service's start-up, as far as the garbage collector is concerned."""

from __future__ import annotations

import gc


def freeze_start_up_objects() -> None:
    """Take every object alive now out of the cyclic collector's reach: the imports, the app
    and (in scoring) the engine's tables, 70,000–96,000 objects a service, that live as long as
    the process. A full collection then walks only what came later: microseconds, not the
    ~90 ms it took, all of it holding the event loop (nearly intake's whole p99 budget of
    100 ms); scoring ~7 % less CPU a message (measured with its event built in one call). Call
    once, after building the service and before serving."""
    gc.freeze()
