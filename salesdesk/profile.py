"""The rep's own profile (name, e-mail, company, phone, signature, language).

A per-employee build places ``profile.json`` beside the executable (data, not code; see
``salesdesk.packaging``). On the first start the app copies it into the rep's data
folder; from then on the copy there is the rep's, editable from File → My profile…,
and a newer installer never overwrites it. A starter prospect list placed beside the
executable (``starter-prospects.json`` or ``.csv``) is added to an empty database on
that same first start.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from salesdesk.config import Paths, Settings

PROFILE_FILE_NAME = "profile.json"
STARTER_PROSPECT_NAMES = ("starter-prospects.json", "starter-prospects.csv")
#: Columns a starter prospect list may have (those of ``salesdesk prospect add``).
STARTER_COLUMNS = ("company", "kana", "stage", "phone", "email", "address", "website", "notes")


@dataclass
class Profile:
    """Who the rep is, as shown in the window and used in e-mail drafts and sheets."""

    name: str = ""
    email: str = ""
    company: str = ""
    phone: str = ""
    signature: str = ""
    language: str = ""  # "ja", "en" or "" (the rep's settings decide)

    @classmethod
    def from_dict(cls, raw: object) -> Profile:
        """Known string fields of ``raw``; anything else (or a damaged file) is ignored."""
        if not isinstance(raw, dict):
            return cls()
        return cls(
            **{f.name: raw[f.name].strip() for f in fields(cls) if isinstance(raw.get(f.name), str)}
        )

    @classmethod
    def read(cls, path: Path) -> Profile | None:
        """The profile in ``path``; None when there is none or it is not a profile."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls.from_dict(raw) if isinstance(raw, dict) else None

    @classmethod
    def load(cls, paths: Paths) -> Profile:
        """The rep's profile in the data folder (empty if there is none yet)."""
        return cls.read(profile_path(paths)) or cls()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def save(self, paths: Paths) -> None:
        """Write atomically, private to the user (0600)."""
        write_json_private(profile_path(paths), self.to_dict())

    def validate(self) -> None:
        """Raise ``ValidationError`` (field -> code) for what the app would refuse; the
        name is ``rep_name`` so the UI does not mistake it for a contact's name."""
        from salesdesk.core.validation import check_email, check_phone, check_required, collect

        collect(
            {
                "rep_name": check_required(self.name),
                "email": check_email(self.email),
                "phone": check_phone(self.phone),
            }
        )

    def default_signature(self) -> str:
        """A signature made of the other fields, for when the rep has not written one."""
        return "\n".join(p for p in (self.name, self.company, self.phone, self.email) if p)


def write_json_private(path: Path, data: object) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def profile_path(paths: Paths) -> Path:
    return paths.data_dir / PROFILE_FILE_NAME


def bundle_dir() -> Path | None:
    """The folder of the frozen executable (where a per-employee build puts its data);
    None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    exe = Path(sys.executable).resolve().parent
    if sys.platform == "darwin" and exe.name == "MacOS":  # SalesDesk.app/Contents/MacOS
        resources = exe.parent / "Resources"
        if (resources / PROFILE_FILE_NAME).exists():
            return resources
    return exe


def read_starter_prospects(path: Path) -> list[dict[str, str]]:
    """Rows of a starter list: a JSON array of objects, or a CSV (UTF-8, with BOM or not)
    with a header row; only :data:`STARTER_COLUMNS` are read and rows need a company."""
    if path.suffix.lower() == ".json":
        raw = json.loads(path.read_text(encoding="utf-8"))
        rows = raw if isinstance(raw, list) else []
    else:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        clean = {k: str(row[k]).strip() for k in STARTER_COLUMNS if row.get(k) not in (None, "")}
        if clean.get("company"):
            out.append(clean)
    return out


def first_start(paths: Paths, bundle: Path | None = None) -> Profile | None:
    """On a per-employee build's first start, adopt the profile placed beside the app.

    Copies the bundled profile into the data folder when the rep has none there yet,
    sets the window language from it when the rep has no settings yet, and adds the
    starter prospects to an empty database. Returns the adopted profile, or None when
    there was nothing to do (running from source, no bundled profile, or the rep
    already has a profile — theirs is never overwritten). Cheap when there is nothing
    to do: one stat beside the executable and one in the data folder.
    """
    bundle = bundle if bundle is not None else bundle_dir()
    if bundle is None or profile_path(paths).exists():
        return None
    profile = Profile.read(bundle / PROFILE_FILE_NAME)
    if profile is None:
        return None
    paths.ensure()
    if not paths.settings.exists() and profile.language in ("ja", "en"):
        Settings(language=profile.language).save(paths)
    for name in STARTER_PROSPECT_NAMES:
        if (bundle / name).exists():
            add_starter_prospects(paths, bundle / name)
            break
    profile.save(paths)  # last: a failure above is retried on the next start
    return profile


def starter_inputs(rows: list[dict[str, str]]) -> list[Any]:
    """``ProspectInput`` for each starter row (``kana`` is the company reading; an
    unknown stage is a lead). Validation is the caller's: see :func:`invalid_rows`."""
    from salesdesk.core.enums import Stage
    from salesdesk.core.records import ProspectInput

    stages = {s.value for s in Stage}
    out = []
    for row in rows:
        stage = row.get("stage", "lead")
        out.append(
            ProspectInput(
                company=row["company"],
                company_kana=row.get("kana", ""),
                stage=Stage(stage if stage in stages else "lead"),
                **{
                    k: row[k] for k in ("phone", "email", "address", "website", "notes") if k in row
                },
            )
        )
    return out


def invalid_rows(rows: list[dict[str, str]]) -> list[tuple[int, dict[str, str]]]:
    """(1-based row number, field -> error code) of each row the app would refuse."""
    from salesdesk.core.validation import ValidationError

    bad = []
    for number, data in enumerate(starter_inputs(rows), start=1):
        try:
            data.validate()
        except ValidationError as exc:
            bad.append((number, dict(exc.errors)))
    return bad


def add_starter_prospects(paths: Paths, source: Path) -> int:
    """Add the prospects of ``source`` to the rep's database if it has none yet;
    returns how many were added (rows the app would refuse are skipped: the packaging
    tool reports them at build time). First start only, so importing SQLAlchemy here
    does not slow ordinary starts."""
    from salesdesk import app_version
    from salesdesk.core.schema import open_database
    from salesdesk.core.services import Services
    from salesdesk.core.validation import ValidationError

    inputs = starter_inputs(read_starter_prospects(source))
    db = open_database(paths.database, paths.backups, app_version())
    try:
        services = Services(db)
        if services.listing.count():
            return 0
        added = 0
        for data in inputs:
            try:
                services.prospects.create(data)
            except ValidationError:
                continue
            added += 1
        return added
    finally:
        db.close()
