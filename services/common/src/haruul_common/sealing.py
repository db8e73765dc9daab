"""Personal data sealed field by field inside Kafka payloads: AES-256-GCM under a named key.

Someone with broker access alone reads ids, levels and timestamps — never a narrative, a
contact or a quote. The listed fields of a JSON payload are moved into one `sealed` object:

    {"report_id": "…", "accepted_at": "…", …,
     "sealed": {"key_id": "k2", "fields": ["text", "reporter", "subject"],
                "nonce": "<base64, 12 bytes>", "ciphertext": "<base64: the fields as JSON + tag>"}}

The additional authenticated data is the topic and the message key (the report id), so a
sealed blob copied into another message or topic fails to open. Keys rotate by id: a key ring
lists every key still needed to open old messages; the first one seals new ones. Each topic
has its own ring, so a service holds only the keys of the topics it must read.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import BaseModel
from pydantic_core import to_json

SEALED = "sealed"
KEY_BYTES = 32
_NONCE_BYTES = 12


class KeyRingError(ValueError):
    """A key ring setting is malformed; the message never quotes a key."""


class SealError(ValueError):
    """A sealed payload cannot be opened: the reason names the key id or the failure only."""


@dataclass(frozen=True)
class KeyRing:
    keys: Mapping[str, bytes]
    current: str

    @classmethod
    def parse(cls, text: str) -> KeyRing:
        """`id:base64key,id:base64key…` — the first seals, all open. Keys are 32 bytes."""
        keys: dict[str, bytes] = {}
        for position, item in enumerate(text.split(","), start=1):
            key_id, separator, encoded = item.strip().partition(":")
            if not separator or not key_id or not key_id.replace("-", "").isalnum():
                raise KeyRingError(f"entry {position}: write <key-id>:<base64 key>")
            try:
                key = base64.b64decode(encoded, validate=True)
            except binascii.Error:
                raise KeyRingError(f"entry {position} ({key_id}): not base64") from None
            if len(key) != KEY_BYTES:
                raise KeyRingError(f"entry {position} ({key_id}): a key is {KEY_BYTES} bytes")
            if key_id in keys:
                raise KeyRingError(f"entry {position}: key id {key_id} given twice")
            keys[key_id] = key
        return cls(keys=keys, current=next(iter(keys)))

    def __repr__(self) -> str:  # never print key material
        return f"KeyRing(ids={list(self.keys)}, current={self.current!r})"


def new_key_text(key_id: str) -> str:
    """A fresh `id:base64key` entry for a key ring setting."""
    return f"{key_id}:{base64.b64encode(os.urandom(KEY_BYTES)).decode()}"


def _context(topic: str, message_key: bytes | None) -> bytes:
    return topic.encode() + b"\x00" + (message_key or b"")


class Sealer:
    """Seals and opens one topic's payloads."""

    def __init__(self, ring: KeyRing, topic: str, fields: Sequence[str]) -> None:
        self._ring = ring
        self._topic = topic
        self._fields = tuple(fields)
        self._ciphers = {key_id: AESGCM(key) for key_id, key in ring.keys.items()}

    def _sealed(
        self, secret: bytes, fields: list[str], message_key: bytes | None
    ) -> dict[str, Any]:
        """The `sealed` object for the fields' JSON. The nonce is 96 fresh random bits from the
        system's generator each time, GCM's standard construction (NIST SP 800-38D: safe for
        2^32 messages under one key, far more than a key seals before it rotates)."""
        nonce = os.urandom(_NONCE_BYTES)
        ciphertext = self._ciphers[self._ring.current].encrypt(
            nonce, secret, _context(self._topic, message_key)
        )
        return {
            "key_id": self._ring.current,
            "fields": fields,
            "nonce": base64.b64encode(nonce).decode(),
            "ciphertext": base64.b64encode(ciphertext).decode(),
        }

    def seal(self, payload: Mapping[str, Any], message_key: bytes | None) -> dict[str, Any]:
        present = [name for name in self._fields if name in payload]
        clear = {name: value for name, value in payload.items() if name not in present}
        secret = json.dumps({name: payload[name] for name in present}, ensure_ascii=False)
        clear[SEALED] = self._sealed(secret.encode(), present, message_key)
        return clear

    def seal_model(self, model: BaseModel, message_key: bytes | None) -> bytes:
        """The wire bytes of `model` with its listed fields sealed — what `seal_json` of its
        JSON dump gives, written by pydantic's serializer straight from the model."""
        present = [name for name in self._fields if name in type(model).model_fields]
        secret = model.model_dump_json(include=set(present)).encode()
        clear = model.model_dump_json(exclude=set(present)).encode()
        sealed = (
            b'"' + SEALED.encode() + b'":' + to_json(self._sealed(secret, present, message_key))
        )
        # A JSON object ends with its closing brace: the sealed member goes just before it.
        return clear[:-1] + (b"," if clear != b"{}" else b"") + sealed + b"}"

    def open(self, payload: Mapping[str, Any], message_key: bytes | None) -> dict[str, Any]:
        """The payload with its sealed fields back in place (an unsealed one as it is)."""
        sealed = payload.get(SEALED)
        if sealed is None:
            return dict(payload)
        if not isinstance(sealed, Mapping):
            raise SealError("'sealed' is not an object")
        key_id = sealed.get("key_id")
        cipher = self._ciphers.get(key_id) if isinstance(key_id, str) else None
        if cipher is None:
            raise SealError(f"sealed with key id {key_id!r}, which this service does not hold")
        try:
            nonce = _base64_decode(sealed["nonce"])
            ciphertext = _base64_decode(sealed["ciphertext"])
            secret = cipher.decrypt(nonce, ciphertext, _context(self._topic, message_key))
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise SealError("sealed fields are malformed") from None
        except InvalidTag:
            raise SealError(
                f"sealed fields fail their integrity check under key id {key_id}"
            ) from None
        opened = {name: value for name, value in payload.items() if name != SEALED}
        opened.update(json.loads(secret))
        return opened

    def seal_json(self, payload: Mapping[str, Any], message_key: bytes | None) -> bytes:
        return json.dumps(self.seal(payload, message_key), ensure_ascii=False).encode()

    def open_json(self, value: bytes, message_key: bytes | None) -> bytes:
        """Raw message bytes with the fields opened; bytes that are not a JSON object pass
        through untouched, for the payload's own validation to refuse."""
        opened = self.open_value(value, message_key)
        return value if opened is None else json.dumps(opened, ensure_ascii=False).encode()

    def open_value(self, value: bytes, message_key: bytes | None) -> dict[str, Any] | None:
        """The message as a JSON object with its fields opened, or None when it holds no
        sealed fields (not JSON, not an object, or not sealed): then its bytes are the payload."""
        try:
            payload = json.loads(value)
        except ValueError:
            return None
        if not isinstance(payload, dict) or SEALED not in payload:
            return None
        return self.open(payload, message_key)


def _base64_decode(text: object) -> bytes:
    """Strict: only the base64 alphabet, padded (as `b64decode(validate=True)`, in C)."""
    if not isinstance(text, str):
        raise TypeError("not a base64 string")
    return binascii.a2b_base64(text.encode("ascii"), strict_mode=True)
