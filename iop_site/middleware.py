"""Request ids and the request log (one JSON line per request, without query strings), and
the session cookie guard."""

import hashlib
import hmac
import logging
import re
import time
import uuid

from django.conf import settings
from django.utils import timezone

from .addresses import client_address

logger = logging.getLogger("iop_site.requests")

# A proxy's X-Request-ID is kept only when it looks like an id, never free text.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

# Probes hit these every few seconds; logging each one would bury real traffic.
QUIET_PATHS = frozenset({"/healthz", "/readyz"})


def client_tag(request):
    """A short keyed hash (HMAC with SECRET_KEY) of the request's client address, to tell
    one client's requests apart in the log without the log ever holding an address.

    The day (UTC) is part of the hash: a visitor's trail through a health site's pages
    can be followed for a day at most, never across days.
    """
    day = timezone.now().date().isoformat()
    message = f"request-log:{day}:{client_address(request)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:16]


class RequestLogMiddleware:
    """Give each request an id (`request.id`, the `X-Request-ID` response header) and
    log method, path (never the query string), status, duration and the client's tag
    (`client_tag`) when it ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.headers.get("X-Request-ID", "")
        # fullmatch: with `$`, a value ending in a newline passed, and setting it as the
        # response header then raised (a 500 on every page).
        request.id = incoming if SAFE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        status = response.status_code
        level = (
            logging.ERROR if status >= 500 else logging.WARNING if status >= 400 else logging.INFO
        )
        if request.path not in QUIET_PATHS and logger.isEnabledFor(level):
            logger.log(
                level,
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "request_id": request.id,
                    "client": client_tag(request),
                },
            )
        return response


# What Django's session keys look like (lower-case letters and digits, at most the 40
# characters the session table holds).
SESSION_KEY = re.compile(r"[a-z0-9]{1,40}")


class SessionCookieGuardMiddleware:
    """Before SessionMiddleware: a session cookie that cannot be a session key (a NUL,
    other bytes, a huge value) is ignored, as if absent. Looking it up would make
    PostgreSQL refuse the query (a NUL in a parameter) and the visitor get a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = settings.SESSION_COOKIE_NAME
        value = request.COOKIES.get(name)
        if value is not None and not SESSION_KEY.fullmatch(value):
            del request.COOKIES[name]
        return self.get_response(request)
