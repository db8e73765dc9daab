"""A real Kannel (bearerbox + smsbox) with its fake SMSC, on free loopback ports.

    with RunningKannel(get_url="http://127.0.0.1:PORT/v1/sms/inbound?from=%p&to=%P&text=%a") as k:
        adapter = KannelSmsAdapter(k.sendsms_url, k.username, k.password, "1903", 5.0)
        ...
        await k.wait_for_message(lambda m: m.text == "hello")
        await k.send_inbound("+97699112233", "1903", "ACK 4F7K")

fakesmsc stands in for the operator's SMSC: it prints each SMS that bearerbox hands it as
`Got message N: <FROM TO text TEXT>`, `<FROM TO ucs-2 URL-ENCODED-UCS-2>` or, for one part of
a concatenated message, `<FROM TO udh URL-ENCODED-UDH data URL-ENCODED-PAYLOAD>`; a udh line
does not say the payload's coding, so `received()` takes it as UCS-2 when a byte below 0x09
occurs in the reassembled payload (the high byte of Latin or Cyrillic UCS-2) and as UTF-8
otherwise. fakesmsc reads inbound SMS from its stdin (a pipe here), one `FROM TO type TEXT`
line each; it handles one line per wake-up, so `send_inbound` waits for each line to be sent.

Needs Debian's `kannel` and `kannel-extras` packages: run `infra/kannel/install.sh` (as root).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from tests.support.net import free_port

BEARERBOX = Path("/usr/sbin/bearerbox")
SMSBOX = Path("/usr/sbin/smsbox")
FAKESMSC = Path("/usr/lib/kannel/test/fakesmsc")
INSTALL_HINT = (
    "Kannel is not installed (need /usr/sbin/bearerbox, /usr/sbin/smsbox and"
    " /usr/lib/kannel/test/fakesmsc): run `infra/kannel/install.sh` as root"
    " (apt-get install kannel kannel-extras)"
)

_GOT = re.compile(r"Got message (\d+): <(.*)>\s*$")
_SENT = re.compile(r"fakesmsc: sent message (\d+)")


class KannelNotInstalled(RuntimeError):
    pass


class KannelFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class FakeSmscMessage:
    """One outbound SMS as fakesmsc got it, concatenated parts joined."""

    sender: str
    receiver: str
    text: str
    coding: str  # "text" (GSM-7, shown as text), "ucs-2" or "data" (8-bit)
    parts: int


def _concat_info(udh: bytes) -> tuple[int, int, int] | None:
    """(reference, total, sequence) from a concatenation element of a UDH, if any."""
    index, end = 1, 1 + (udh[0] if udh else 0)
    while index + 1 < min(end, len(udh)):
        iei, length = udh[index], udh[index + 1]
        data = udh[index + 2 : index + 2 + length]
        if iei == 0x00 and length == 3:
            return data[0], data[1], data[2]
        if iei == 0x08 and length == 4:
            return (data[0] << 8) | data[1], data[2], data[3]
        index += 2 + length
    return None


def _unquote(field: str) -> bytes:
    """Kannel's URL encoding (octstr_url_encode): `+` for a space, `%XX` for other bytes."""
    return urllib.parse.unquote_to_bytes(field.replace("+", "%20"))


def _decode_payload(payload: bytes) -> tuple[str, str]:
    if any(byte < 0x09 for byte in payload) and len(payload) % 2 == 0:
        return payload.decode("utf-16-be", errors="replace"), "ucs-2"
    return payload.decode("utf-8", errors="replace"), "text"


def parse_fakesmsc_output(lines: list[str]) -> list[FakeSmscMessage]:
    """The complete outbound messages in fakesmsc's output, in order of their first part."""
    found: list[tuple[int, FakeSmscMessage]] = []
    pending: dict[tuple[str, str, int, int], dict[int, bytes]] = {}
    first_seen: dict[tuple[str, str, int, int], int] = {}
    for number, line in enumerate(lines):
        got = _GOT.search(line)
        if got is None:
            continue
        fields = got.group(2).split(" ", 3)
        if len(fields) < 3:
            continue
        sender, receiver, kind = fields[:3]
        rest = fields[3] if len(fields) == 4 else ""
        if kind == "text":
            found.append((number, FakeSmscMessage(sender, receiver, rest, "text", 1)))
        elif kind == "ucs-2":
            text = _unquote(rest).decode("utf-16-be", errors="replace")
            found.append((number, FakeSmscMessage(sender, receiver, text, "ucs-2", 1)))
        elif kind == "data":
            text = _unquote(rest).decode("latin-1")
            found.append((number, FakeSmscMessage(sender, receiver, text, "data", 1)))
        elif kind == "udh":
            udh_field, _, payload_field = rest.partition(" data ")
            udh = _unquote(udh_field)
            payload = _unquote(payload_field)
            info = _concat_info(udh)
            if info is None:
                text, coding = _decode_payload(payload)
                found.append((number, FakeSmscMessage(sender, receiver, text, coding, 1)))
                continue
            reference, total, sequence = info
            key = (sender, receiver, reference, total)
            first_seen.setdefault(key, number)
            pending.setdefault(key, {})[sequence] = payload
            if len(pending[key]) == total and set(pending[key]) == set(range(1, total + 1)):
                parts = pending.pop(key)
                joined = b"".join(parts[i] for i in range(1, total + 1))
                text, coding = _decode_payload(joined)
                message = FakeSmscMessage(sender, receiver, text, coding, total)
                found.append((first_seen.pop(key), message))
    return [message for _, message in sorted(found, key=lambda pair: pair[0])]


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class RunningKannel:
    """bearerbox, fakesmsc and smsbox in a temporary directory; stopped on exit."""

    def __init__(
        self,
        get_url: str | None = None,
        *,
        max_segments: int = 10,
        startup_timeout_s: float = 20.0,
        keep_workdir: bool = False,
    ) -> None:
        if get_url is not None and '"' in get_url:
            raise ValueError("get_url must not contain a double quote")
        self.get_url = get_url
        self.max_segments = max_segments
        self.startup_timeout_s = startup_timeout_s
        self.keep_workdir = keep_workdir
        self.username = "haruul"
        self.password = secrets.token_hex(8)
        self.admin_password = secrets.token_hex(8)
        self.admin_port = free_port()
        self.smsbox_port = free_port()
        self.smsc_port = free_port()
        self.sendsms_port = free_port()
        self.startup_s: float | None = None
        self.workdir: Path | None = None
        self._processes: dict[str, subprocess.Popen[bytes]] = {}
        self._logs: list[IO[bytes]] = []
        self._sent_inbound = 0

    @property
    def sendsms_url(self) -> str:
        return f"http://127.0.0.1:{self.sendsms_port}"

    @property
    def fakesmsc_log(self) -> Path:
        assert self.workdir is not None, "Kannel is not running"
        return self.workdir / "fakesmsc.out"

    def _config(self, workdir: Path) -> str:
        if self.get_url is not None:
            service = f'get-url = "{self.get_url}"'
        else:
            service = 'text = "no get-url configured"'
        return f"""\
group = core
admin-port = {self.admin_port}
admin-interface = 127.0.0.1
admin-password = {self.admin_password}
smsbox-port = {self.smsbox_port}
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "{workdir}/bearerbox.log"
log-level = 0
access-log = "{workdir}/access.log"

group = smsc
smsc = fake
smsc-id = fake
port = {self.smsc_port}
our-host = 127.0.0.1
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = {self.sendsms_port}
sendsms-interface = 127.0.0.1
mo-recode = true
log-file = "{workdir}/smsbox.log"
log-level = 0

group = sendsms-user
username = {self.username}
password = {self.password}
max-messages = {self.max_segments}
concatenation = true

group = sms-service
keyword = default
{service}
max-messages = 0
"""

    def _spawn(self, name: str, argv: list[str], *, stdin: int | None = None) -> None:
        assert self.workdir is not None
        log = (self.workdir / f"{name}.out").open("wb")
        self._logs.append(log)
        self._processes[name] = subprocess.Popen(
            argv,
            stdin=stdin if stdin is not None else subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.workdir,
            start_new_session=True,
        )

    def _failure(self, what: str) -> KannelFailed:
        assert self.workdir is not None
        details = "\n".join(
            f"--- {name}\n{_tail(self.workdir / name)}"
            for name in ("bearerbox.out", "bearerbox.log", "fakesmsc.out", "smsbox.out")
        )
        return KannelFailed(f"{what} (work dir {self.workdir})\n{details}")

    def _wait(self, what: str, ready: Callable[[], bool], deadline: float) -> None:
        while not ready():
            for name, process in self._processes.items():
                if process.poll() is not None:
                    raise self._failure(f"{name} exited ({process.returncode}) before {what}")
            if time.monotonic() > deadline:
                raise self._failure(f"timed out waiting for {what}")
            time.sleep(0.02)

    def _smsc_online(self) -> bool:
        url = f"http://127.0.0.1:{self.admin_port}/status.txt?password=" + urllib.parse.quote(
            self.admin_password
        )
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                status = answer.read().decode(errors="replace")
        except OSError:
            return False
        return bool(re.search(r"fake\[fake\].*\(online", status)) and "smsbox:" in status

    def start(self) -> None:
        missing = [str(p) for p in (BEARERBOX, SMSBOX, FAKESMSC) if not os.access(p, os.X_OK)]
        if missing:
            raise KannelNotInstalled(f"{INSTALL_HINT}; missing: {', '.join(missing)}")
        started = time.monotonic()
        deadline = started + self.startup_timeout_s
        self.workdir = Path(tempfile.mkdtemp(prefix="haruul-kannel-"))
        conf = self.workdir / "kannel.conf"
        conf.write_text(self._config(self.workdir))
        try:
            self._spawn("bearerbox", [str(BEARERBOX), "-v", "2", str(conf)])
            self._wait("the fake SMSC port", lambda: _listening(self.smsc_port), deadline)
            self._spawn(
                "fakesmsc",
                [str(FAKESMSC), "-H", "127.0.0.1", "-r", str(self.smsc_port)],
                stdin=subprocess.PIPE,
            )
            self._spawn("smsbox", [str(SMSBOX), "-v", "2", str(conf)])
            self._wait("the sendsms port", lambda: _listening(self.sendsms_port), deadline)
            self._wait("fakesmsc and smsbox to connect", self._smsc_online, deadline)
        except BaseException:
            self.stop()
            raise
        self.startup_s = time.monotonic() - started

    def stop(self) -> None:
        fakesmsc = self._processes.get("fakesmsc")
        if fakesmsc is not None and fakesmsc.stdin is not None:
            with contextlib.suppress(OSError):
                fakesmsc.stdin.close()
        for name in ("smsbox", "fakesmsc", "bearerbox"):
            process = self._processes.pop(name, None)
            if process is None:
                continue
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)
        for log in self._logs:
            log.close()
        self._logs.clear()
        if self.workdir is not None and not self.keep_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> RunningKannel:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # What fakesmsc saw

    def _output(self) -> list[str]:
        return self.fakesmsc_log.read_text(encoding="utf-8", errors="replace").splitlines()

    def received(self) -> list[FakeSmscMessage]:
        """Every complete outbound SMS fakesmsc has printed so far."""
        return parse_fakesmsc_output(self._output())

    async def wait_for_message(
        self, predicate: Callable[[FakeSmscMessage], bool], timeout_s: float = 10.0
    ) -> FakeSmscMessage:
        deadline = time.monotonic() + timeout_s
        while True:
            for message in self.received():
                if predicate(message):
                    return message
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"fakesmsc got no matching SMS in {timeout_s}s; it got {self.received()!r}"
                )
            await asyncio.sleep(0.02)

    # Inbound: an SMS typed into the fake SMSC

    async def send_inbound(
        self, sender: str, receiver: str, text: str, timeout_s: float = 5.0
    ) -> None:
        """Hand fakesmsc one inbound SMS: as text when printable ASCII, else as UCS-2 (as a
        phone sends Cyrillic). Returns once fakesmsc has passed it on to bearerbox."""
        if " " in sender or " " in receiver or not sender or not receiver:
            raise ValueError("sender and receiver must be single words")
        if "\n" in text or "\r" in text:
            raise ValueError("fakesmsc takes one line per SMS")
        if text.isascii() and text.isprintable():
            line = f"{sender} {receiver} text {text}\n"
        else:
            line = f"{sender} {receiver} ucs2 {urllib.parse.quote(text.encode('utf-16-be'))}\n"
        fakesmsc = self._processes.get("fakesmsc")
        if fakesmsc is None or fakesmsc.stdin is None:
            raise RuntimeError("Kannel is not running")
        fakesmsc.stdin.write(line.encode("ascii"))
        fakesmsc.stdin.flush()
        self._sent_inbound += 1
        deadline = time.monotonic() + timeout_s
        while self._sent_count() < self._sent_inbound:
            if time.monotonic() > deadline:
                raise AssertionError(f"fakesmsc did not send inbound SMS #{self._sent_inbound}")
            await asyncio.sleep(0.01)

    def _sent_count(self) -> int:
        return sum(1 for line in self._output() if _SENT.search(line))
