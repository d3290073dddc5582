"""A second launch on the same data folder raises the running window and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from salesdesk.config import Paths
from salesdesk.ui.single_instance import SingleInstance, claim, server_name

FIRST = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from salesdesk.config import Paths
from salesdesk.ui.app import start_gui

controller = start_gui(Paths(Path(sys.argv[1])), "en")
controller.window.hide()  # as if closed to the tray


def raised():  # connected after the app's own handler: it runs once the window is up
    print("raised", controller.window.isVisible(), flush=True)
    QTimer.singleShot(0, controller.app.quit)


controller.instance.raiseRequested.connect(raised)
print("ready", flush=True)
controller.app.exec()
"""

HOLD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from salesdesk.ui.single_instance import claim
app = QCoreApplication([])
d = Path(sys.argv[1])
held = claim(d, d / "salesdesk.lock")
print("held", type(held).__name__, flush=True)
time.sleep(60)
"""


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")


def test_a_second_launch_raises_the_first_window_and_exits_0(tmp_path: Path) -> None:
    data = Paths(tmp_path / "data").ensure()
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, str(data.data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "ready"
        started = time.perf_counter()
        second = subprocess.run(
            [sys.executable, "-m", "salesdesk", "--data-dir", str(data.data_dir)],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        took = time.perf_counter() - started
        assert second.returncode == 0, second.stderr
        assert first.stdout.readline().strip() == "raised True"
        assert first.wait(20) == 0
        assert took < 10  # it never got as far as opening the data file or a window
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        if first.stdout is not None:
            first.stdout.close()


def test_another_data_folder_runs_alongside(qapp: object, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert server_name(one) != server_name(two)
    first = claim(one, one / "salesdesk.lock")
    second = claim(two, two / "salesdesk.lock")
    assert isinstance(first, SingleInstance) and isinstance(second, SingleInstance)
    assert first.is_listening() and second.is_listening()
    first.release()
    second.release()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_the_lock_of_a_crashed_instance_does_not_block_the_next_start(
    qapp: object, tmp_path: Path
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=_env()
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held SingleInstance"
    holder.kill()  # a crash: the lock file and the socket file stay behind
    holder.wait()
    holder.stdout.close()
    assert (tmp_path / "salesdesk.lock").exists()
    mine = claim(tmp_path, tmp_path / "salesdesk.lock")
    assert isinstance(mine, SingleInstance)
    assert mine.is_listening()  # the dead instance's socket name was taken over
    mine.release()


def test_a_folder_without_write_access_leaves_it_to_the_start_up_checks(
    qapp: object, tmp_path: Path
) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    assert claim(missing, missing / "salesdesk.lock") is None
