"""The scoring baseline: the same FastStream client and subscription as scoring (build_broker,
subscribe: a consumer group, a poll's records handled side by side, one commit per batch),
publishing each report unchanged.

    python -m tools.bench.passthrough GROUP_ID OUTPUT_TOPIC   (KAFKA_BOOTSTRAP_SERVERS from env)
"""

from __future__ import annotations

import asyncio
import os
import sys

from faststream import FastStream

from haruul_common.kafka import SourceRecord, build_broker, subscribe
from haruul_common.settings import KafkaSettings
from haruul_common.topics import REPORTS


def main() -> None:
    group_id, output = sys.argv[1], sys.argv[2]
    settings = KafkaSettings(bootstrap_servers=os.environ["KAFKA_BOOTSTRAP_SERVERS"])
    broker = build_broker(settings, client_id="haruul-bench-passthrough")

    async def handle(record: SourceRecord) -> None:
        await broker.publish(record.value, output, key=record.key)

    subscribe(broker, REPORTS, group_id=group_id, handle=handle)
    asyncio.run(FastStream(broker).run())


if __name__ == "__main__":
    main()
