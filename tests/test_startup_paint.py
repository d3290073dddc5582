"""Start-up: the window's frame paints first, then its contents and the list in one step."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from salesdesk.config import Paths, Settings
from salesdesk.core.db import Database
from salesdesk.core.prospects import ProspectInput
from salesdesk.core.services import Services
from salesdesk.profile import Profile
from salesdesk.ui.app import Controller
from salesdesk.ui.i18n import Translations


@pytest.fixture
def controller(qtbot: QtBot, paths: Paths, db: Database) -> Iterator[Controller]:
    services = Services.create(db)
    for company in ("佐藤商事", "山田精機", "東京食品"):
        services.prospects.create(ProspectInput(company))
    Profile(name="山田 太郎").save(paths)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    ctl = Controller(app, paths, services, Settings(), Translations(app))
    qtbot.addWidget(ctl.window)
    yield ctl
    if ctl.window.isVisible():
        ctl.window.close()


def test_the_frame_has_its_final_title_and_size_and_the_contents_come_in_one_step(
    qtbot: QtBot, controller: Controller
) -> None:
    window = controller.window
    window.show()
    # Before the first paint: the frame only, already with the title the profile gives it.
    assert not window.list_loaded()
    assert window.findChild(QTableView) is None
    assert window.windowTitle() == "SalesDesk — 山田 太郎"
    frame = window.geometry()

    qtbot.waitUntil(window.list_loaded)
    # Right after it: contents built and the list filled, before anything else is drawn.
    assert window.model.rowCount() == 3
    assert window.count_label.text() == "3 prospects"
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&Edit"]
    # Nothing moved or resized, and the title stayed as it was.
    assert window.geometry() == frame
    assert window.windowTitle() == "SalesDesk — 山田 太郎"


def test_the_detail_panel_follows_the_first_page_and_the_right_side_is_never_blank(
    qtbot: QtBot, controller: Controller
) -> None:
    from PySide6.QtWidgets import QLabel

    from salesdesk.ui.detail_panel import DetailPanel

    window = controller.window
    window.show()
    qtbot.waitUntil(window.list_loaded)
    if window.findChild(DetailPanel) is None:
        # The list's first page is drawn before the panel is made; meanwhile the same
        # text the empty panel shows stands in its place.
        texts = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
        assert "Select a prospect, or press Ctrl+N to add one." in texts
    qtbot.waitUntil(lambda: window.findChild(DetailPanel) is not None)
    pid = window.model.id_at(1)
    window.select_prospect(pid)
    assert window.detail.title.text() == controller.services.prospects.get(pid).company
    assert window.detail.isVisible()


def test_a_window_closed_before_its_contents_were_built_closes_cleanly(
    qtbot: QtBot, controller: Controller
) -> None:
    window = controller.window
    assert window.current_id() is None
    window.close()  # e.g. the rep closed it in the same instant it appeared
    assert not window.isVisible()


def test_the_path_to_the_first_paint_stays_light(paths: Paths, db: Database) -> None:
    """What the frame needs is all that is imported before it paints: not the list's
    model, the detail panel, the relationship or closing rules, SQLAlchemy, or Qt's
    enum namespace (about 15 ms to build)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import PySide6.QtCore\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import salesdesk.cli\n"
        "from salesdesk.config import Paths, Settings\n"
        "from salesdesk.core.db import Database\n"
        "from salesdesk.core.services import Services\n"
        "from salesdesk.ui.app import Controller\n"
        "from salesdesk.ui.i18n import Translations\n"
        "app = QApplication([])\n"
        f"paths = Paths(Path({str(paths.data_dir)!r}))\n"
        "db = Database.open(paths.database)\n"
        "Controller(app, paths, Services.create(db), Settings(), Translations(app))\n"
        "heavy = ['salesdesk.ui.prospect_model', 'salesdesk.ui.detail_panel',"
        " 'salesdesk.core.relationship', 'salesdesk.core.closing_rules', 'sqlalchemy']\n"
        "print([m for m in heavy if m in sys.modules], 'Qt' in vars(PySide6.QtCore))\n"
        "db.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[] False"


def test_a_window_that_never_paints_still_gets_its_list(
    qtbot: QtBot, controller: Controller
) -> None:
    """Started minimised by the desktop, say: no paint event comes, the list loads anyway."""
    from salesdesk.ui import app as app_module

    window = controller.window
    window.removeEventFilter(controller._first_paint)  # as if no paint ever arrived
    window.show()
    assert not window.list_loaded()
    qtbot.waitUntil(window.list_loaded, timeout=app_module.START_AT_THE_LATEST_MS + 2000)
    assert window.model.rowCount() == 3
