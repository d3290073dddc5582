"""Per-employee SalesDesk packages: one command per rep, for IT.

    python -m salesdesk.packaging build --employee-name "山田 太郎" --email taro@example.co.jp

builds the one-dir bundle with ``build.spec`` (or reuses ``dist/SalesDesk`` with
``--reuse``), copies it into ``build/packaging/<name>/``, puts the rep's profile beside
the executable as ``profile.json`` (data, not code: the app adopts it on its first
start) and an optional starter prospect list, and archives it as
``dist/SalesDesk-<version>-<employee>-<os>-<arch>.tar.gz`` (``.zip`` on Windows). On
Linux the archive also holds a ``.desktop`` entry, the icon and ``install.sh`` /
``uninstall.sh`` for the rep's own account.

Build-time only: the frozen app excludes this package.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from salesdesk.profile import (
    PROFILE_FILE_NAME,
    STARTER_PROSPECT_NAMES,
    Profile,
    invalid_rows,
    read_starter_prospects,
    write_json_private,
)

APP_NAME = "SalesDesk"
ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES = ROOT / "resources" / "packaging"


class PackagingError(Exception):
    """The package cannot be built; the message says why."""


@dataclass(frozen=True)
class Project:
    name: str
    version: str


def read_project(root: Path = ROOT) -> Project:
    """Name and version from pyproject.toml (the same source build.spec reads)."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return Project(data["name"], data["version"])


# -- naming ------------------------------------------------------------------------------
#: Long vowels as names are spelled in passports (Tarō → taro), but not where the second
#: letter starts a syllable of its own (井上 inoue stays).
_LONG_VOWEL = re.compile(r"(?<=[ou])[ou](?![aeiou])")


def _romanise(text: str) -> str:
    """Hepburn for Japanese (pykakasi, a build dependency), long vowels shortened the
    way names are written in passports and e-mail addresses (Tarō → taro); '' when the
    converter is missing or leaves a character out."""
    try:
        import pykakasi
    except ImportError:
        return ""
    parts = []
    for item in pykakasi.kakasi().convert(text):
        roman = item["hepburn"]
        if item["orig"].strip() and not roman.strip():
            return ""  # a character it cannot read (e.g. 髙): fall back
        parts.append(_LONG_VOWEL.sub("", roman) if roman.isascii() else roman)
    return "".join(parts)


def _ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.category(c).startswith("Z") for c in text)


def employee_slug(name: str, email: str = "") -> str:
    """An ASCII file-name part for an employee: ``山田 太郎`` → ``yamada-taro``.

    Latin names are folded (``José Müller`` → ``jose-muller``); Japanese is romanised;
    failing that the e-mail's local part; failing that a short hash of the name, so
    the result is never empty and never holds anything but ``a-z0-9-``.
    """
    name = unicodedata.normalize("NFKC", name).strip()
    candidates = [_ascii_slug(name) if _is_latin(name) else _ascii_slug(_romanise(name))]
    candidates.append(_ascii_slug(email.split("@", 1)[0]) if "@" in email else "")
    for slug in candidates:
        if slug:
            return slug[:40].strip("-")
    return "rep-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-amd64``, ``macos-arm64``…: the archive is for this OS."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    if system.startswith("linux"):
        system = "linux"
    return f"{system}-{platform.machine().lower() or 'unknown'}"


def archive_base(version: str, slug: str, tag: str | None = None) -> str:
    return f"{APP_NAME}-{version}-{slug}-{tag or platform_tag()}"


# -- bundle ------------------------------------------------------------------------------
def bundle_path(dist: Path) -> Path:
    """Where build.spec puts the bundle on this OS."""
    return dist / (f"{APP_NAME}.app" if sys.platform == "darwin" else APP_NAME)


def executable_in(bundle: Path) -> Path:
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / APP_NAME
    if sys.platform == "win32":
        return bundle / f"{APP_NAME}.exe"
    return bundle / "salesdesk"


def data_dir_in(bundle: Path) -> Path:
    """Where the per-employee files go: beside the executable (in ``Contents/Resources``
    of a macOS app, where signed bundles keep data)."""
    if sys.platform == "darwin":
        return bundle / "Contents" / "Resources"
    return bundle


def build_bundle(root: Path = ROOT, dist: Path | None = None, work: Path | None = None) -> float:
    """Compile translations and run PyInstaller on build.spec; returns seconds taken."""
    dist = dist or root / "dist"
    work = work or root / "build" / "pyinstaller"
    started = time.perf_counter()
    subprocess.run([sys.executable, str(root / "scripts" / "build_translations.py")], check=True)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise PackagingError(
            "PyInstaller is not installed: pip install -e '.[build]' "
            "(or run scripts/build-bundle.sh, which installs it)"
        ) from None
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(dist), "--workpath", str(work), str(root / "build.spec")]
    subprocess.run(cmd, check=True, cwd=root)
    return time.perf_counter() - started


# -- staging -----------------------------------------------------------------------------
def make_profile(
    name: str, email: str, company: str = "", phone: str = "", language: str = ""
) -> Profile:
    profile = Profile(name=name.strip(), email=email.strip(), company=company.strip())
    profile.phone = phone.strip()
    profile.language = language
    profile.signature = profile.default_signature()
    from salesdesk.core.validation import ValidationError

    try:
        profile.validate()
    except ValidationError as exc:
        fields = ", ".join(f"{k.replace('rep_', '')}: {v}" for k, v in exc.errors.items())
        raise PackagingError(f"the employee's profile is not valid ({fields})") from None
    return profile


def check_starter_list(source: Path) -> int:
    """Rows of a starter prospect list, refusing it when the app would refuse a row."""
    if source.suffix.lower() not in (".json", ".csv"):
        raise PackagingError(f"{source}: a starter list is .csv (UTF-8) or .json")
    try:
        rows = read_starter_prospects(source)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise PackagingError(f"{source}: cannot read it ({exc})") from None
    bad = invalid_rows(rows)
    if bad:
        shown = "; ".join(f"row {n}: {errs}" for n, errs in bad[:5])
        raise PackagingError(f"{source}: {len(bad)} row(s) the app would refuse ({shown})")
    return len(rows)


def stage(
    bundle: Path,
    profile: Profile,
    out_dir: Path,
    version: str,
    prospects: Path | None = None,
) -> Path:
    """Lay out one employee's package in ``out_dir`` (replaced if present); returns it.

    ``out_dir/SalesDesk`` is a copy of the bundle with ``profile.json`` (and the starter
    list) beside the executable; on Linux the installer files sit next to it.
    """
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    app = out_dir / bundle.name
    shutil.copytree(bundle, app, symlinks=True)
    data = data_dir_in(app)
    write_json_private(data / PROFILE_FILE_NAME, profile.to_dict())
    (data / PROFILE_FILE_NAME).chmod(0o644)  # the install copies it; the rep's copy is 0600
    if prospects is not None:
        check_starter_list(prospects)
        name = next(n for n in STARTER_PROSPECT_NAMES if n.endswith(prospects.suffix.lower()))
        shutil.copyfile(prospects, data / name)
    if sys.platform.startswith("linux"):
        _stage_linux_installer(out_dir, version)
    return out_dir


def _template(name: str, version: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8").replace("@VERSION@", version)


def _stage_linux_installer(out_dir: Path, version: str) -> None:
    for script in ("install.sh", "uninstall.sh"):
        target = out_dir / script
        target.write_text(_template(script, version), encoding="utf-8")
        target.chmod(0o755)
    (out_dir / "salesdesk.desktop").write_text(
        _template("salesdesk.desktop.in", version), encoding="utf-8"
    )
    shutil.copyfile(ROOT / "resources" / "icons" / "salesdesk.png", out_dir / "salesdesk.png")
    (out_dir / "README.txt").write_text(
        f"SalesDesk {version}\n\n"
        "Install for your own account (no administrator rights needed):\n\n"
        "    ./install.sh\n\n"
        "then start SalesDesk from the applications menu. To remove it: ./uninstall.sh\n"
        "(your data in ~/.local/share/SalesDesk is kept).\n\n"
        "自分のアカウントにインストールするには ./install.sh を実行し、\n"
        "アプリケーションメニューから SalesDesk を起動してください。\n",
        encoding="utf-8",
    )


# -- archive -----------------------------------------------------------------------------
def make_archive(staged: Path, dest_dir: Path) -> Path:
    """``staged`` as ``<its name>.tar.gz`` (``.zip`` on Windows) in ``dest_dir``; the
    archive's single top folder is ``staged``'s name. Symlinks and modes are kept."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":
        target = dest_dir / f"{staged.name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(staged.rglob("*")):
                zf.write(path, Path(staged.name) / path.relative_to(staged))
        return target
    target = dest_dir / f"{staged.name}.tar.gz"
    tmp = target.with_suffix(".tmp")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tf:
        tf.add(staged, arcname=staged.name, filter=_normalise_owner)
    os.replace(tmp, target)
    return target


def _normalise_owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # Unpacked by the rep, not by the build machine's user.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def archive_members(archive: Path) -> list[str]:
    """Member names of a package archive (for checks and tests)."""
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            return zf.namelist()
    with tarfile.open(archive) as tf:
        return tf.getnames()


def describe(profile: Profile) -> str:
    return json.dumps(profile.to_dict(), ensure_ascii=False)
