"""Starting SalesDesk when the rep logs in, the way each system expects it.

- Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/salesdesk.desktop``;
- Windows: a value under ``HKEY_CURRENT_USER\\...\\CurrentVersion\\Run``;
- macOS: ``~/Library/LaunchAgents/jp.salesdesk.SalesDesk.plist`` with ``RunAtLoad``.

:func:`login_entry` computes what to write (a pure function, tested for all three);
:func:`set_start_at_login` writes or removes it on the running system.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from salesdesk.config import Paths

APP_NAME = "SalesDesk"
LAUNCH_AGENT_LABEL = "jp.salesdesk.SalesDesk"
DESKTOP_FILE_NAME = "salesdesk.desktop"
WINDOWS_RUN_KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"


@dataclass(frozen=True)
class LoginEntry:
    """Where the start-at-login entry lives and what it holds.

    ``kind`` is "xdg" or "launchagent" (``location`` a file, ``content`` its text) or
    "registry" (``location`` the key, ``name`` the value name, ``content`` the command line).
    """

    kind: str
    location: str
    name: str
    content: str


def launch_command(frozen: bool, executable: str, data_dir: str | None = None) -> list[str]:
    """The command that starts this SalesDesk: the bundle's program, or ``python -m salesdesk``."""
    argv = [executable] if frozen else [executable, "-m", "salesdesk"]
    if data_dir:
        argv += ["--data-dir", data_dir]
    return argv


def _desktop_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key (Desktop Entry Specification, "Exec")."""
    needs_quotes = any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`=") or not arg
    if needs_quotes:
        for ch in ("\\", '"', "`", "$"):
            arg = arg.replace(ch, "\\" + ch)
        arg = f'"{arg}"'
    # The string-value escape applies on top of the quoting; a literal % is written %%.
    return arg.replace("\\", "\\\\").replace("%", "%%")


def _home_from(env: Mapping[str, str], home: str) -> str:
    return env.get("HOME") or home


def login_entry(
    system: str,
    argv: Sequence[str],
    env: Mapping[str, str],
    home: str,
    icon: str | None = None,
) -> LoginEntry:
    """What starts ``argv`` at login on ``system`` ("Linux", "Windows", "Darwin", ...)."""
    if system == "Windows":
        return LoginEntry("registry", WINDOWS_RUN_KEY, APP_NAME, subprocess.list2cmdline(argv))
    if system == "Darwin":
        folder = Path(_home_from(env, home)) / "Library" / "LaunchAgents"
        plist = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(argv),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        content = plistlib.dumps(plist).decode("utf-8")
        return LoginEntry("launchagent", str(folder / f"{LAUNCH_AGENT_LABEL}.plist"), "", content)
    config = env.get("XDG_CONFIG_HOME") or str(Path(_home_from(env, home)) / ".config")
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "Comment=Reminders for follow-ups and customer deadlines",
        "Comment[ja]=フォローアップと顧客の期限のリマインダー",
        "Exec=" + " ".join(_desktop_quote(a) for a in argv),
        f"Icon={icon or 'salesdesk'}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    path = Path(config) / "autostart" / DESKTOP_FILE_NAME
    return LoginEntry("xdg", str(path), "", "\n".join(lines) + "\n")


def entry_for(paths: Paths) -> LoginEntry:
    """The entry that starts this SalesDesk, on this data folder, on this machine.

    The folder is named only when it is not the default one (an environment variable set
    for a terminal is not there at login).
    """
    import platform

    from platformdirs import user_data_dir

    from salesdesk.config import APP_DIR_NAME, resource_path

    default = Path(user_data_dir(APP_DIR_NAME, False)).expanduser().resolve()
    data_dir = None if paths.data_dir.resolve() == default else str(paths.data_dir)
    frozen = bool(getattr(sys, "frozen", False))
    argv = launch_command(frozen, sys.executable, data_dir)
    icon = str(resource_path("icons", "salesdesk.png"))
    return login_entry(platform.system(), argv, os.environ, str(Path.home()), icon)


def is_set(entry: LoginEntry) -> bool:
    if entry.kind == "registry":
        return _registry().contains(entry.name)
    return Path(entry.location).is_file()


def set_start_at_login(entry: LoginEntry, enabled: bool) -> None:
    """Write (``enabled``) or remove the entry. Raises OSError when the file cannot be written."""
    if entry.kind == "registry":
        settings = _registry()
        if enabled:
            settings.setValue(entry.name, entry.content)
        else:
            settings.remove(entry.name)
        settings.sync()
        return
    path = Path(entry.location)
    if not enabled:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(entry.content, encoding="utf-8")
    os.replace(tmp, path)


def _registry() -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings(WINDOWS_RUN_KEY, QSettings.Format.NativeFormat)
