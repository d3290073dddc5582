"""Per-employee packages, without building the bundle (scripts/ci-packaging.sh does that).

A fake bundle (a shell script standing in for the executable) is enough to check the
naming, where the profile goes, what the archive holds, and what install.sh does in a
temporary HOME; the profile's first-start adoption runs on a temporary data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from salesdesk.config import Paths, Settings
from salesdesk.packaging import (
    PackagingError,
    archive_base,
    archive_members,
    check_starter_list,
    employee_slug,
    make_archive,
    make_profile,
    read_project,
    stage,
)
from salesdesk.profile import Profile, first_start

ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux installer")


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "dist" / "SalesDesk"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "salesdesk"
    exe.write_text('#!/bin/sh\necho SalesDesk fake "$@"\n', encoding="utf-8")
    exe.chmod(0o755)
    (bundle / "_internal" / "libQt6Core.so.6").write_bytes(b"\0" * 16)
    (bundle / "libQt6Core.so.6").symlink_to("_internal/libQt6Core.so.6")
    return bundle


@pytest.fixture
def yamada() -> Profile:
    return make_profile(
        "山田 太郎", "taro.yamada@example.co.jp", "東京営業所", "090-1234-5678", "ja"
    )


# -- naming ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "email", "slug"),
    [
        ("山田 太郎", "", "yamada-taro"),
        ("佐藤　花子", "", "sato-hanako"),  # ideographic space, long vowel
        ("井上 陽水", "", "inoue-yosui"),  # "ue" is two syllables, not a long vowel
        ("ヤマダ タロウ", "", "yamada-taro"),
        ("José Müller", "", "jose-muller"),
        ("髙 一郎", "ichiro.taka@example.jp", "ichiro-taka"),  # 髙 unreadable: e-mail
    ],
)
def test_employee_slug_is_romanised_ascii(name: str, email: str, slug: str) -> None:
    pytest.importorskip("pykakasi")
    assert employee_slug(name, email) == slug


def test_employee_slug_is_never_empty_or_unsafe() -> None:
    for name in ("髙", "!!!", "   ", "../etc/passwd", "名前\n改行"):
        slug = employee_slug(name)
        assert slug
        assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug), slug


def test_archive_is_named_for_employee_version_and_platform() -> None:
    version = read_project(ROOT).version
    base = archive_base(version, "yamada-taro", "linux-x86_64")
    assert base == f"SalesDesk-{version}-yamada-taro-linux-x86_64"


def test_profile_must_have_a_name_and_a_valid_email() -> None:
    with pytest.raises(PackagingError, match="name"):
        make_profile("  ", "taro@example.co.jp")
    with pytest.raises(PackagingError, match="email"):
        make_profile("山田 太郎", "not-an-address")


# -- staging and archive -------------------------------------------------------------
@linux_only
def test_profile_is_placed_beside_the_executable(
    tmp_path: Path, fake_bundle: Path, yamada: Profile
) -> None:
    staged = stage(fake_bundle, yamada, tmp_path / "stage" / "pkg", "0.1.0")
    beside = json.loads((staged / "SalesDesk" / "profile.json").read_text(encoding="utf-8"))
    assert beside["name"] == "山田 太郎"
    assert beside["email"] == "taro.yamada@example.co.jp"
    assert beside["language"] == "ja"
    assert "東京営業所" in beside["signature"]
    # The generic bundle in dist/ stays without anyone's profile.
    assert not (fake_bundle / "profile.json").exists()


@linux_only
def test_archive_holds_bundle_profile_and_installer(
    tmp_path: Path, fake_bundle: Path, yamada: Profile
) -> None:
    starter = tmp_path / "starter.csv"
    starter.write_text("company,kana\n株式会社テスト商事,テストショウジ\n", encoding="utf-8")
    staged = stage(fake_bundle, yamada, tmp_path / "stage" / "SalesDesk-0.1.0-x", "0.1.0", starter)
    archive = make_archive(staged, tmp_path / "out")
    assert archive.name == "SalesDesk-0.1.0-x.tar.gz"
    members = set(archive_members(archive))
    top = "SalesDesk-0.1.0-x"
    for name in (
        "install.sh",
        "uninstall.sh",
        "salesdesk.desktop",
        "salesdesk.png",
        "README.txt",
        "SalesDesk/salesdesk",
        "SalesDesk/profile.json",
        "SalesDesk/starter-prospects.csv",
        "SalesDesk/_internal/libQt6Core.so.6",
    ):
        assert f"{top}/{name}" in members
    with tarfile.open(archive) as tf:
        assert tf.getmember(f"{top}/install.sh").mode & 0o111
        assert tf.getmember(f"{top}/SalesDesk/libQt6Core.so.6").issym()  # links stay links
        assert tf.getmember(f"{top}/install.sh").uname == ""  # not the build machine's user


def test_starter_list_the_app_would_refuse_is_refused_at_build_time(tmp_path: Path) -> None:
    bad = tmp_path / "list.csv"
    bad.write_text("company,email\nA社,not-an-address\n", encoding="utf-8")
    with pytest.raises(PackagingError, match="row 1"):
        check_starter_list(bad)
    good = tmp_path / "list.json"
    good.write_text(json.dumps([{"company": "A社"}, {"company": ""}]), encoding="utf-8")
    assert check_starter_list(good) == 1  # a row without a company is not a prospect


# -- install.sh in a temporary HOME ----------------------------------------------------
@linux_only
def test_install_sh_installs_for_the_user_and_uninstall_keeps_data(
    tmp_path: Path, fake_bundle: Path, yamada: Profile
) -> None:
    staged = stage(fake_bundle, yamada, tmp_path / "pkg", "0.1.0")
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": os.environ["PATH"],
        "SALESDESK_ALLOW_ROOT": "1",  # CI runs as root; a rep never does
    }
    subprocess.run(["sh", str(staged / "install.sh")], env=env, check=True, capture_output=True)

    share = home / ".local" / "share"
    app = share / "salesdesk-app"
    entry = (share / "applications" / "salesdesk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}/salesdesk"\n' in entry
    assert "Icon=salesdesk" in entry
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "salesdesk.png").is_file()
    link = home / ".local" / "bin" / "salesdesk"
    assert link.is_symlink() and link.resolve() == (app / "salesdesk").resolve()
    assert (app / "profile.json").is_file()
    out = subprocess.run([str(link), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("SalesDesk fake")

    # Installing again (an upgrade) replaces the program in place.
    subprocess.run(["sh", str(staged / "install.sh")], env=env, check=True, capture_output=True)
    assert not (share / "salesdesk-app.old").exists()

    data = share / "SalesDesk"
    data.mkdir()
    (data / "salesdesk.sqlite3").write_bytes(b"the rep's calls")
    subprocess.run(["sh", str(app / "uninstall.sh")], env=env, check=True, capture_output=True)
    assert not app.exists() and not link.exists()
    assert not (share / "applications" / "salesdesk.desktop").exists()
    assert (data / "salesdesk.sqlite3").read_bytes() == b"the rep's calls"


@linux_only
def test_install_sh_refuses_root_without_override(
    tmp_path: Path, fake_bundle: Path, yamada: Profile
) -> None:
    if os.geteuid() != 0:
        pytest.skip("only meaningful as root")
    staged = stage(fake_bundle, yamada, tmp_path / "pkg", "0.1.0")
    env = {"HOME": str(tmp_path), "PATH": os.environ["PATH"]}
    run = subprocess.run(["sh", str(staged / "install.sh")], env=env, capture_output=True)
    assert run.returncode == 2
    assert b"not as root" in run.stderr


# -- first start of a per-employee build ----------------------------------------------
def test_first_start_adopts_the_bundled_profile_once(tmp_path: Path, yamada: Profile) -> None:
    bundle = tmp_path / "app"
    bundle.mkdir()
    (bundle / "profile.json").write_text(json.dumps(yamada.to_dict()), encoding="utf-8")
    paths = Paths(tmp_path / "data")

    adopted = first_start(paths, bundle)
    assert adopted is not None and adopted.name == "山田 太郎"
    assert Profile.load(paths).email == "taro.yamada@example.co.jp"
    assert Settings.load(paths).language == "ja"
    if os.name == "posix":
        assert (paths.data_dir / "profile.json").stat().st_mode & 0o777 == 0o600

    # The rep edits their profile; a reinstalled bundle never overwrites it.
    edited = Profile.load(paths)
    edited.name = "山田 太朗"
    edited.save(paths)
    assert first_start(paths, bundle) is None
    assert Profile.load(paths).name == "山田 太朗"


def test_first_start_keeps_the_reps_own_language_setting(tmp_path: Path, yamada: Profile) -> None:
    bundle = tmp_path / "app"
    bundle.mkdir()
    (bundle / "profile.json").write_text(json.dumps(yamada.to_dict()), encoding="utf-8")
    paths = Paths(tmp_path / "data").ensure()
    Settings(language="en").save(paths)
    first_start(paths, bundle)
    assert Settings.load(paths).language == "en"


def test_no_bundle_or_damaged_profile_does_nothing(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    assert first_start(paths, None) is None  # running from source
    bundle = tmp_path / "app"
    bundle.mkdir()
    (bundle / "profile.json").write_text("{not json", encoding="utf-8")
    assert first_start(paths, bundle) is None
    assert not (paths.data_dir / "profile.json").exists()


def test_first_start_adds_starter_prospects_to_an_empty_database(
    tmp_path: Path, yamada: Profile
) -> None:
    from salesdesk.core.enums import Stage
    from salesdesk.core.listing import ProspectQuery
    from salesdesk.core.schema import open_database
    from salesdesk.core.services import Services

    bundle = tmp_path / "app"
    bundle.mkdir()
    (bundle / "profile.json").write_text(json.dumps(yamada.to_dict()), encoding="utf-8")
    (bundle / "starter-prospects.json").write_text(
        json.dumps(
            [
                {"company": "株式会社テスト商事", "kana": "テストショウジ", "stage": "hearing"},
                {"company": "山田工業", "stage": "no-such-stage", "phone": "06-1234-5678"},
                {"company": "壊れた会社", "email": "broken"},  # refused: skipped, not fatal
            ]
        ),
        encoding="utf-8",
    )
    paths = Paths(tmp_path / "data")
    first_start(paths, bundle)
    db = open_database(paths.database, paths.backups, "0.1.0")
    try:
        services = Services(db)
        assert services.listing.count() == 2
        by_company = {
            services.prospects.get(pid).company: services.prospects.get(pid)
            for pid in services.listing.ids(ProspectQuery())
        }
        assert by_company["株式会社テスト商事"].stage is Stage.HEARING
        assert by_company["山田工業"].stage is Stage.LEAD  # unknown stage: a lead
    finally:
        db.close()


# -- the app's flags ---------------------------------------------------------------------
def test_version_flag_prints_version_without_importing_qt() -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "salesdesk", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    version = read_project(ROOT).version
    assert run.stdout.strip() == f"SalesDesk {version}"
    assert "PySide6" not in run.stderr
    assert "sqlalchemy" not in run.stderr


def test_build_spec_reads_name_and_version_from_pyproject() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "tomllib" in spec and 'PROJECT["version"]' in spec
    assert "sys.platform" in spec  # not Linux-only
    assert shutil.which("sh")
