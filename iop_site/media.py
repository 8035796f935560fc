"""Uploaded images, served from the site's own origin through Django's default storage.

whitenoise serves only the collected static files, and the bucket of an S3-compatible
store is another origin the CSP does not allow, so the site answers /media/ itself,
in every way it runs (gunicorn, `make run`, the test servers), whatever the storage.
Only marketing's images live there: no personal data, so nothing here needs a session.
"""

import logging
import posixpath
import re

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse, HttpResponseNotAllowed, HttpResponseNotFound
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import condition

logger = logging.getLogger(__name__)

# Seconds a browser should wait before asking again when the storage failed.
RETRY_AFTER_SECONDS = 30

# The only types ever served, by file extension; anything else is a 404, so a file that
# is not one of the cleaned images can never be served as something a browser runs.
CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}

# A name is folders and a file made of word characters, dots and hyphens, none starting
# with a dot: no "..", no hidden file, no backslash, no empty segment, no NUL.
SAFE_NAME = re.compile(r"[\w-][\w.-]*(?:/[\w-][\w.-]*)*")
MAX_NAME_LENGTH = 255

# For rendition files, whose names change whenever their content does.
IMMUTABLE = {"public": True, "max_age": 365 * 24 * 60 * 60, "immutable": True}
# For other media (an image's cleaned original), whose name may outlive a change.
REVALIDATED = {"public": True, "max_age": 60 * 60}

# An image needs nothing at all from the page that shows it, and may not be framed.
MEDIA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"


def served_name(path_info):
    """The storage name of a request path under MEDIA_URL, or None when that path may not
    be served: outside the allowed prefixes (MEDIA_SERVED_PREFIXES), not a safe name, or
    not an image type in CONTENT_TYPES."""
    name = path_info[len(settings.MEDIA_URL) :]
    if (
        len(name) > MAX_NAME_LENGTH
        or not SAFE_NAME.fullmatch(name)
        or not name.startswith(tuple(settings.MEDIA_SERVED_PREFIXES))
        or posixpath.splitext(name)[1].lower() not in CONTENT_TYPES
    ):
        return None
    return name


def protect(response):
    """Headers every media answer carries, found or not."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


def not_found():
    return protect(HttpResponseNotFound(b"Not found", content_type="text/plain; charset=utf-8"))


def respond_from_storage(request, name):
    """The file `name` of the default storage, or a 304; FileNotFoundError when the
    storage has no such file."""
    # size() raises FileNotFoundError for a missing file: no separate exists() call,
    # which costs a round trip to an S3 store.
    size = default_storage.size(name)
    modified = default_storage.get_modified_time(name)
    content_type = CONTENT_TYPES[posixpath.splitext(name)[1].lower()]
    disposition = content_disposition_header(False, posixpath.basename(name))

    @condition(
        etag_func=lambda request: f'"{size:x}-{int(modified.timestamp() * 1e6):x}"',
        last_modified_func=lambda request: modified,
    )
    def respond(request):
        if request.method == "HEAD":
            # The headers a GET would have, without reading the file.
            response = HttpResponse(content_type=content_type)
            response["Content-Length"] = size
        else:
            response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
        response["Content-Disposition"] = disposition
        return response

    return respond(request)


def serve(request, path_info):
    """GET or HEAD of the media file at `path_info`: the file, a 304 when the client's
    copy is current, or a 404 for anything that is not an image in an allowed folder."""
    if request.method not in ("GET", "HEAD"):
        return protect(HttpResponseNotAllowed(["GET", "HEAD"]))
    name = served_name(path_info)
    if name is None:
        return not_found()
    try:
        response = respond_from_storage(request, name)
    except FileNotFoundError:
        return not_found()
    except Exception:
        # Whatever the storage raised (the disk, the S3 endpoint or its client), the
        # visitor is told to come back shortly; the error is logged.
        logger.exception("Media storage did not answer for %s", name)
        response = HttpResponse(
            b"Briefly unavailable", status=503, content_type="text/plain; charset=utf-8"
        )
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return protect(response)
    if response.status_code in (200, 304):
        immutable = name.startswith(tuple(settings.MEDIA_IMMUTABLE_PREFIXES))
        patch_cache_control(response, **(IMMUTABLE if immutable else REVALIDATED))
    return protect(response)


class MediaMiddleware:
    """Answer requests under MEDIA_URL before sessions, CSRF, authentication, the page
    cache and compression run (images are compressed already): a media request costs
    the storage's look-ups and nothing else.

    Sits right after WhiteNoise, which does the same for static files.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(settings.MEDIA_URL):
            # A Host not in ALLOWED_HOSTS is Django's 400 here too.
            request.get_host()
            return serve(request, request.path_info)
        return self.get_response(request)
