"""Start-up checks: a damaged file is moved aside (never deleted) and a good backup found;
a failed migration puts the pre-migration backup back; synced and read-only folders."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from salesdesk.config import Paths
from salesdesk.core import schema as schema_mod
from salesdesk.core.backup import AUTO, backup_database, integrity_ok
from salesdesk.core.prospects import ProspectService
from salesdesk.core.records import ProspectInput
from salesdesk.core.safety import (
    DISK_FULL,
    LOCKED,
    READ_ONLY,
    FileHealth,
    check_data_file,
    newest_good_backup,
    startup_check,
    storage_code,
    synced_folder,
)
from salesdesk.core.schema import MigrationError, open_database, read_file_schema

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
FIXTURES = Path(__file__).parent / "fixtures" / "schema"


def _check(paths: Paths, **kw: object) -> object:
    return startup_check(
        paths.data_dir,
        paths.database,
        paths.backups,
        clock=lambda: T0,
        **kw,  # type: ignore[arg-type]
    )


def _make_good(paths: Paths, companies: int) -> None:
    db = open_database(paths.database, paths.backups, "0.1.0")
    try:
        for i in range(companies):
            ProspectService(db).create(ProspectInput(company=f"会社{i}"))
    finally:
        db.close()


def _corrupt_pages(path: Path) -> None:
    """Overwrite the middle of a real database: a torn file SQLite notices."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data) - page, page):
        data[offset : offset + 64] = os.urandom(64)
    path.write_bytes(bytes(data))


DAMAGES = {
    "zero-byte": lambda p: p.write_bytes(b""),
    "random-bytes": lambda p: p.write_bytes(os.urandom(20000)),
    "not-sqlite": lambda p: p.write_text("これはExcelのファイルです", encoding="utf-8"),
    "corrupt-pages": _corrupt_pages,
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_data_file_is_moved_aside_and_the_newest_good_backup_offered(
    paths: Paths, damage: str
) -> None:
    _make_good(paths, companies=2)
    older = backup_database(paths.database, paths.backups, AUTO, T0 - timedelta(days=2))
    newest_good = backup_database(paths.database, paths.backups, AUTO, T0 - timedelta(days=1))
    broken_backup = paths.backups / "salesdesk-auto-20261127T080000000000Z.sqlite3"
    broken_backup.write_bytes(os.urandom(8192))  # newer, but fails integrity_check
    if damage == "corrupt-pages":
        db = open_database(paths.database, paths.backups, "0.1.0")
        for i in range(300):  # enough pages for the damage to hit table data
            ProspectService(db).create(ProspectInput(company=f"大量{i}" * 20))
        db.close()
    DAMAGES[damage](paths.database)
    damaged_bytes = paths.database.read_bytes()
    Path(f"{paths.database}-wal").write_bytes(b"wal contents")

    report = _check(paths)

    assert report.health.damaged  # type: ignore[attr-defined]
    aside = report.moved_aside  # type: ignore[attr-defined]
    assert aside.name == "salesdesk.sqlite3.corrupt-20261127T090000Z"
    assert aside.read_bytes() == damaged_bytes  # moved, never deleted or changed
    assert Path(f"{aside}-wal").read_bytes() == b"wal contents"
    assert not paths.database.exists() and not Path(f"{paths.database}-wal").exists()
    offered = report.good_backup  # type: ignore[attr-defined]
    assert offered is not None and offered.path == newest_good
    assert (offered.prospects, offered.calls) == (2, 0)
    assert older.exists() and broken_backup.exists()


def test_health_of_each_kind_of_file(paths: Paths) -> None:
    assert check_data_file(paths.database) is FileHealth.MISSING
    paths.database.write_bytes(b"")
    assert check_data_file(paths.database) is FileHealth.EMPTY
    paths.database.write_bytes(b"PK\x03\x04 a zip file")
    assert check_data_file(paths.database) is FileHealth.NOT_SQLITE
    paths.database.unlink()
    _make_good(paths, 1)
    assert check_data_file(paths.database) is FileHealth.OK


def test_no_good_backup_means_none_is_offered(paths: Paths) -> None:
    paths.database.write_bytes(os.urandom(100))
    report = _check(paths)
    assert report.moved_aside is not None and report.good_backup is None  # type: ignore[attr-defined]
    assert newest_good_backup(paths.backups) is None


def test_a_healthy_file_is_left_where_it_is(paths: Paths) -> None:
    _make_good(paths, 1)
    before = paths.database.read_bytes()
    report = _check(paths)
    assert report.health is FileHealth.OK and report.moved_aside is None  # type: ignore[attr-defined]
    assert report.problem is None  # type: ignore[attr-defined]
    assert paths.database.read_bytes() == before


def test_a_file_locked_by_another_process_is_reported(paths: Paths) -> None:
    _make_good(paths, 1)
    other = sqlite3.connect(paths.database, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        report = _check(paths, lock_timeout=0.05)
        assert report.problem == LOCKED  # type: ignore[attr-defined]
        assert paths.database.exists()
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A data folder that really cannot be written: chmod, or a read-only mount as root."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("root without mount: cannot make a read-only folder")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_data_folder_is_reported_at_start(read_only_dir: Path) -> None:
    paths = Paths(read_only_dir)
    report = _check(paths)
    assert report.problem == READ_ONLY  # type: ignore[attr-defined]
    assert list(read_only_dir.iterdir()) == []


def test_a_full_disk_is_reported_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root to mount a tiny tmpfs")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount")
    try:
        fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
        with pytest.raises(OSError, match="No space"):
            while True:  # fill the disk to the last block
                os.write(fd, b"\0" * 1024)
        os.close(fd)
        assert _check(Paths(folder)).problem == DISK_FULL  # type: ignore[attr-defined]
        assert not any(p.name.startswith(".salesdesk-write-probe") for p in folder.iterdir())
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_storage_codes_from_sqlite_errors(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    try:
        conn.execute("CREATE TABLE t(x)")
        conn.execute("PRAGMA max_page_count = 2")
        with pytest.raises(sqlite3.OperationalError) as full:
            conn.execute("INSERT INTO t VALUES (randomblob(100000))")
        assert storage_code(full.value) == DISK_FULL
    finally:
        conn.close()
    assert storage_code(RuntimeError("database is locked")) == LOCKED
    assert storage_code(OSError(30, "Read-only file system")) == READ_ONLY


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/taro/Dropbox/SalesDesk", "Dropbox"),
        ("/home/taro/Dropbox (Yamada Co.)/SalesDesk", "Dropbox"),
        (r"C:\Users\taro\OneDrive\Documents\SalesDesk", "OneDrive"),
        (r"C:\Users\taro\OneDrive - 山田製作所\SalesDesk", "OneDrive"),
        ("/Users/taro/Library/CloudStorage/OneDrive-Personal/SalesDesk", "OneDrive"),
        ("/Users/taro/Library/CloudStorage/Dropbox/SalesDesk", "Dropbox"),
        (r"G:\My Drive\SalesDesk", "Google Drive"),
        (r"G:\マイドライブ\SalesDesk", "Google Drive"),
        ("/Users/taro/Google Drive/SalesDesk", "Google Drive"),
        ("/Users/taro/Library/CloudStorage/GoogleDrive-taro@example.jp/My Drive/x", "Google Drive"),
        ("/Users/taro/Library/Mobile Documents/com~apple~CloudDocs/SalesDesk", "iCloud"),
        (r"C:\Users\taro\iCloudDrive\SalesDesk", "iCloud"),
        ("/home/taro/.local/share/SalesDesk", None),
        (r"C:\Users\taro\AppData\Local\SalesDesk", None),
        ("/home/dropboxer/data", None),
    ],
)
def test_synced_folders_are_recognised_by_their_path(path: str, service: str | None) -> None:
    assert synced_folder(path) == service


def test_the_start_check_reports_a_synced_data_folder(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "Dropbox" / "SalesDesk").ensure()
    assert _check(paths).synced == "Dropbox"  # type: ignore[attr-defined]


# -- a migration that fails midway --------------------------------------------------
def test_a_failed_migration_puts_the_pre_migration_backup_back_and_says_so(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(FIXTURES / "0001.sqlite3", paths.database)
    conn = sqlite3.connect(paths.database)
    original = conn.execute("SELECT id, company FROM prospect ORDER BY id").fetchall()
    conn.close()

    def half_done(db: object) -> None:
        # A step that commits damage before failing: the worst case.
        raw = sqlite3.connect(paths.database, isolation_level=None)
        raw.execute("DELETE FROM prospect")
        raw.execute("UPDATE alembic_version SET version_num = '0002'")
        raw.close()
        raise RuntimeError("revision 0003 failed: no such column")

    monkeypatch.setattr(schema_mod, "run_migrations", half_done)
    with pytest.raises(MigrationError, match="restored from salesdesk-pre-migration-0001") as err:
        open_database(paths.database, paths.backups, "0.1.0")
    assert err.value.restored_from is not None
    assert err.value.restored_from.name.startswith("salesdesk-pre-migration-0001-")
    assert read_file_schema(paths.database).revision == "0001"
    conn = sqlite3.connect(paths.database)
    try:
        assert conn.execute("SELECT id, company FROM prospect ORDER BY id").fetchall() == original
    finally:
        conn.close()
    assert integrity_ok(paths.database)
    # The next start with a working SalesDesk upgrades it normally.
    monkeypatch.undo()
    open_database(paths.database, paths.backups, "0.1.0").close()
    assert read_file_schema(paths.database).revision == schema_mod.SCHEMA_HEAD


def test_a_big_file_gets_a_light_check_at_start_unless_damage_was_found_while_running(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesdesk.core import safety

    db = open_database(paths.database, paths.backups, "0.1.0")
    for i in range(300):
        ProspectService(db).create(ProspectInput(company=f"大量{i}" * 20))
    db.close()
    data = bytearray(paths.database.read_bytes())  # damage deep in the table data only
    for offset in range(len(data) - 4096 * 20, len(data), 4096):
        data[offset : offset + 64] = b"\xff" * 64
    paths.database.write_bytes(bytes(data))
    assert not integrity_ok(paths.database, quick=True)
    # Bigger than the limit: quick_check (about 1 ms per MB) is left to the background.
    monkeypatch.setattr(safety, "QUICK_CHECK_MAX_BYTES", 1024)
    assert _check(paths).health is FileHealth.OK  # type: ignore[attr-defined]
    # The background backup found the damage: the next start checks fully and moves it.
    safety.request_full_check(paths.data_dir)
    report = _check(paths)
    assert report.health is FileHealth.CORRUPT and report.moved_aside is not None  # type: ignore[attr-defined]
    assert not (paths.data_dir / safety.FULL_CHECK_MARKER).exists()
