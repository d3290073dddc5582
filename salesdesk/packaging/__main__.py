"""``python -m salesdesk.packaging build --employee-name NAME --email ADDR [...]``."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from salesdesk.packaging import (
    ROOT,
    PackagingError,
    archive_base,
    build_bundle,
    bundle_path,
    employee_slug,
    executable_in,
    make_archive,
    make_profile,
    read_project,
    stage,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m salesdesk.packaging",
        description="Build SalesDesk packages for employees.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    bundle = commands.add_parser("bundle", help="only build the bundle (dist/SalesDesk)")
    bundle.add_argument("--dist", type=Path, default=ROOT / "dist", help=argparse.SUPPRESS)
    build = commands.add_parser("build", help="one employee's archive (builds the bundle)")
    build.add_argument("--employee-name", required=True, metavar="NAME", help="e.g. 山田 太郎")
    build.add_argument("--email", required=True)
    build.add_argument("--company", default="")
    build.add_argument("--phone", default="")
    build.add_argument("--lang", choices=["ja", "en"], default="", help="first-start language")
    build.add_argument(
        "--prospects", type=Path, metavar="FILE", help="starter prospect list (.csv or .json)"
    )
    build.add_argument("--slug", help="file-name part for the employee (default: romanised)")
    build.add_argument("--out", type=Path, default=ROOT / "dist", metavar="DIR")
    build.add_argument(
        "--reuse", action="store_true", help="use the existing dist/ bundle instead of building"
    )
    build.add_argument("--dist", type=Path, default=ROOT / "dist", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        if args.command == "bundle":
            seconds = build_bundle(dist=args.dist)
            print(f"bundle built in {seconds:.1f} s: {bundle_path(args.dist)}")
            return 0
        return _build(args)
    except PackagingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"error: {' '.join(map(str, exc.cmd))} failed ({exc.returncode})", file=sys.stderr)
        return 1


def _build(args: argparse.Namespace) -> int:
    project = read_project()
    profile = make_profile(args.employee_name, args.email, args.company, args.phone, args.lang)
    if args.prospects is not None and not args.prospects.is_file():
        raise PackagingError(f"{args.prospects}: no such file")
    bundle = bundle_path(args.dist)
    if args.reuse:
        if not executable_in(bundle).exists():
            raise PackagingError(f"no bundle to reuse at {bundle}: build without --reuse")
    else:
        seconds = build_bundle(dist=args.dist)
        print(f"bundle built in {seconds:.1f} s: {bundle}")
    slug = employee_slug(args.slug or profile.name, "" if args.slug else profile.email)
    base = archive_base(project.version, slug)
    staged = stage(
        bundle, profile, ROOT / "build" / "packaging" / base, project.version, args.prospects
    )
    archive = make_archive(staged, args.out)
    size_mb = archive.stat().st_size / 1e6
    print(f"{profile.name} <{profile.email}>: {archive} ({size_mb:.1f} MB)")
    if sys.platform == "win32":
        print(
            "Windows installer (Inno Setup): iscc /DAppVersion="
            f"{project.version} /DSourceDir={staged / bundle.name} /DOutputName={base}-setup "
            "resources\\packaging\\salesdesk.iss"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
