"""Schema revisions: the rep's data file is upgraded safely, and never touched by an older app."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from salesdesk import app_version
from salesdesk.config import Paths
from salesdesk.core.backup import integrity_ok
from salesdesk.core.calls import CallService
from salesdesk.core.db import Database
from salesdesk.core.models import Base, Channel, InteractionKind, Stage
from salesdesk.core.prospects import ProspectInput, ProspectQuery, ProspectService
from salesdesk.core.schema import (
    SCHEMA_HEAD,
    SCHEMA_REVISIONS,
    NewerDataFileError,
    SchemaState,
    managed_by_models,
    migrations_dir,
    open_database,
    read_file_schema,
    run_migrations,
)

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "schema"
FIXTURES = sorted(FIXTURE_DIR.glob("*.sqlite3"))
RUNNING = app_version()

# The facts every fixture holds (scripts/make_schema_fixture.py writes them).
PROSPECT_ID = "3f0c1a52-7d4e-4c1b-9a36-0b5d6f1e2a01"
CONTACT_ID = "8b2d4e61-1c3a-4f7b-8e29-5a6c7d8e9f02"
INTERACTION_ID = "c4e5f6a7-2b3c-4d5e-9f60-718293a4b503"
FOLLOW_UP_ID = "d5f6a7b8-3c4d-4e5f-8a71-8293a4b5c604"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _side_files(path: Path) -> list[Path]:
    return [p for p in (path.with_name(path.name + s) for s in ("-wal", "-shm")) if p.exists()]


def _script_directory() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return ScriptDirectory.from_config(cfg)


def _set_newer(path: Path, revision: str = "9999", version: str = "9.9.0") -> None:
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
            conn.execute(
                "INSERT INTO app_meta(key, value) VALUES ('app_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (version,),
            )
    finally:
        conn.close()


# -- (a) the revision list the app checks against is Alembic's own -----------------
def test_schema_revisions_match_alembic() -> None:
    script = _script_directory()
    oldest_first = [s.revision for s in reversed(list(script.walk_revisions()))]
    assert tuple(oldest_first) == SCHEMA_REVISIONS
    assert script.get_heads() == [SCHEMA_HEAD]
    # One straight line of history: each revision follows the one before it.
    previous = None
    for rev in SCHEMA_REVISIONS:
        assert script.get_revision(rev).down_revision == previous
        previous = rev


# -- (b) the models and the migrations describe the same schema ---------------------
def test_migrations_build_exactly_what_the_models_describe(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "migrated.sqlite3")
    try:
        run_migrations(db)
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "render_as_batch": True,
                    "include_name": managed_by_models,
                },
            )
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == SCHEMA_HEAD
    finally:
        db.close()


# -- (c) every past schema upgrades with the rep's data intact -----------------------
def test_there_is_a_fixture_for_every_revision() -> None:
    """Run scripts/make_schema_fixture.py after adding a revision (before the next one)."""
    assert [f.stem for f in FIXTURES] == sorted(SCHEMA_REVISIONS)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_fixture_database_upgrades_with_data_intact(fixture: Path, tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data").ensure()
    shutil.copyfile(fixture, paths.database)
    found = read_file_schema(paths.database)
    assert found.revision == fixture.stem

    db = open_database(paths.database, paths.backups, RUNNING)
    try:
        prospects, calls = ProspectService(db), CallService(db)
        p = prospects.get(PROSPECT_ID)
        assert p.company == "株式会社 山田製作所"
        assert p.company_kana == "ヤマダセイサクショ"
        assert p.notes == "社長は朝が早い。\n駐車場は裏手 🚗"
        assert p.stage is Stage.HEARING
        assert p.strength == 2
        assert p.last_contact_at == datetime(2026, 4, 2, 5, 15, tzinfo=UTC)
        assert p.next_follow_up_at == datetime(2026, 4, 9, 1, 0, tzinfo=UTC)
        [contact] = p.contacts
        assert (contact.id, contact.name, contact.name_kana) == (
            CONTACT_ID,
            "山田 花子",
            "ヤマダ ハナコ",
        )
        assert contact.is_decision_maker
        assert contact.phone == "090-1234-5678"

        follow_up, call = calls.timeline(PROSPECT_ID)
        assert (follow_up.id, follow_up.entry, follow_up.summary) == (
            FOLLOW_UP_ID,
            "follow_up",
            "導入事例の資料を送る",
        )
        assert follow_up.kind is InteractionKind.LABOUR
        assert (call.id, call.entry, call.summary, call.contact_name) == (
            INTERACTION_ID,
            "call",
            "展示会の案内を渡した",
            "山田 花子",
        )
        assert call.channel is Channel.VISIT and call.small_yes
        assert calls.last_contact_id(PROSPECT_ID) == CONTACT_ID

        # The list still finds it, width- and kana-blind.
        for term in ("ﾔﾏﾀﾞ", "はなこ", "09012345678", "山田製作所", "山田", "花子"):
            assert prospects.list_ids(ProspectQuery(search=term)) == [PROSPECT_ID], term
        # And the upgraded file takes new work.
        prospects.update(PROSPECT_ID, ProspectInput(company="山田製作所", stage=Stage.PROPOSAL))
    finally:
        db.close()

    after = read_file_schema(paths.database)
    assert after.revision == SCHEMA_HEAD
    assert after.app_version == RUNNING
    assert integrity_ok(paths.database)

    backups = sorted(paths.backups.iterdir())
    if fixture.stem == SCHEMA_HEAD:
        assert backups == []
    else:
        # An older file is copied aside before it is migrated.
        [backup] = backups
        assert f"pre-migration-{fixture.stem}" in backup.name
        assert read_file_schema(backup).revision == fixture.stem
        assert integrity_ok(backup)


def test_fresh_file_gets_the_schema_and_the_app_version(paths: Paths) -> None:
    assert read_file_schema(paths.database).state is SchemaState.FRESH
    db = open_database(paths.database, paths.backups, "1.2.3")
    try:
        assert ProspectService(db).count() == 0
    finally:
        db.close()
    found = read_file_schema(paths.database)
    assert (found.revision, found.app_version) == (SCHEMA_HEAD, "1.2.3")
    assert list(paths.backups.iterdir()) == []  # nothing to back up yet


def test_reading_the_schema_of_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    path = tmp_path / "nothing.sqlite3"
    assert read_file_schema(path).state is SchemaState.FRESH
    assert not path.exists()


# -- (d) a file from a newer SalesDesk is refused and left exactly as it was --------
def _newer_from_fixture(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "salesdesk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE_DIR / f"{SCHEMA_HEAD}.sqlite3", path)
    _set_newer(path)
    return path


def _newer_in_wal_mode(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "salesdesk.sqlite3"
    db = open_database(path, tmp_path / "data" / "backups", RUNNING)
    try:
        ProspectService(db).create(ProspectInput(company="未来の会社"))
    finally:
        db.close()
    _set_newer(path)
    return path


@pytest.mark.parametrize(
    ("make", "single_file"),
    [(_newer_from_fixture, True), (_newer_in_wal_mode, False)],
    ids=["rollback-journal", "wal"],
)
def test_file_from_a_newer_salesdesk_is_refused_untouched(
    make: Callable[[Path], Path], single_file: bool, tmp_path: Path
) -> None:
    path = make(tmp_path)
    backups = path.parent / "backups"
    assert _side_files(path) == []
    digest = _sha256(path)

    with pytest.raises(NewerDataFileError) as info:
        open_database(path, backups, RUNNING)

    message = str(info.value)
    assert "9.9.0" in message
    assert RUNNING in message
    assert info.value.found.revision == "9999"
    assert _sha256(path) == digest
    assert not backups.exists() or list(backups.iterdir()) == []
    if single_file:
        assert _side_files(path) == []
    else:
        # A read-only look at a WAL file may leave SQLite's side files; nothing was logged.
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0


# -- (e) opening a current file is cheap and backup-free ----------------------------
def test_opening_a_current_file_makes_no_backup(paths: Paths) -> None:
    db = open_database(paths.database, paths.backups, RUNNING)
    try:
        pid = ProspectService(db).create(ProspectInput(company="継続"))
    finally:
        db.close()
    for _ in range(2):
        db = open_database(paths.database, paths.backups, RUNNING)
        try:
            assert ProspectService(db).get(pid).company == "継続"
        finally:
            db.close()
    assert list(paths.backups.iterdir()) == []


def test_current_file_from_an_older_app_records_the_new_version_without_backup(
    paths: Paths,
) -> None:
    open_database(paths.database, paths.backups, "0.0.9").close()
    open_database(paths.database, paths.backups, RUNNING).close()
    found = read_file_schema(paths.database)
    assert (found.revision, found.app_version) == (SCHEMA_HEAD, RUNNING)
    assert list(paths.backups.iterdir()) == []
