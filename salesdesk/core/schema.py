"""Opening the data file at start-up: schema state, refusal of newer files, migration.

Alembic is imported only when a migration is actually needed, to keep it off the
start-up path. The list of revisions here is checked against Alembic's own by a test.
"""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from salesdesk.core.backup import backup_database, copy_database
from salesdesk.core.db import Database, file_uri

#: Every schema revision this version of SalesDesk knows, oldest first.
SCHEMA_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005")
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]


class SchemaState(enum.Enum):
    FRESH = "fresh"  # no SalesDesk tables yet
    CURRENT = "current"
    OUTDATED = "outdated"  # an older revision: migrate
    NEWER = "newer"  # written by a newer SalesDesk: refuse


@dataclass(frozen=True)
class FileSchema:
    revision: str | None
    app_version: str | None

    @property
    def state(self) -> SchemaState:
        if self.revision is None:
            return SchemaState.FRESH
        if self.revision == SCHEMA_HEAD:
            return SchemaState.CURRENT
        if self.revision in SCHEMA_REVISIONS:
            return SchemaState.OUTDATED
        return SchemaState.NEWER


class NewerDataFileError(Exception):
    """The data file was written by a newer SalesDesk; it is left untouched."""

    def __init__(self, path: Path, found: FileSchema, app_version: str) -> None:
        self.path = path
        self.found = found
        self.app_version = app_version
        super().__init__(
            f"{path} was written by SalesDesk {found.app_version or '?'} "
            f"(schema {found.revision}); this is SalesDesk {app_version} "
            f"(schema {SCHEMA_HEAD}). Update SalesDesk to open it."
        )


def managed_by_models(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic ``include_name`` filter: everything but the FTS5 search index.

    The index (a virtual table and its shadow tables) is created by revision 0002 and has
    no model, so autogenerate must neither drop it nor report it.
    """
    return not (
        type_ == "table"
        and name is not None
        and name.startswith(("prospect_fts", "prospect_names_fts"))
    )


class MigrationError(Exception):
    """Upgrading the data file failed; the transaction was rolled back.

    ``restored_from`` is the pre-migration backup that was put back in place (the file
    is then exactly as it was before the attempt), or None when there was none.
    """

    def __init__(self, message: str, restored_from: Path | None = None) -> None:
        self.restored_from = restored_from
        super().__init__(message)


def read_file_schema(path: Path) -> FileSchema:
    """Read the schema revision and writer version without changing the file."""
    if not path.exists() or path.stat().st_size == 0:
        return FileSchema(None, None)
    conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        app_version = None
        if "app_meta" in tables:
            row = conn.execute("SELECT value FROM app_meta WHERE key='app_version'").fetchone()
            app_version = row[0] if row else None
        return FileSchema(revision, app_version)
    finally:
        conn.close()


def migrations_dir() -> Path:
    """The Alembic script folder inside the package (also inside a frozen bundle)."""
    return Path(__file__).resolve().parent / "migrations"


def run_migrations(db: Database, target: str = "head") -> None:
    """Upgrade ``db`` to ``target`` with Alembic (imported here, not at start-up)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def _record_app_version(db: Database, app_version: str) -> None:
    with db.raw_write() as conn:
        conn.execute(
            "INSERT INTO app_meta(key, value) VALUES ('app_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (app_version,),
        )


def open_database(path: Path, backup_dir: Path, app_version: str) -> Database:
    """Open the rep's data file, migrating it (after a backup) when it is older.

    Raises :class:`NewerDataFileError` without touching a file from a newer version.
    """
    found = read_file_schema(path)
    if found.state is SchemaState.NEWER:
        raise NewerDataFileError(path, found, app_version)
    before: Path | None = None
    if found.state is SchemaState.OUTDATED:
        before = backup_database(path, backup_dir, f"pre-migration-{found.revision}")
    db = Database.open(path)
    if found.state is not SchemaState.CURRENT:
        try:
            run_migrations(db)
        except Exception as exc:
            db.close()
            if before is None:
                raise MigrationError(str(exc)) from exc
            # Whatever the failed step left behind (even committed), the file goes back
            # to exactly what it was before the attempt.
            copy_database(before, path, journal_mode="WAL")
            raise MigrationError(
                f"{exc} (the data file was restored from {before.name})", restored_from=before
            ) from exc
    if found.app_version != app_version or found.state is not SchemaState.CURRENT:
        _record_app_version(db, app_version)
    return db
