"""The site's languages: English at its addresses, Spanish under /es/.

The address is the whole state. A page's language is read from its path and from
nothing else: no cookie, no Accept-Language header, no session. So a page is the same
for every visitor who asks for its address, the page cache can keep it by address, and
no response varies on a header (Django's LocaleMiddleware reads the cookie and the
header for unprefixed addresses and adds `Vary: Accept-Language` to them, which is why
it is not used here).

Which pages have a Spanish version is said once, in SPANISH_PAGES: the header's
language switch and the head's hreflang alternates offer one only for those.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

# The URL names (namespace:name) whose pages are wholly in Spanish under /es/: the
# inquiry form, its confirmation and its refusals are interface text only. Content
# pages join once their content is translated.
SPANISH_PAGES = frozenset({"admissions:inquiry"})


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


def alternates(request):
    """The page being shown in each language it exists in, when it has a version in
    another language ([] otherwise): [{"code", "name" (in that language), "path",
    "url" (absolute, for hreflang)}], the default language first."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in SPANISH_PAGES:
        return []
    found = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(request.path, code)
        found.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "path": path,
                "url": settings.SITE_URL + path,
            }
        )
    return found


def context(request):
    """Template context: the page's language alternates (see `alternates`), and the
    other language to offer in the header's switch, if the page has one."""
    found = alternates(request)
    current = translation.get_language()
    others = [entry for entry in found if entry["code"] != current]
    return {
        "language_alternates": found,
        "language_switch": others[0] if others else None,
    }
