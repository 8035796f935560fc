"""First-party attribution: where a visitor came from, for the admissions report.

No tracker and no session: on a GET that arrives with utm_* parameters or from
another site, and only when the visitor has no attribution cookie yet, the landing
path, the referring page (scheme, host and path, no query) and the utm_* values go
into one signed, HttpOnly, SameSite=Lax cookie for 30 days. The inquiry form reads
it when an inquiry is sent, and deletes it. A utm_* value that may hold an email
address or a phone number is never kept (`clean_field`).
"""

import json
import re
import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost

COOKIE_NAME = "iop_attribution"
COOKIE_SALT = "admissions.attribution"
COOKIE_MAX_AGE = 30 * 24 * 60 * 60
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")
# Model field name -> maximum length.
FIELD_LIMITS = {"landing_page": 200, "referrer": 300, **dict.fromkeys(UTM_KEYS, 100)}


def clean_value(value, limit):
    """Printable text on one line, at most `limit` characters."""
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in str(value))
    return " ".join(text.split())[:limit]


def looks_like_contact_details(value):
    """True when `value` may hold an email address or a phone number: it has an "@"
    (in any width, or URL-encoded), or 7 or more digits in a row once everything but
    letters and digits is taken out: "(202) 555-0143" has 10."""
    text = unicodedata.normalize("NFKC", str(value))
    if "@" in text or "%40" in text:
        return True
    return re.search(r"\d{7}", re.sub(r"[\W_]+", "", text)) is not None


def clean_field(key, value):
    """The value of attribution field `key` fit to keep. Campaign (utm_*) values come
    from links anyone can write and end up in the admissions report, so one that looks
    like contact details is dropped; this runs on arrival and again when the cookie is
    read, so a cookie set before the rule cannot carry one in."""
    if key in UTM_KEYS and looks_like_contact_details(value):
        return ""
    return clean_value(value, FIELD_LIMITS[key])


def external_referrer(request):
    """The referring page as scheme://host/path when it is another site, else "" (also
    when the header is no URL that can be read, such as http://[zz]/)."""
    try:
        parts = urlsplit(request.META.get("HTTP_REFERER", ""))
        own_host = urlsplit("//" + request.get_host()).hostname
    except (ValueError, DisallowedHost):
        return ""
    if parts.scheme not in ("http", "https") or parts.hostname in (None, "", own_host):
        return ""
    # Without any user:password@ a hand-written header may carry.
    host = parts.netloc.rpartition("@")[2].lower()
    return f"{parts.scheme}://{host}{parts.path}"


def attribution_from(request):
    """What to remember about this visit, or None when it came from nowhere in particular."""
    values = {key: request.GET.get(key, "") for key in UTM_KEYS}
    values["referrer"] = external_referrer(request)
    values = {key: clean_field(key, value) for key, value in values.items()}
    values = {key: value for key, value in values.items() if value}
    if not values:
        return None
    values["landing_page"] = clean_value(request.path, FIELD_LIMITS["landing_page"])
    return values


def read_attribution(request):
    """The attribution stored in the visitor's cookie, as model field values ({} if none
    or if the cookie was tampered with)."""
    raw = request.get_signed_cookie(
        COOKIE_NAME, default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
    )
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        key: clean_field(key, value)
        for key, value in data.items()
        if key in FIELD_LIMITS and isinstance(value, str)
    }


class AttributionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.admin_prefix)
            and (request.GET or "HTTP_REFERER" in request.META)
        ):
            values = attribution_from(request)
            if values:
                response.set_signed_cookie(
                    COOKIE_NAME,
                    json.dumps(values, separators=(",", ":")),
                    salt=COOKIE_SALT,
                    max_age=COOKIE_MAX_AGE,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        return response
