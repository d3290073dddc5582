"""Child process for the start-up benchmark: prints timestamps as milestones are reached.

    python bench/start_probe.py bare
    python bench/start_probe.py salesdesk DATA_DIR

SalesDesk starts as a rep starts it (``python -m salesdesk``, here with
``--data-dir DATA_DIR --lang ja``). Prints ``painted <t>`` (the first paint of the
window), for SalesDesk also ``built <t>`` (the first paint of the prospect list, i.e.
the window's contents are up) and ``rows <t>`` (the list painted with prospects in it),
and ``rss_kb <n>``, where ``t`` is seconds since the epoch (the parent compares them with
its own start time), then quits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    mode = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    class PaintWatch(QObject):
        """Calls ``on_paint`` after the first paint of an object for which ``ready(obj)``
        holds, then stops watching (a filter on the application sees every event)."""

        def __init__(self, on_paint, ready=lambda _obj: True) -> None:  # type: ignore[no-untyped-def]
            super().__init__()
            self.on_paint = on_paint
            self.ready = ready
            self.fired = False

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and not self.fired and self.ready(obj):
                self.fired = True
                QTimer.singleShot(0, self.on_paint)
                QTimer.singleShot(0, lambda: QApplication.instance().removeEventFilter(self))
            return False

    def finish(extra: str = "") -> None:
        print(f"painted {painted[0]:.6f}")
        if extra:
            print(extra)
        print(f"rss_kb {_rss_kb()}")
        sys.stdout.flush()
        QApplication.quit()

    painted = [0.0]
    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1200, 760)

        def on_paint() -> None:
            painted[0] = time.time()
            finish()

        watch = PaintWatch(on_paint)
        window.installEventFilter(watch)
        window.show()
        return app.exec()

    # The rep's start: ``python -m salesdesk`` (the command line, then the window).
    from salesdesk.cli import main as salesdesk_main

    app = QApplication(sys.argv[:1])  # salesdesk uses this one; the watches need it first

    def main_window() -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            if hasattr(widget, "model") and hasattr(widget, "table"):
                return widget
        return None

    def table_painting(watched: QObject) -> bool:
        window = main_window()
        return window is not None and watched is window.table.viewport()  # type: ignore[attr-defined]

    def rows_painting(watched: QObject) -> bool:
        window = main_window()
        return table_painting(watched) and window.model.rowCount() > 0  # type: ignore[union-attr]

    def on_window_paint() -> None:
        painted[0] = time.time()

    def on_table_paint() -> None:
        built[0] = time.time()

    def on_rows_paint() -> None:
        now = time.time()
        finish(f"built {built[0] or now:.6f}\nrows {now:.6f}")  # one paint may be both

    built = [0.0]
    # The first paint of any SalesDesk widget; of the list (the window's contents built);
    # of the list with prospects in it.
    watches = [
        PaintWatch(on_window_paint),
        PaintWatch(on_table_paint, table_painting),
        PaintWatch(on_rows_paint, rows_painting),
    ]
    for watch in watches:
        app.installEventFilter(watch)
    return salesdesk_main(["--data-dir", sys.argv[2], "--lang", "ja"])


if __name__ == "__main__":
    raise SystemExit(main())
