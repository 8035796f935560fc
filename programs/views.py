"""Public content pages, the sitemap and robots.txt.

Every page goes through `_serve_page`: a visitor's request is answered from the page
cache when it can be (one query), otherwise rendered with a fixed, small number of
queries whatever the amount of content. Drafts and pages scheduled for later are 404
to visitors and a preview for staff who may change pages.
"""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import cache as page_cache
from .models import FaqEntry, Page, Session, Therapy, Track
from .sitemaps import SITEMAPS


@require_safe
def home(request):
    return _serve_page(request, layout=Page.Layout.HOME)


@require_safe
def page(request, slug):
    return _serve_page(request, slug=slug)


def _serve_page(request, slug=None, layout=None):
    cacheable = page_cache.can_cache(request)
    # PageCacheMiddleware has already looked for a visitor without a session.
    found = getattr(request, "page_cache_lookup", None)
    if found is None and cacheable:
        found = page_cache.lookup(request.path)
    if found and found.response:
        return found.response

    now = timezone.now()
    lookup = {"slug": slug} if slug else {"layout": layout}
    content = Page.objects.prefetch_related("sections")
    current = content.published(now).filter(**lookup).first()
    preview = False
    if current is None and request.user.has_perm("programs.change_page"):
        current = content.filter(**lookup).first()
        preview = current is not None
    if current is None and layout == Page.Layout.HOME:
        current = default_home_page()
    if current is None:
        raise Http404
    if slug and current.layout == Page.Layout.HOME:
        return redirect("programs:home", permanent=not preview)

    response = TemplateResponse(
        request,
        "programs/home.html" if current.layout == Page.Layout.HOME else "programs/page.html",
        {
            "page": current,
            "preview": preview,
            "canonical_url": settings.SITE_URL + current.get_absolute_url(),
            **_layout_context(current),
        },
    )
    response.render()
    if preview:
        add_never_cache_headers(response)
    elif cacheable:
        # Stored by PageCacheMiddleware, once every layer has added its headers.
        response.page_cache_store = (found, page_cache.content_valid_until(now))
    return response


def default_home_page():
    """The home page a visitor sees before the editors have published one."""
    return Page(
        title=_("Evening addiction treatment that fits around your life"),
        slug="home",
        layout=Page.Layout.HOME,
        intro=_(
            "Our Intensive Outpatient Program meets a few evenings a week, so you can keep "
            "working, studying and caring for your family while you recover."
        ),
        meta_description=_(
            "Evening Intensive Outpatient Program for substance use and co-occurring "
            "mental-health conditions. Confidential admissions, 24/7."
        ),
    )


def _published_tracks():
    return list(
        Track.objects.published().prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("weekday", "start_time"))
        )
    )


def _layout_context(current):
    """The records a special layout shows under the page text, as lists: fetched here,
    once, and never again by a template or a log line that prints the context."""
    match current.layout:
        case Page.Layout.HOME:
            highlights = (
                Page.objects.in_navigation()
                .exclude(pk=current.pk)
                .only("title", "nav_label", "slug", "layout", "meta_description")
            )
            return {"tracks": _published_tracks(), "highlights": list(highlights)}
        case Page.Layout.SCHEDULE:
            return {"tracks": _published_tracks()}
        case Page.Layout.THERAPIES:
            return {"therapies": list(Therapy.objects.published())}
        case Page.Layout.FAQ:
            return {"faq_entries": list(FaqEntry.objects.published())}
    return {}


@require_safe
def sitemap(request):
    return sitemap_view(request, sitemaps=SITEMAPS)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_PATH}",
        "",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
