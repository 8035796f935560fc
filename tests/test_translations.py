"""The translation catalogues: the committed .mo files say what the .po files say, and a
Spanish page carries no English interface text."""

import gettext
import html
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.admissions.helpers import form_token, inquiry_data
from tests.factories import make_clinic_settings, make_page

LOCALE = Path(settings.BASE_DIR) / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def mo_key(entry):
    # How gettext keys an entry with a context.
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def test_every_language_but_english_has_a_catalogue():
    languages = {path.parts[-3] for path in CATALOGUES}

    assert languages == {code for code, _name in settings.LANGUAGES} - {"en"}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_committed_mo_file_matches_its_po_file(po_path):
    # Run scripts/compile_messages.py after editing a .po file.
    po = polib.pofile(str(po_path))
    with po_path.with_suffix(".mo").open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)._catalog

    expected = {}
    for entry in po.translated_entries():
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                expected[(mo_key(entry), int(index))] = text
        else:
            expected[mo_key(entry)] = entry.msgstr
    compiled.pop("", None)  # the header
    assert compiled == expected


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_catalogue_has_no_fuzzy_or_broken_entries(po_path):
    po = polib.pofile(str(po_path))

    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    for entry in po.translated_entries():
        # The same placeholders in the translation as in the English.
        placeholders = set(re.findall(r"%\(\w+\)[sd]", entry.msgid))
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in texts:
            assert set(re.findall(r"%\(\w+\)[sd]", text)) == placeholders, entry.msgid


# --- No English left on a Spanish page -------------------------------------------------


def words(response):
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html.unescape(text).split())


def interface_strings():
    """(English, Spanish) of every interface string of three words or more, as a page
    shows it (placeholders and markup left out)."""
    po = polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / "django.po"))
    found = []
    for entry in po:
        if entry.msgid_plural or re.search(r"%\(|<|\{", entry.msgid):
            continue
        english = " ".join(html.unescape(entry.msgid).split())
        if len(english.split()) >= 3:
            found.append((english, entry.msgstr))
    return found


@pytest.fixture
def pages(client, settings):
    """Each Spanish page with its English counterpart: the form, the form with errors,
    the confirmation (routine and urgent), the form refused over the daily cap, and
    a page that is not there."""
    settings.ADMISSIONS_NOTIFY_EMAILS = []
    make_clinic_settings()
    make_page("privacy", title="Privacy notice", show_in_nav=False)

    def both(method, english_path, spanish_path, **kwargs):
        send = getattr(client, method)
        return [
            (language, send(path, **kwargs))
            for language, path in (("en", english_path), ("es", spanish_path))
        ]

    found = {
        "form": both("get", "/contact/", "/es/contacto/"),
        "errors": both("post", "/contact/", "/es/contacto/", data=inquiry_data(phone="12")),
        "thanks": both("post", "/contact/", "/es/contacto/", data=inquiry_data()),
    }
    found["urgent thanks"] = [
        (language, client.post(path, inquiry_data(safe_now="no", form_token=form_token())))
        for language, path in (("en", "/contact/"), ("es", "/es/contacto/"))
    ]
    found["not found"] = both("get", "/no-such-page/", "/es/no-such-page/")
    settings.ADMISSIONS_DAILY_CAP = 0
    found["over the cap"] = both("post", "/contact/", "/es/contacto/", data=inquiry_data())
    return found


@pytest.mark.django_db
def test_spanish_pages_carry_no_english_interface_text(pages):
    strings = interface_strings()
    problems = []
    for name, ((_en, english), (_es, spanish)) in pages.items():
        english_words, spanish_words = words(english), words(spanish)
        shown = [
            (source, translation) for source, translation in strings if source in english_words
        ]
        for source, translation in shown:
            if any(source in longer and source != longer for longer, _t in shown):
                continue  # "safe right now" inside "Are you ... safe right now?"
            if not translation:
                problems.append(f"{name}: not translated: {source!r}")
            elif translation != source and source in spanish_words:
                problems.append(f"{name}: English left on the Spanish page: {source!r}")
    assert problems == [], "\n".join(problems)
    assert [response.status_code for _lang, response in pages["not found"]] == [404, 404]
    assert [response.status_code for _lang, response in pages["over the cap"]] == [429, 429]
