"""Where the data lives, and the rep's settings surviving restarts (and bad files)."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from salesdesk.config import (
    DB_FILE_NAME,
    ENV_DATA_DIR,
    Paths,
    Settings,
    resolve_paths,
    resource_path,
)


# -- resolve_paths ------------------------------------------------------------------
def test_data_dir_option_wins_over_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    paths = resolve_paths(tmp_path / "from-option")
    assert paths.data_dir == (tmp_path / "from-option").resolve()
    assert paths.database == paths.data_dir / DB_FILE_NAME
    assert paths.backups.parent == paths.data_dir
    assert paths.settings.parent == paths.data_dir


def test_environment_wins_over_the_platform_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_paths().data_dir == (tmp_path / "from-env").resolve()
    assert resolve_paths(None).data_dir == (tmp_path / "from-env").resolve()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_platform_folder_is_the_default() -> None:
    expected = Path(os.environ["XDG_DATA_HOME"]) / "SalesDesk"
    assert resolve_paths().data_dir == expected.resolve()


def test_an_empty_environment_variable_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, "")
    assert resolve_paths().data_dir.name == "SalesDesk"


def test_relative_and_home_paths_are_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_paths("rel").data_dir == tmp_path.resolve() / "rel"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert resolve_paths("~/sd").data_dir == (tmp_path / "home" / "sd").resolve()


def test_resolving_paths_creates_nothing(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "later")
    assert not paths.data_dir.exists()
    paths.ensure()
    assert paths.data_dir.is_dir() and paths.backups.is_dir()


def test_resources_are_found_beside_the_package() -> None:
    assert resource_path("a", "b.txt").parts[-3:] == ("resources", "a", "b.txt")


# -- Settings -----------------------------------------------------------------------
@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data")


def test_settings_default_when_nothing_is_saved(paths: Paths) -> None:
    s = Settings.load(paths)
    assert s == Settings()
    assert s.language == "system"
    assert not paths.settings.exists()


def test_settings_round_trip(paths: Paths) -> None:
    saved = Settings(
        language="ja",
        default_follow_up_days=5,
        default_follow_up_hour=9,
        extra={"window": [10, 20, 800, 600], "メモ": "朝一で電話"},
    )
    saved.save(paths)
    assert Settings.load(paths) == saved
    # Japanese stays readable in the file.
    assert "朝一で電話" in paths.settings.read_text(encoding="utf-8")
    # Saving again replaces the file and leaves no temporary file behind.
    Settings(language="en").save(paths)
    assert Settings.load(paths).language == "en"
    assert sorted(p.name for p in paths.data_dir.iterdir() if p.is_file()) == ["settings.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_settings_file_is_private(paths: Paths) -> None:
    old = os.umask(0)
    try:
        Settings().save(paths)
    finally:
        os.umask(old)
    assert stat.S_IMODE(paths.settings.stat().st_mode) == 0o600
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2, 3]",
        b'"ja"',
        b"null",
        b"\xff\xfe\x00garbage",
        b'{"language": "ja"',  # cut short by a crash mid-write
    ],
)
def test_corrupt_settings_fall_back_to_defaults(paths: Paths, content: bytes) -> None:
    paths.ensure()
    paths.settings.write_bytes(content)
    assert Settings.load(paths) == Settings()


def test_unknown_keys_are_ignored(paths: Paths) -> None:
    paths.ensure()
    paths.settings.write_text(
        json.dumps({"language": "ja", "from_a_newer_version": True}), encoding="utf-8"
    )
    assert Settings.load(paths) == Settings(language="ja")


@pytest.mark.parametrize("language", ["fr", "", None, 1])
def test_unknown_language_falls_back_to_system(paths: Paths, language: object) -> None:
    paths.ensure()
    paths.settings.write_text(
        json.dumps({"language": language, "default_follow_up_days": 7}), encoding="utf-8"
    )
    s = Settings.load(paths)
    assert s.language == "system"
    assert s.default_follow_up_days == 7  # the rest of the file is still used


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("default_follow_up_days", "three"),
        ("default_follow_up_days", None),
        ("default_follow_up_days", True),
        ("default_follow_up_hour", 9.5),
        ("extra", ["not", "a", "dict"]),
    ],
)
def test_a_value_of_the_wrong_type_keeps_its_default(paths: Paths, key: str, value: object) -> None:
    paths.ensure()
    paths.settings.write_text(json.dumps({"language": "en", key: value}), encoding="utf-8")
    s = Settings.load(paths)
    assert getattr(s, key) == getattr(Settings(), key)
    assert s.language == "en"
