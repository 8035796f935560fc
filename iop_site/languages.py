"""The site's languages: English at its addresses, Spanish under /es/.

The address is the whole state. A page's language is read from its path and from
nothing else: no cookie, no Accept-Language header, no session. So a page is the same
for every visitor who asks for its address, the page cache can keep it by address, and
no response varies on a header (Django's LocaleMiddleware reads the cookie and the
header for unprefixed addresses and adds `Vary: Accept-Language` to them, which is why
it is not used here).

Which pages have a Spanish version is said in two places, one per kind of page: a page
showing one item (a page, an article, a person) has one when the item is translated
(programs.translation.has_translation, asked by `show_item`); the other pages (the
inquiry form, the library, the team) are interface text only and are listed in
SPANISH_PAGES. The header's language switch, the head's hreflang alternates and the
sitemap (programs/sitemaps.py) offer a language only where it exists.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

# The URL names (namespace:name) of pages wholly in Spanish under /es/ that show no one
# item: the inquiry form (with its confirmation and refusals) and the lists, whose
# every word is interface text or an item's title.
SPANISH_PAGES = frozenset(
    {
        "admissions:inquiry",
        "programs:articles",
        "programs:articles_page",
        "programs:team",
    }
)


def language_of_path(path):
    """The language a path asks for: the one named by its first segment when it is one
    of LANGUAGES (/es/...), else the default language."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class PathLanguageMiddleware:
    """Activate the language of the request's path for the rest of the request, and
    restore the previous one afterwards, so a worker thread never carries one visitor's
    language into the next request. Sets request.LANGUAGE_CODE and Content-Language.

    Before the page cache (programs/middleware.py), which resolves the path: Spanish
    addresses only resolve with Spanish active (i18n_patterns, translated routes)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of_path(request.path_info)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def show_item(request, item, path_of=None):
    """Say that the page being rendered shows `item` (a page, an article, a person or a
    topic): it exists in each language the item has a version in, at the item's
    address in that language (`path_of(item)`, by default its get_absolute_url())."""
    from programs.translation import has_translation

    paths = {}
    for code, _name in settings.LANGUAGES:
        if has_translation(item, code):
            with translation.override(code):
                paths[code] = path_of(item) if path_of else item.get_absolute_url()
    request.language_paths = paths


def _paths(request):
    """{language: path} of the page being shown, in the languages it exists in."""
    paths = getattr(request, "language_paths", None)
    if paths is not None:
        return paths
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in SPANISH_PAGES:
        return {}
    return {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}


def alternates(request):
    """The page being shown in each language it exists in, when it has a version in
    more than one ([] otherwise): [{"code", "name" (in that language), "path", "url"
    (absolute, for hreflang)}], the default language first."""
    paths = _paths(request)
    found = [
        {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "path": paths[code],
            "url": settings.SITE_URL + paths[code],
        }
        for code, _name in settings.LANGUAGES
        if code in paths
    ]
    return found if len(found) > 1 else []


def context(request):
    """Template context: the page's language alternates (see `alternates`); the other
    language to offer in the header's switch, if the page has one; and `untranslated`,
    true when the page shows an item that has no version in the page's language (its
    text is shown in English, marked so, and kept out of search engines).

    Lazy: worked out only if the page shows them, so a page whose head and header come
    from shared fragments (the inquiry form) does not resolve its address again."""
    found = SimpleLazyObject(lambda: _language_context(request))
    return {
        name: SimpleLazyObject(lambda name=name: found[name])
        for name in ("language_alternates", "language_switch", "untranslated")
    }


def _language_context(request):
    found = alternates(request)
    current = translation.get_language()
    others = [entry for entry in found if entry["code"] != current]
    paths = getattr(request, "language_paths", None)
    switch = others[0] if others else None
    untranslated = paths is not None and current not in paths
    if untranslated and settings.LANGUAGE_CODE in paths:
        # Back to the English original, which is what the page shows anyway.
        code = settings.LANGUAGE_CODE
        switch = {
            "code": code,
            "name": translation.get_language_info(code)["name_local"],
            "path": paths[code],
        }
    return {
        "language_alternates": found,
        "language_switch": switch,
        "untranslated": untranslated,
    }
