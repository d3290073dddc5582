"""Extract UI strings into the .ts catalogues and compile them to .qm.

    python scripts/build_translations.py            # compile .ts -> .qm (run by setup and CI)
    python scripts/build_translations.py --update   # re-extract strings into the .ts files
    python scripts/build_translations.py --check    # fail if a string lacks a translation

The .ts files under resources/translations are the sources; the .qm files are build
output (not committed). English is the source language, so only Japanese needs a
catalogue; English gets a small one made at build time from the "%n" messages alone,
with singular and plural forms by rule ("%n call(s)" → "1 call", "2 calls").
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the English plural rule lives in the package

from salesdesk.plurals import english_forms  # noqa: E402

TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("ja",)
#: The window's package and the commands' modules (their messages are translated too).
SOURCES = [ROOT / "salesdesk" / "ui", *sorted((ROOT / "salesdesk").glob("cli*.py"))]


def _tool(name: str) -> str:
    """The Qt linguist tool shipped with PySide6 (pyside6-lupdate / pyside6-lrelease)."""
    for candidate in (f"pyside6-{name}", name):
        exe = shutil.which(candidate) or shutil.which(
            candidate, path=str(Path(sys.executable).parent)
        )
        if exe:
            return exe
    raise SystemExit(f"{name} not found: install pyside6-essentials")


def ts_path(lang: str) -> Path:
    return TS_DIR / f"salesdesk_{lang}.ts"


def update() -> None:
    files = sorted(str(f) for s in SOURCES for f in ([s] if s.is_file() else s.rglob("*.py")))
    for lang in LANGUAGES:
        subprocess.run(
            [
                _tool("lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                *files,
                "-ts",
                str(ts_path(lang)),
            ],
            check=True,
        )
        mark_plurals(ts_path(lang))


def mark_plurals(ts: Path) -> None:
    """Make every "%n" message a plural (numerus) entry.

    Some lupdate versions extract ``QCoreApplication.translate(ctx, "%n call(s)", "", n)``
    as a plain message; Qt then finds no translation for it at run time (it looks for a
    plural entry), and the rep reads English. Japanese has one plural form.
    """
    tree = ET.parse(ts)
    changed = False
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if "%n" not in source or translation is None:
            continue
        if message.get("numerus") != "yes":
            text = translation.text or ""
            translation.text = None
            form = ET.SubElement(translation, "numerusform")
            form.text = text
            message.set("numerus", "yes")
            changed = True
        # Such a lupdate also flags the existing plural translation "unfinished" on every
        # run (plain message vs. plural entry); a filled-in form for the same source is
        # the translation, so keep it.
        forms = translation.findall("numerusform")
        if (
            translation.get("type") == "unfinished"
            and forms
            and all((f.text or "").strip() for f in forms)
        ):
            del translation.attrib["type"]
            changed = True
    if changed:
        tree.write(ts, encoding="utf-8", xml_declaration=True)


def write_english_plurals(ts: Path) -> Path:
    """An English catalogue of the "%n" messages of the Japanese one, forms by rule."""
    root = ET.Element("TS", version="2.1", language="en_US")
    for context in ET.parse(ts_path(LANGUAGES[0])).getroot().iter("context"):
        plural = [m for m in context.iter("message") if m.get("numerus") == "yes"]
        if not plural:
            continue
        out = ET.SubElement(root, "context")
        ET.SubElement(out, "name").text = context.findtext("name")
        for message in plural:
            source = message.findtext("source") or ""
            entry = ET.SubElement(out, "message", numerus="yes")
            ET.SubElement(entry, "source").text = source
            translation = ET.SubElement(entry, "translation")
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    return ts


def release(out_dir: Path = TS_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    with tempfile.TemporaryDirectory() as tmp:
        sources = [(lang, ts_path(lang)) for lang in LANGUAGES]
        sources.append(("en", write_english_plurals(Path(tmp) / "salesdesk_en.ts")))
        for lang, ts in sources:
            qm = out_dir / f"salesdesk_{lang}.qm"
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
            built.append(qm)
    return built


def untranslated(lang: str) -> list[str]:
    """Source texts in the catalogue that have no finished translation."""
    missing = []
    for message in ET.parse(ts_path(lang)).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            missing.append(source)
            continue
        forms = translation.findall("numerusform")
        if (forms and not all((f.text or "").strip() for f in forms)) or (
            not forms and not (translation.text or "").strip()
        ):
            missing.append(source)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="re-extract strings first")
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = parser.parse_args()
    if args.update:
        update()
    if args.check:
        bad = {lang: untranslated(lang) for lang in LANGUAGES}
        for lang, texts in bad.items():
            for text in texts:
                print(f"{lang}: untranslated: {text!r}", file=sys.stderr)
        if any(bad.values()):
            return 1
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
