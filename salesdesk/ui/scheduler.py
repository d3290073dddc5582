"""Shows each reminder once, at its minute, from one timer armed for the next due moment.

The scheduler does not poll the rows: it asks the reminder source for the next moment
anything falls due and arms a single-shot timer for it. The wait is capped at a minute
because timers stop while the laptop sleeps; each time the timer fires the wall clock is
read again, so a sleep (or the clock set forward) shows up as a timer that fired late.
Everything that fell due meanwhile is then handed on in one batch marked ``missed``, which
the window shows as one grouped notification instead of a storm.

Times are aware UTC throughout, so summer time gaps and folds change nothing here: a
reminder fires at its UTC instant. A reminder is shown once: the source remembers what was
shown (in the data file, so a restart shows nothing twice), and the scheduler keeps the keys
it handed on for the session too, in case the data file could not take the write.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from salesdesk.core.clock import utc_now

if TYPE_CHECKING:
    from salesdesk.core.reminders import Reminder

log = logging.getLogger(__name__)

#: Longest wait before the wall clock is read again (timers pause during suspend).
MAX_WAIT_MS = 60_000
#: A check this much later than the timer was due means the machine slept (or the clock
#: was set forward): what fell due meanwhile was missed and is shown together.
RESUME_SLACK = timedelta(seconds=5)


class ReminderSource(Protocol):
    """What the scheduler needs from :class:`salesdesk.core.reminders.ReminderService`."""

    def pending(self, now: datetime | None = None) -> list[Reminder]: ...

    def next_at(self, after: datetime) -> datetime | None: ...

    def mark_shown(self, keys: Iterable[str], shown_at: datetime) -> None: ...


class Timer(Protocol):
    """The part of a single-shot :class:`QTimer` the scheduler uses (tests pass a fake)."""

    @property
    def timeout(self) -> Any: ...

    def start(self, msec: int) -> None: ...

    def stop(self) -> None: ...

    def isActive(self) -> bool: ...


def wait_ms(now: datetime, due: datetime | None) -> int:
    """Milliseconds to wait from ``now`` for ``due``: rounded up (never early), at most a minute."""
    if due is None:
        return MAX_WAIT_MS
    left = (due - now).total_seconds() * 1000
    return max(0, min(MAX_WAIT_MS, math.ceil(left)))


class ReminderScheduler(QObject):
    """Hands each reminder on once, when it falls due; see the module docstring.

    ``remindersDue(reminders, missed)``: ``missed`` is True for what fell due while the
    app was closed (the first check), the machine slept, or the clock jumped forward.
    """

    remindersDue = Signal(object, bool)
    #: After every check (the tray refreshes its counts).
    checked = Signal()

    def __init__(
        self,
        source: ReminderSource,
        clock: Callable[[], datetime] = utc_now,
        timer: Timer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        if timer is None:
            qtimer = QTimer(self)
            qtimer.setSingleShot(True)
            # A coarse timer may be 5 % late (3 s on a minute); reminders fire within 1 s.
            qtimer.setTimerType(Qt.TimerType.PreciseTimer)
            timer = qtimer
        self._timer: Timer = timer
        self._timer.timeout.connect(self._on_timeout)
        self._shown: set[str] = set()
        self._unsaved: dict[str, datetime] = {}  # shown, but the data file refused the write
        self._started = False
        self._expected: datetime | None = None  # when the armed timer should fire
        self.next_due: datetime | None = None  # the next reminder moment (for the status)

    # -- control -------------------------------------------------------------------------
    def start(self) -> None:
        """First check: whatever fell due while SalesDesk was closed is shown, together."""
        if not self._started:
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                # Back from the background (often: back from a sleep): look at the clock now.
                app.applicationStateChanged.connect(self._on_app_state)
        self._started = True
        self._check(missed=True)

    def stop(self) -> None:
        if self._started and isinstance(app := QGuiApplication.instance(), QGuiApplication):
            app.applicationStateChanged.disconnect(self._on_app_state)
        self._started = False
        self._timer.stop()
        self._expected = None

    def set_source(self, source: ReminderSource) -> None:
        """Use another source (settings changed); the next check reads it."""
        self._source = source
        self.refresh()

    def refresh(self) -> None:
        """Re-read the data: call after anything that adds, moves or ends a reminder."""
        if self._started:
            self._check(missed=False)

    def wake(self) -> None:
        """Check now (the app became active again, maybe after a sleep)."""
        if self._started:
            self._check(missed=False)

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.wake()

    def _on_timeout(self) -> None:
        if self._started:
            self._check(missed=False)

    # -- the check -----------------------------------------------------------------------
    def _check(self, missed: bool) -> None:
        now = self._clock()
        if self._expected is not None and now - self._expected > RESUME_SLACK:
            missed = True  # the timer could not fire: asleep, or the clock moved forward
        self._save_unsaved()
        try:
            due = [r for r in self._source.pending(now) if r.key not in self._shown]
        except Exception:  # a locked or damaged file must not stop the timer for good
            log.exception("reminders could not be read; trying again in a minute")
            self._arm(now, None)
            return
        if due:
            keys = [r.key for r in due]
            self._shown.update(keys)
            self.remindersDue.emit(due, missed)
            self._record(keys, now)
        try:
            upcoming = self._source.next_at(now)
        except Exception:
            log.exception("the next reminder could not be read; checking again in a minute")
            upcoming = None
        self._arm(now, upcoming)
        self.checked.emit()

    def _arm(self, now: datetime, upcoming: datetime | None) -> None:
        self.next_due = upcoming
        ms = wait_ms(now, upcoming)
        self._expected = now + timedelta(milliseconds=ms)
        self._timer.stop()
        self._timer.start(ms)

    def _record(self, keys: list[str], shown_at: datetime) -> None:
        try:
            self._source.mark_shown(keys, shown_at)
        except Exception as exc:
            # Shown already; keep them from showing again this session, write later.
            log.warning("could not record shown reminders: %s", exc)
            self._unsaved.update(dict.fromkeys(keys, shown_at))

    def _save_unsaved(self) -> None:
        if not self._unsaved:
            return
        by_time: dict[datetime, list[str]] = {}
        for key, at in self._unsaved.items():
            by_time.setdefault(at, []).append(key)
        self._unsaved = {}
        for at, keys in by_time.items():
            self._record(keys, at)
