"""English singular and plural of a "%n" message, by rule.

Messages with a count are written once in English with "(s)", "(es)" or "y(ies)"
("%n call(s)"); the build turns them into an English catalogue with both forms
(``scripts/build_translations.py``), and the commands use the same rule directly when
they run in English without Qt (``salesdesk.cli_i18n``).
"""

from __future__ import annotations

import re

#: Plurals the rule gets wrong: (singular, plural).
EXCEPTIONS = {
    "%n of %1 prospect(s)": ("%n of %1 prospects", "%n of %1 prospects"),
}


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural of a "%n" message written with "(s)", "(es)", "y(ies)"."""
    if source in EXCEPTIONS:
        return EXCEPTIONS[source]
    singular = re.sub(r"y\(ies\)", "y", source).replace("(es)", "").replace("(s)", "")
    plural = re.sub(r"y\(ies\)", "ies", source).replace("(es)", "es").replace("(s)", "s")
    return singular, plural


def english(source: str, n: int) -> str:
    """``source`` with its count: the singular for 1, else the plural, "%n" filled in."""
    singular, plural = english_forms(source)
    return (singular if n == 1 else plural).replace("%n", str(n))
