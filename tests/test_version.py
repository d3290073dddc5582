"""The version the app reports is the one the package (and the installer) is built with."""

from __future__ import annotations

import tomllib
from pathlib import Path

import salesdesk


def test_app_version_matches_pyproject() -> None:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    assert salesdesk.app_version() == project["version"]
    assert project["name"] == "salesdesk"
