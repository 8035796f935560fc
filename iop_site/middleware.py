"""Request ids and the request log: one JSON line per request, without query strings."""

import logging
import re
import time
import uuid

logger = logging.getLogger("iop_site.requests")

# A proxy's X-Request-ID is kept only when it looks like an id, never free text.
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

# Probes hit these every few seconds; logging each one would bury real traffic.
QUIET_PATHS = frozenset({"/healthz", "/readyz"})


class RequestLogMiddleware:
    """Give each request an id (`request.id`, the `X-Request-ID` response header) and
    log method, path (never the query string), status and duration when it ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        if request.path not in QUIET_PATHS:
            status = response.status_code
            level = (
                logging.ERROR
                if status >= 500
                else logging.WARNING
                if status >= 400
                else logging.INFO
            )
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
                },
            )
        return response
