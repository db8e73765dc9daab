"""The example payloads beside the schemas are valid for both the JSON Schema that other
teams read and the models the services use — and the two agree."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from haruul_common.events import PAYLOAD_MODELS

KAFKA_CONTRACTS = Path(__file__).resolve().parents[3] / "proto" / "kafka"


@pytest.mark.parametrize("topic", sorted(PAYLOAD_MODELS))
def test_the_example_matches_the_schema_and_the_model(topic: str) -> None:
    example = json.loads((KAFKA_CONTRACTS / "examples" / f"{topic}.json").read_text("utf-8"))
    schema = json.loads((KAFKA_CONTRACTS / f"{topic}.schema.json").read_text("utf-8"))
    jsonschema.validate(example, schema)
    model = PAYLOAD_MODELS[topic].model_validate(example)
    assert model.model_dump(mode="json")["schema_version"] == 1


@pytest.mark.parametrize("topic", sorted(PAYLOAD_MODELS))
def test_readers_ignore_fields_added_later_in_v1(topic: str) -> None:
    example = json.loads((KAFKA_CONTRACTS / "examples" / f"{topic}.json").read_text("utf-8"))
    example["added_in_a_later_minor_version"] = {"anything": True}
    PAYLOAD_MODELS[topic].model_validate(example)


@pytest.mark.parametrize("topic", sorted(PAYLOAD_MODELS))
def test_another_schema_version_is_refused(topic: str) -> None:
    example = json.loads((KAFKA_CONTRACTS / "examples" / f"{topic}.json").read_text("utf-8"))
    example["schema_version"] = 2
    with pytest.raises(ValueError, match="schema_version"):
        PAYLOAD_MODELS[topic].model_validate(example)
