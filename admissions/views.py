"""The public inquiry form and its confirmation.

What a visitor types is health information: these views never log it, and error
reports hide the POST data and the local variables (sensitive_* decorators).

The form needs no cookie and no session, so a browser that refuses cookies can send
it and see its confirmation: a signed per-render token (admissions/forms.py) and a
same-origin check take the place of Django's CSRF cookie, and the confirmation is the
answer to the POST itself. Nothing a person typed is lost: a refused post gets the form
back with everything in it.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from programs import cache as page_cache

from . import notifications
from .forms import InquiryForm, current_privacy_notice_version, new_form_token
from .limits import count_submission
from .middleware import COOKIE_NAME, read_attribution
from .models import Inquiry, new_reference

logger = logging.getLogger(__name__)


def sent_from_this_site(request):
    """Whether a POST came from one of this site's own pages, judged by what browsers
    send with every form: Sec-Fetch-Site, else Origin, else Referer. A request with none
    of them (an old browser, a privacy proxy) is let through: the signed form token
    still proves the form was rendered here, and refusing would silence a person."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in ("same-origin", "none")
    own = {f"{request.scheme}://{request.get_host()}".lower(), *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin:
        return origin.lower() in own
    referer = request.headers.get("Referer")
    if referer:
        try:
            parts = urlsplit(referer)
        except ValueError:
            return False
        return f"{parts.scheme}://{parts.netloc}".lower() in own
    return True


@sensitive_variables()
def create_inquiry(request, form, held):
    """Store the inquiry, its Received event and its notification in one transaction;
    delivery follows the commit. A second post of the same rendered form returns the
    first inquiry."""
    try:
        with transaction.atomic():
            inquiry = form.save(
                attribution=read_attribution(request),
                held_for_review=held,
                notice_version=page_cache.for_current_content(
                    request, "privacy-notice-version", current_privacy_notice_version
                ),
            )
            notifications.queue_new_inquiry(inquiry)
    except IntegrityError:
        # A double click raced the first post past the duplicate check.
        existing = Inquiry.objects.filter(submission_token=form.submission_token).first()
        if existing is None:
            raise
        return existing
    return inquiry


def confirmation(request, inquiry):
    """The confirmation page, as the answer to the POST: no session, no cookie, no
    reference in any URL. A reload posts the same form again and shows the same page.
    All but its middle is the same for everyone: shared fragments, as on the form."""
    deadline = inquiry.contact_deadline_minutes()
    response = render(
        request,
        "admissions/thanks.html",
        {
            "reference": inquiry.reference,
            "urgent": inquiry.is_urgent,
            "contact_method": inquiry.contact_method,
            "voicemail_ok": inquiry.voicemail_ok,
            "texts_ok": inquiry.texts_ok,
            "deadline_hours": max(1, round(deadline / 60)),
            "deadline_minutes": deadline,
            "fragments": page_cache.shared_fragments(request, "confirmation"),
        },
    )
    if COOKIE_NAME in request.COOKIES:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
    return response


def form_page(request, form, refusal="", status=200):
    """The form page again, for a post that was refused or had errors: everything the
    person typed, and the token to send it with."""
    return render_form_page(
        request, form, form["form_token"].value(), form.errors, refusal=refusal, status=status
    )


def blank_form_page(request):
    """A blank form with a new token. The page around the token is the same for every
    visitor: shared fragments (templatetags/shared_fragments.py), rendered once per
    content version, so the form itself is only built when they are rendered afresh."""
    token = new_form_token()
    form = SimpleLazyObject(lambda: InquiryForm(form_token=token))
    return render_form_page(
        request, form, token, {}, fragments=page_cache.shared_fragments(request, "form")
    )


def render_form_page(request, form, token, errors, fragments=None, refusal="", status=200):
    return render(
        request,
        "admissions/inquiry.html",
        {
            "form": form,
            "form_token": token,
            "errors": errors,
            "fragments": fragments,
            "refusal": refusal,
            "canonical_url": settings.SITE_URL + reverse("admissions:inquiry"),
        },
        status=status,
    )


@never_cache
@csrf_exempt
@sensitive_post_parameters()
@sensitive_variables()
@require_http_methods(["GET", "HEAD", "POST"])
def inquiry(request):
    if request.method != "POST":
        return blank_form_page(request)

    form = InquiryForm(request.POST)
    if not sent_from_this_site(request):
        logger.warning("Inquiry form: post from another site refused, nothing stored")
        return form_page(request, form, refusal="resend", status=403)

    if form.honeypot_filled():
        # Pretend it worked, store nothing.
        logger.info("Inquiry form: honeypot filled, nothing stored")
        return confirmation(request, Inquiry(reference=new_reference()))

    if not form.is_valid():
        if form.token_errors() & {"expired", "tampered"}:
            form.replace_token()
        return form_page(request, form)

    same_form = Inquiry.objects.filter(submission_token=form.submission_token)
    # exists() first: almost every post is new, and building the query for a whole row
    # of this wide model costs about 0.9 ms more (1.2 against 0.33 ms at 50,000 rows).
    if same_form.exists():
        # Reload, back button or double click: the same confirmation, no second row.
        return confirmation(request, same_form.get())

    # An urgent inquiry is never held and never refused.
    urgent = form.instance.derive_priority()
    counts = count_submission(request)
    if counts.over_daily_cap and not urgent:
        logger.warning("Inquiry form: daily cap reached for a client, form shown back")
        return form_page(request, form, refusal="over_cap", status=429)
    held = counts.over_window_limit and not urgent
    if held:
        logger.info("Inquiry form: many inquiries from one client, stored and held")
    return confirmation(request, create_inquiry(request, form, held))
