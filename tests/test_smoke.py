"""``salesdesk --smoke``: what installers and the packaging check rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesdesk.ui.smoke import run_smoke


def test_smoke_starts_paints_and_reports(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_smoke(str(tmp_path / "data")) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("smoke: SalesDesk ") and out[0].endswith(" ok")
    assert "prospects: 0" in out
    # On Linux the desktop-notification library must be there (a bundle that left it out
    # would quietly fall back to the in-window banner).
    assert "notifications: desktop-notifier (D-Bus)" in out
    assert "calendar feed: ok" in out
