"""A stand-in org.freedesktop.Notifications server for the notification round-trip tests.

Run as ``python fake_notifications.py`` with DBUS_SESSION_BUS_ADDRESS set. It prints
``ready`` once it owns the name, then one JSON line per Notify call (app name, title, body,
actions, the id it returned). A line ``click ID`` on stdin makes it report a click on that
notification (ActionInvoked "default"), as a notification daemon does.
"""

# D-Bus signatures are written as annotations, which ruff reads as names.
# ruff: noqa: F722, F821, UP037
from __future__ import annotations

import asyncio
import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method, signal

# A session bus of its own for a test: no services are started on demand, so the
# machine's notification daemon (if one is installed) stays out of it.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={tmp}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextlib.contextmanager
def private_session_bus(folder: Path) -> Iterator[str]:
    """Run ``dbus-daemon`` on a bus of its own; yields the bus address."""
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(tmp=folder), encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    try:
        address = daemon.stdout.readline().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not start")
        yield address
    finally:
        daemon.terminate()
        daemon.wait(5)
        daemon.stdout.close()


NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class FakeNotifications(ServiceInterface):
    def __init__(self) -> None:
        super().__init__(NAME)
        self._next = 0

    @method()
    def GetCapabilities(self) -> "as":
        return ["body", "actions"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["fake-notifications", "SalesDesk tests", "1.0", "1.2"]

    @method()
    def Notify(
        self,
        app_name: "s",
        replaces_id: "u",
        app_icon: "s",
        summary: "s",
        body: "s",
        actions: "as",
        hints: "a{sv}",
        expire_timeout: "i",
    ) -> "u":
        self._next += 1
        record: dict[str, Any] = {
            "id": self._next,
            "app_name": app_name,
            "title": summary,
            "body": body,
            "actions": list(actions),
            "icon": app_icon,
            "received": time.time(),
        }
        print(json.dumps(record, ensure_ascii=False), flush=True)
        return self._next

    @method()
    def CloseNotification(self, nid: "u"):
        self.NotificationClosed(nid, 3)

    @signal()
    def NotificationClosed(self, nid: "u", reason: "u") -> "uu":
        return [nid, reason]

    @signal()
    def ActionInvoked(self, nid: "u", action: "s") -> "us":
        return [nid, action]


async def main() -> None:
    bus = await MessageBus().connect()
    server = FakeNotifications()
    bus.export(PATH, server)
    await bus.request_name(NAME)
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:  # the test closed stdin: done
            break
        command = line.split()
        if len(command) == 2 and command[0] == "click":
            server.ActionInvoked(int(command[1]), "default")
    bus.disconnect()


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
    asyncio.run(main())
