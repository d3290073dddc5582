"""Child process for the start-up benchmark: prints timestamps as milestones are reached.

    python bench/start_probe.py bare
    python bench/start_probe.py salesdesk DATA_DIR

Prints ``painted <t>``, ``rows <t>`` (SalesDesk only: the first page of prospects
drawn) and ``rss_kb <n>``, where ``t`` is seconds since the epoch (the parent compares
them with its own start time), then quits.
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
    from PySide6.QtWidgets import QApplication, QMainWindow

    class PaintWatch(QObject):
        """Calls ``on_paint`` after the first paint for which ``ready()`` holds."""

        def __init__(self, on_paint, ready=lambda: True) -> None:  # type: ignore[no-untyped-def]
            super().__init__()
            self.on_paint = on_paint
            self.ready = ready
            self.fired = False

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and not self.fired and self.ready():
                self.fired = True
                QTimer.singleShot(0, self.on_paint)
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

    from salesdesk.config import resolve_paths
    from salesdesk.ui.app import start_gui

    app = QApplication(sys.argv[:1])
    paths = resolve_paths(sys.argv[2])
    holder: dict[str, object] = {}

    def on_window_paint() -> None:
        painted[0] = time.time()

    def on_rows_paint() -> None:
        finish(f"rows {time.time():.6f}")

    def rows_shown() -> bool:
        controller = holder.get("controller")
        return controller is not None and controller.window.model.rowCount() > 0  # type: ignore[attr-defined]

    win_watch = PaintWatch(on_window_paint)
    rows_watch = PaintWatch(on_rows_paint, rows_shown)
    app.installEventFilter(win_watch)  # the first paint of any SalesDesk widget
    started = start_gui(paths, "ja")
    if isinstance(started, int):
        return started
    holder["controller"] = started
    started.window.table.viewport().installEventFilter(rows_watch)
    code = app.exec()
    started.services.db.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
