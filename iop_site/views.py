"""Project-wide views: error pages and health checks.

Error pages render from settings alone (no database, no request context), so they
still show the admissions phone and the crisis lines when the database is down.
"""

import logging
import sys

import csp.constants
from csp.utils import build_policy
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .context_processors import clinic_fallback

logger = logging.getLogger(__name__)

ERROR_PAGES = {
    400: (
        _("Something was wrong with that request"),
        _("We could not understand what your browser sent. Please go back and try again."),
    ),
    403: (
        _("You do not have access to this page"),
        _("This page is not available to you. If you think that is a mistake, please call us."),
    ),
    404: (
        _("We could not find that page"),
        _("The page may have moved, or the address may have a typo."),
    ),
    500: (
        _("Something went wrong on our side"),
        _("We are sorry: the site had a problem showing this page. Nothing you did caused it."),
    ),
    # A form post whose CSRF check failed: almost always a page left open too long or
    # a browser that blocks cookies, so the visitor is told how to recover.
    "csrf": (
        _("Please send that form again"),
        _(
            "For your security, forms on this site expire and need a cookie. Please go back, "
            "reload the page, check your answers and send it again."
        ),
    ),
    503: (
        _("The site is briefly unavailable"),
        _("We are sorry: part of the site is down for a moment. Please try again shortly."),
    ),
}


# Seconds a visitor's browser (or a load balancer) should wait before retrying a 503.
RETRY_AFTER_SECONDS = 30


def render_error_page(status, request_id="", kind=None):
    """An error page with the admissions phone and crisis lines, and no internal detail."""
    title, message = ERROR_PAGES[kind or status]
    body = loader.get_template("error.html").render(
        {
            "clinic": clinic_fallback(),
            "nav_items": [],
            "accreditations": [],
            # Structured data names the site by its absolute address, as on every page.
            "site_url": settings.SITE_URL,
            "title": title,
            "message": message,
            "request_id": request_id,
        }
    )
    response = HttpResponse(body, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_security_headers(response)
    return response


def add_security_headers(response):
    """Set on `response` the security headers the middlewares give every other page
    (Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, Referrer-Policy),
    from the same settings. An error turned into a response in an outer layer (a bad Host
    in CommonMiddleware, an exception in a middleware) never passes the inner middlewares
    that add them; a middleware it does pass leaves a header already set as it is."""
    policy, report_only = build_policy(), build_policy(report_only=True)
    referrer_policy = settings.SECURE_REFERRER_POLICY
    if referrer_policy and not isinstance(referrer_policy, str):
        referrer_policy = ",".join(referrer_policy)
    headers = {
        csp.constants.HEADER: policy,
        csp.constants.HEADER_REPORT_ONLY: report_only,
        "X-Frame-Options": settings.X_FRAME_OPTIONS.upper(),
        "X-Content-Type-Options": "nosniff" if settings.SECURE_CONTENT_TYPE_NOSNIFF else "",
        "Referrer-Policy": referrer_policy,
    }
    for name, value in headers.items():
        if value:
            response.headers.setdefault(name, value)


def bad_request(request, exception=None):
    return render_error_page(400)


def permission_denied(request, exception=None):
    return render_error_page(403)


def csrf_failure(request, reason=""):
    return render_error_page(403, getattr(request, "id", ""), kind="csrf")


def page_not_found(request, exception=None):
    return render_error_page(404)


def server_error(request):
    """500, or 503 when the database cannot be reached: the visitor is told the site is
    briefly down (not that it is broken) and still sees the phone and crisis lines."""
    request_id = getattr(request, "id", "")
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return render_error_page(503, request_id)
    return render_error_page(500, request_id)


@never_cache
@require_safe
def healthz(request):
    """Liveness: the process answers. Touches nothing else."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def readyz(request):
    """Readiness: the database and the shared cache both answer, or 503."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:
        logger.exception("Readiness check: database unavailable")
        checks["database"] = "unavailable"
    try:
        cache.set("readyz", "ok", 5)
        checks["cache"] = "ok" if cache.get("readyz") == "ok" else "unavailable"
    except Exception:
        logger.exception("Readiness check: cache unavailable")
        checks["cache"] = "unavailable"
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )
