"""The public inquiry form and its confirmation page.

What a visitor types is health information: these views never log it, and error
reports hide the POST data and the local variables (sensitive_* decorators).
"""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_safe

from iop_site.addresses import client_address
from programs import cache as page_cache

from . import notifications
from .forms import InquiryForm, new_form_token
from .middleware import COOKIE_NAME, read_attribution
from .models import Inquiry, InquiryEvent, new_reference

logger = logging.getLogger(__name__)

CONFIRMATION_SESSION_KEY = "admissions_confirmation"


class SubmissionLimit:
    """How many inquiries one client address sent in the current window, counted in the
    shared cache (so every worker and server sees the same count). The address is kept
    only as a keyed hash. If the cache is down the limit is not applied (fail open): a
    person in need must never be turned away by an infrastructure problem."""

    def __init__(self, request):
        window = max(settings.ADMISSIONS_RATE_WINDOW_MINUTES, 1) * 60
        digest = hmac.new(
            settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
        ).hexdigest()[:32]
        self.timeout = window
        self.key = f"admissions:inquiries:{digest}:{int(time.time() // window)}"

    def _count(self):
        try:
            return cache.get(self.key, 0)
        except Exception as exc:
            logger.warning(
                "Inquiry rate limit not checked: cache unavailable (%s)", type(exc).__name__
            )
            return 0

    def exceeded(self):
        return self._count() >= settings.ADMISSIONS_RATE_LIMIT

    def add_one(self):
        # get + set rather than incr: the database cache's incr resets the expiry.
        try:
            cache.set(self.key, cache.get(self.key, 0) + 1, self.timeout)
        except Exception as exc:
            logger.warning(
                "Inquiry rate limit not counted: cache unavailable (%s)", type(exc).__name__
            )


def remember_confirmation(request, inquiry):
    """Keep what the confirmation page needs in the session, not in the URL: the reference
    stays out of browser history, proxy logs and Referer headers."""
    request.session[CONFIRMATION_SESSION_KEY] = {
        "reference": inquiry.reference,
        "urgent": inquiry.is_urgent,
        "contact_method": inquiry.contact_method,
        "voicemail_ok": inquiry.voicemail_ok,
        "texts_ok": inquiry.texts_ok,
    }


def confirmed(request, inquiry):
    remember_confirmation(request, inquiry)
    response = redirect("admissions:thanks")
    response.delete_cookie(COOKIE_NAME, samesite="Lax")
    return response


@sensitive_variables()
def create_inquiry(request, form):
    """Store the inquiry and its notification in one transaction; delivery follows the
    commit. A second post of the same rendered form returns the first inquiry."""
    try:
        with transaction.atomic():
            inquiry = form.save(attribution=read_attribution(request))
            InquiryEvent.objects.create(
                inquiry=inquiry, kind=InquiryEvent.Kind.CREATED, to_status=inquiry.status
            )
            notifications.queue_new_inquiry(inquiry)
    except IntegrityError:
        # A double click raced the first post past the check above.
        existing = Inquiry.objects.filter(submission_token=form.submission_token).first()
        if existing is None:
            raise
        return existing, False
    return inquiry, True


# Stand-ins for the two values that differ per visitor in the blank form page.
CSRF_SLOT = "csrf-token-slot"
SIGNED_FORM_SLOT = "form-token-slot"


def blank_form(request):
    """The empty inquiry form. Rendering it (crispy, a dozen fields and their choices) is
    the costly part, and it is the same for everyone but for the CSRF token and the
    signed form token: so the page is rendered once per content version with stand-ins
    (kept in the shared page cache, see programs/cache.py) and each visitor gets a copy
    with their own two tokens put in."""
    found = page_cache.lookup(request.path)
    if found.response is not None:
        page = found.response.content.decode()
    else:
        page = render_to_string(
            "admissions/inquiry.html",
            {"form": InquiryForm(form_token=SIGNED_FORM_SLOT), "csrf_token": CSRF_SLOT},
            request,
        )
        page_cache.store(found, request, HttpResponse(page), page_cache.content_valid_until())
    return HttpResponse(
        page.replace(CSRF_SLOT, get_token(request)).replace(SIGNED_FORM_SLOT, new_form_token())
    )


@never_cache
@sensitive_post_parameters()
@sensitive_variables()
@require_http_methods(["GET", "HEAD", "POST"])
def inquiry(request):
    if request.method != "POST":
        return blank_form(request)

    form = InquiryForm(request.POST)
    if form.honeypot_filled():
        # Pretend it worked, store nothing.
        logger.info("Inquiry form: honeypot filled, nothing stored")
        request.session[CONFIRMATION_SESSION_KEY] = {
            "reference": new_reference(),
            "urgent": False,
            "contact_method": Inquiry.ContactMethod.CALL,
            "voicemail_ok": False,
            "texts_ok": False,
        }
        return redirect("admissions:thanks")

    if form.is_valid():
        duplicate = Inquiry.objects.filter(submission_token=form.submission_token).first()
        if duplicate:
            # Reload, back button or double click: the same confirmation, no second row.
            return confirmed(request, duplicate)
        limit = SubmissionLimit(request)
        if limit.exceeded():
            logger.warning("Inquiry form: submission limit reached for a client")
            return render(request, "admissions/rate_limited.html", status=429)
        inquiry_object, created = create_inquiry(request, form)
        if created:
            limit.add_one()
        return confirmed(request, inquiry_object)

    if form.token_errors() & {"expired", "tampered"}:
        form.replace_token()
    return render(request, "admissions/inquiry.html", {"form": form})


@never_cache
@require_safe
def thanks(request):
    confirmation = request.session.get(CONFIRMATION_SESSION_KEY)
    if not confirmation:
        return redirect("admissions:inquiry")
    deadline = (
        settings.ADMISSIONS_URGENT_DEADLINE_MINUTES
        if confirmation["urgent"]
        else settings.ADMISSIONS_DEADLINE_MINUTES
    )
    return render(
        request,
        "admissions/thanks.html",
        {
            **confirmation,
            "deadline_hours": max(1, round(deadline / 60)),
            "deadline_minutes": deadline,
        },
    )
