"""Compile the translation catalogues (locale/*/LC_MESSAGES/*.po) into the .mo files
Django reads, with polib: no GNU gettext needed (`manage.py compilemessages` needs it).

The .mo files are committed, so a checkout runs translated with no build step; run
this after editing a .po file (`make messages` does). tests/test_translations.py
fails while a committed .mo does not match its .po.

    .venv/bin/python scripts/compile_messages.py [--drop-guesses]

With --drop-guesses (`make messages` passes it), the translations msgmerge guessed for
new strings from similar old ones ("fuzzy") are emptied first: a guess is not a
translation, and an empty one shows the English until someone writes it.
"""

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def catalogues():
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def drop_guesses(po):
    """Empty the fuzzy entries of `po`; True if there were any."""
    guesses = po.fuzzy_entries()
    for entry in guesses:
        entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        entry.msgstr = ""
        entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
    return bool(guesses)


def compile_all(guesses_dropped=False):
    """Write each catalogue's .mo beside it; returns the paths written."""
    written = []
    for po_path in catalogues():
        po = polib.pofile(str(po_path))
        if guesses_dropped and drop_guesses(po):
            po.save()
        mo_path = po_path.with_suffix(".mo")
        po.save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_all(guesses_dropped="--drop-guesses" in sys.argv[1:]):
        sys.stdout.write(f"{path.relative_to(LOCALE.parent)}\n")
