"""Start at login: the entry each system expects, and writing it on Linux."""

from __future__ import annotations

import configparser
import plistlib
import shlex
from pathlib import Path

import pytest

from salesdesk.config import Paths
from salesdesk.ui.autostart import (
    WINDOWS_RUN_KEY,
    entry_for,
    is_set,
    launch_command,
    login_entry,
    set_start_at_login,
)

ARGV = ["/opt/Sales Desk/salesdesk", "--data-dir", "/home/rep/営業 データ"]


def test_linux_entry_is_an_xdg_autostart_desktop_file() -> None:
    entry = login_entry("Linux", ARGV, {"XDG_CONFIG_HOME": "/home/rep/.cfg"}, "/home/rep")
    assert entry.kind == "xdg"
    assert entry.location == "/home/rep/.cfg/autostart/salesdesk.desktop"
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read_string(entry.content)
    section = desktop["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "SalesDesk"
    # Arguments with spaces are quoted as the Desktop Entry Specification says.
    assert shlex.split(section["Exec"]) == ARGV


def test_linux_entry_without_xdg_config_home_goes_to_dot_config() -> None:
    entry = login_entry("Linux", ["/usr/bin/salesdesk"], {"HOME": "/home/rep"}, "/x")
    assert entry.location == "/home/rep/.config/autostart/salesdesk.desktop"
    assert "Exec=/usr/bin/salesdesk\n" in entry.content


def test_exec_escapes_percent_quotes_and_backslashes() -> None:
    entry = login_entry("Linux", ['/a/100% "odd"\\dir/app'], {}, "/home/rep")
    exec_line = next(x for x in entry.content.splitlines() if x.startswith("Exec="))
    assert exec_line == 'Exec="/a/100%% \\\\"odd\\\\"\\\\\\\\dir/app"'


def test_windows_entry_is_a_run_key_value_with_a_quoted_command_line() -> None:
    argv = ["C:\\Program Files\\SalesDesk\\SalesDesk.exe", "--data-dir", "D:\\営業 データ"]
    entry = login_entry("Windows", argv, {}, "C:\\Users\\rep")
    assert entry.kind == "registry"
    assert entry.location == WINDOWS_RUN_KEY
    assert entry.location.startswith("HKEY_CURRENT_USER\\")
    assert entry.name == "SalesDesk"
    assert entry.content == (
        '"C:\\Program Files\\SalesDesk\\SalesDesk.exe" --data-dir "D:\\営業 データ"'
    )


def test_macos_entry_is_a_launch_agent_that_runs_at_load() -> None:
    entry = login_entry("Darwin", ARGV, {"HOME": "/Users/rep"}, "/x")
    assert entry.kind == "launchagent"
    assert entry.location == "/Users/rep/Library/LaunchAgents/jp.salesdesk.SalesDesk.plist"
    plist = plistlib.loads(entry.content.encode())
    assert plist["Label"] == "jp.salesdesk.SalesDesk"
    assert plist["ProgramArguments"] == ARGV
    assert plist["RunAtLoad"] is True


def test_the_command_is_the_bundle_or_python_dash_m() -> None:
    assert launch_command(True, "/opt/SalesDesk/salesdesk") == ["/opt/SalesDesk/salesdesk"]
    assert launch_command(False, "/usr/bin/python3", "/d") == [
        "/usr/bin/python3",
        "-m",
        "salesdesk",
        "--data-dir",
        "/d",
    ]


def test_turning_it_on_and_off_writes_and_removes_the_autostart_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    entry = login_entry("Linux", ["/usr/bin/salesdesk"], {"XDG_CONFIG_HOME": str(config)}, "/")
    assert not is_set(entry)
    set_start_at_login(entry, True)
    written = config / "autostart" / "salesdesk.desktop"
    assert written.read_text(encoding="utf-8") == entry.content
    assert is_set(entry)
    set_start_at_login(entry, True)  # again: same file, nothing else left behind
    assert [p.name for p in written.parent.iterdir()] == ["salesdesk.desktop"]
    set_start_at_login(entry, False)
    assert not written.exists() and not is_set(entry)
    set_start_at_login(entry, False)  # already off: fine


@pytest.mark.skipif(not Path("/proc").exists(), reason="Linux")
def test_the_data_folder_is_named_only_when_it_is_not_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    default = entry_for(Paths(tmp_path / "share" / "SalesDesk"))
    assert "--data-dir" not in default.content
    custom = entry_for(Paths(tmp_path / "elsewhere"))
    assert f"--data-dir {tmp_path / 'elsewhere'}" in custom.content
    assert custom.location == str(tmp_path / "cfg" / "autostart" / "salesdesk.desktop")
