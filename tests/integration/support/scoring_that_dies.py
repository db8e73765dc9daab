"""Scoring, wired by its own composition root, with a sink that kills the process right after
the risk event is published — after the work, before the offset commit.

    python -m tests.integration.support.scoring_that_dies   (env: KAFKA_BOOTSTRAP_SERVERS,
                                                            HARUUL_SCORING_GROUP_ID)
"""

from __future__ import annotations

import asyncio
import os

from faststream import FastStream

from haruul_common.events import RiskEventV1
from haruul_common.settings import load_settings
from haruul_scoring.kafka_sink import KafkaRiskEventSink
from haruul_scoring.main import build_scoring
from haruul_scoring.settings import ScoringSettings

EXIT_CODE = 17


class DieAfterPublish(KafkaRiskEventSink):
    async def publish(self, event: RiskEventV1) -> None:
        await super().publish(event)
        os._exit(EXIT_CODE)  # no cleanup, no commit: as if the machine lost power


def main() -> None:
    service = build_scoring(load_settings(ScoringSettings), sink_factory=DieAfterPublish)
    asyncio.run(FastStream(service.broker).run())


if __name__ == "__main__":
    main()
