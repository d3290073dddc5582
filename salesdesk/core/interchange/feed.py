"""The calendar feed: follow-ups and customer deadlines for calendar apps to subscribe to.

While SalesDesk runs, ``http://127.0.0.1:PORT/TOKEN/salesdesk.ics`` serves the same
calendar as the .ics export (:func:`~salesdesk.core.interchange.ics.calendar_bytes`), made
afresh only when the data changed (SQLite's ``data_version``). Outlook ("add a calendar
from the internet"), Apple Calendar ("new calendar subscription") and Thunderbird on the
rep's computer poll it, so they follow rescheduled, done and new items without another
export; the calendar asks them to look every 15 minutes.

It listens on the loopback address only, and the path carries a random token kept in the
settings, so neither the network nor another user of the computer can read it. Requests
are answered one at a time on the feed's own thread, with its own read connection.
"""

from __future__ import annotations

import hmac
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from salesdesk.core.db import Database

HOST = "127.0.0.1"
#: The ports tried for a new feed, below the range systems hand out on their own
#: (49152 up, where Windows also reserves blocks); the one chosen is kept in the settings,
#: so a calendar's subscription keeps working.
PREFERRED_PORT = 38463
PORT_TRIES = 20
FILE_NAME = "salesdesk.ics"
MAX_AGE_SECONDS = 300
REQUEST_TIMEOUT_SECONDS = 2.0


def new_token() -> str:
    """A path segment nobody can guess (128 random bits)."""
    return secrets.token_urlsafe(16)


def free_port(preferred: int = PREFERRED_PORT) -> int:
    """``preferred`` when nothing listens there on the loopback address, else one of the
    next few, else one the system picks (``preferred`` 0: the system's pick)."""
    tries = [preferred + i for i in range(PORT_TRIES)] if preferred else []
    for port in (*tries, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise OSError("no free port on the loopback address")


def feed_url(port: int, token: str) -> str:
    return f"http://{HOST}:{port}/{token}/{FILE_NAME}"


class CalendarFeed:
    """Serves the calendar at :func:`feed_url` on a thread of its own until :meth:`stop`.

    ``open_db`` gives the feed's own connection (made on its thread). ``calendar`` turns
    it into the body; the default is the .ics export's.
    """

    def __init__(
        self,
        open_db: Callable[[], Database],
        port: int,
        token: str,
        calendar: Callable[[Database], bytes] | None = None,
    ) -> None:
        self.open_db = open_db
        self.token = token
        self.calendar = calendar or _ics
        self._path = f"/{token}/{FILE_NAME}"
        self._db: Database | None = None
        self._cached: tuple[int, float, bytes] | None = None  # (data_version, made, body)
        feed = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "SalesDesk"
            # A client that connects and says nothing holds the one request thread (and
            # stop()) for at most this long.
            timeout = REQUEST_TIMEOUT_SECONDS

            def do_GET(self) -> None:
                feed.answer(self, head_only=False)

            def do_HEAD(self) -> None:
                feed.answer(self, head_only=True)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # no console output for every poll

        # Raises OSError when the port is taken: the caller says so to the rep.
        self._server = _Server((HOST, port), Handler)
        self.port = int(self._server.server_address[1])
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return feed_url(self.port, self.token)

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._serve, name="salesdesk-calendar-feed", daemon=True
        )
        self._thread.start()

    def _serve(self) -> None:
        try:
            self._server.serve_forever(poll_interval=0.5)
        finally:
            if self._db is not None:
                self._db.close()
                self._db = None

    def stop(self) -> None:
        """Stop answering and free the port at once.

        A request still being answered (a client trickling its request in) keeps the
        feed's thread for a moment; the window does not wait for it: the thread ends on
        its own (or with the app), and the port is closed here.
        """
        if self._thread is not None:
            threading.Thread(target=self._server.shutdown, daemon=True).start()
            self._thread.join(timeout=1.0)
            self._thread = None
        self._server.server_close()

    def body(self) -> bytes:
        """The calendar, made again when the data changed since the last request (or a
        few minutes passed: alarms already past are left out of it)."""
        if self._db is None:
            self._db = self.open_db()
        version, now = self._db.data_version(), time.monotonic()
        cached = self._cached
        if cached is None or cached[0] != version or now - cached[1] > MAX_AGE_SECONDS:
            cached = self._cached = (version, now, self.calendar(self._db))
        return cached[2]

    def answer(self, request: BaseHTTPRequestHandler, head_only: bool) -> None:
        if not hmac.compare_digest(request.path.split("?", 1)[0], self._path):
            request.send_error(404)
            return
        try:
            data = self.body()
        except Exception:  # the data file is busy or damaged: the calendar tries later
            request.send_error(503)
            return
        request.send_response(200)
        request.send_header("Content-Type", "text/calendar; charset=utf-8")
        request.send_header("Content-Length", str(len(data)))
        request.send_header("Cache-Control", "no-cache")
        request.end_headers()
        if not head_only:
            request.wfile.write(data)


class _Server(HTTPServer):
    # On Windows, address reuse would let another program bind the same port as well.
    allow_reuse_address = os.name != "nt"


def _ics(db: Database) -> bytes:
    from salesdesk.core.interchange.ics import calendar_bytes

    return calendar_bytes(db, subscribed=True)[0]
