"""The routing configuration in force, swapped whole on reload (SIGHUP).

A bad file on reload keeps the configuration in force and says why; alerts, timers and the
ledger live in the store, so a reload loses no state.
"""

from __future__ import annotations

from pathlib import Path

import structlog

from haruul_notify.domain.routing import RoutingConfig
from haruul_notify.routing_config import RoutingConfigError, load_routing

log = structlog.get_logger("haruul_notify")


class RoutingHolder:
    def __init__(self, path: Path, config: RoutingConfig | None = None) -> None:
        self.path = path
        self.config = config if config is not None else load_routing(path)

    def reload(self) -> bool:
        try:
            self.config = load_routing(self.path)
        except RoutingConfigError as error:
            log.error("routing_reload_refused", problems=str(error))
            return False
        log.info("routing_reloaded", desks=[desk.id for desk in self.config.desks])
        return True
