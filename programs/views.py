"""Public content: pages, the article library, the team, the feed, sitemap and robots.txt.

Every public view is wrapped in `cached_page`: a visitor's request is answered from the
page cache when it can be (one query), otherwise rendered with a fixed, small number of
queries whatever the amount of content. Drafts and records scheduled for later are 404
to visitors and a preview for staff who may change them.
"""

import functools

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from iop_site.languages import show_item

from . import cache as page_cache
from .feeds import LatestArticlesFeed
from .models import Article, FaqEntry, Page, Person, Session, Therapy, Topic, Track
from .revisions import publish_if_due
from .sitemaps import SITEMAPS
from .translation import address_lookup

ARTICLES_PER_PAGE = 10
RELATED_ARTICLES = 3
HOME_PAGE_ARTICLES = 3
HOME_PAGE_PEOPLE = 4
NOT_ASKED = object()


def cached_page(view):
    """Answer from the page cache when it has the page; otherwise call the view with the
    time it renders for (`now`) and mark its answer for PageCacheMiddleware to store,
    unless it is a staff preview (response.preview), which is never stored."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        found = None
        if page_cache.can_cache(request):
            # PageCacheMiddleware has already looked for a visitor without a session.
            found = getattr(request, "page_cache_lookup", None) or page_cache.lookup(request.path)
            if found.response is not None:
                return found.response
        now = timezone.now()
        # ScheduledPublishingMiddleware has published what was due and knows when
        # content changes next; asked here only if it could not.
        next_change = getattr(request, "next_content_change", NOT_ASKED)
        if next_change is NOT_ASKED:
            next_change, _version = publish_if_due(now)
        response = view(request, *args, now=now, **kwargs)
        if isinstance(response, TemplateResponse):
            response.render()
        if getattr(response, "preview", False):
            add_never_cache_headers(response)
        elif found is not None and response.status_code == 200:
            response.page_cache_store = (found, page_cache.valid_until(next_change, now))
        return response

    return wrapper


def _render(request, template, context, preview=False):
    # A staff preview of a draft revision (programs.admin_revisions) renders the live
    # views with the draft applied, always as a preview.
    revision = getattr(request, "revision_preview", None)
    preview = preview or revision is not None
    response = TemplateResponse(
        request, template, {**context, "preview": preview, "revision_preview": revision}
    )
    response.preview = preview
    return response


def _absolute(path):
    return settings.SITE_URL + path


def _current_or_preview(request, queryset, permission, now, lookup):
    """(record, preview): the published record matching `lookup` (a Q), or for staff
    who may change it, any record (a preview). Http404 otherwise."""
    current = queryset.published(now).filter(lookup).first()
    if current is not None:
        return current, False
    if request.user.has_perm(permission):
        current = queryset.filter(lookup).first()
        if current is not None:
            return current, True
    raise Http404


# --- Pages -----------------------------------------------------------------------------


@require_safe
@cached_page
def home(request, now):
    return _serve_page(request, now, layout=Page.Layout.HOME)


@require_safe
@cached_page
def page(request, slug, now):
    return _serve_page(request, now, slug=slug)


def _serve_page(request, now, slug=None, layout=None):
    lookup = address_lookup(slug) if slug else Q(layout=layout)
    content = Page.objects.select_related("lead_image", "sharing_image").prefetch_related(
        "sections"
    )
    try:
        current, preview = _current_or_preview(
            request, content, "programs.change_page", now, lookup
        )
    except Http404:
        if layout != Page.Layout.HOME:
            raise
        current, preview = default_home_page(), False
    if slug and current.layout == Page.Layout.HOME:
        return redirect("programs:home", permanent=not preview)
    if slug and current.slug != slug:
        # The English address under /es/ of a page with a Spanish one.
        return redirect(current.get_absolute_url(), permanent=not preview)
    show_item(request, current)

    return _render(
        request,
        "programs/home.html" if current.layout == Page.Layout.HOME else "programs/page.html",
        {
            "page": current,
            "canonical_url": _absolute(current.get_absolute_url()),
            **_layout_context(current, now),
        },
        preview=preview,
    )


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


def _layout_context(current, now):
    """The records a special layout shows under the page text, as lists: fetched here,
    once, and never again by a template or a log line that prints the context."""
    match current.layout:
        case Page.Layout.HOME:
            highlights = (
                Page.objects.in_navigation(now)
                .exclude(pk=current.pk)
                .only("title", "nav_label", "slug", "layout", "meta_description")
            )
            latest = Article.objects.published(now).newest_first().for_list()
            return {
                "tracks": _published_tracks(),
                "highlights": list(highlights),
                "latest_articles": list(latest[:HOME_PAGE_ARTICLES]),
                "team": list(
                    Person.objects.on_team_page().select_related("photo")[:HOME_PAGE_PEOPLE]
                ),
            }
        case Page.Layout.SCHEDULE:
            return {"tracks": _published_tracks()}
        case Page.Layout.THERAPIES:
            return {"therapies": list(Therapy.objects.published())}
        case Page.Layout.FAQ:
            return {"faq_entries": list(FaqEntry.objects.published())}
    return {}


# --- The article library ---------------------------------------------------------------


def _articles_url(topic=None, page=1):
    if topic and page > 1:
        return reverse("programs:articles_topic_page", kwargs={"topic": topic, "page": page})
    if topic:
        return reverse("programs:articles_topic", kwargs={"topic": topic})
    if page > 1:
        return reverse("programs:articles_page", kwargs={"page": page})
    return reverse("programs:articles")


@require_safe
@cached_page
def articles(request, now, topic=None, page=None):
    """The library, newest first, ARTICLES_PER_PAGE at a time, optionally one topic's."""
    if page == 1:
        # One address per page: /articles/page/1/ is /articles/.
        return redirect(_articles_url(topic), permanent=True)
    topics = list(Topic.objects.with_published_articles(now))
    current_topic = None
    listed = Article.objects.published(now).newest_first().for_list()
    if topic is not None:
        current_topic = next((item for item in topics if item.slug == topic), None)
        if current_topic is None:
            raise Http404
        listed = listed.filter(topics=current_topic)
    try:
        shown = Paginator(listed, ARTICLES_PER_PAGE).page(1 if page is None else page)
    except EmptyPage:
        raise Http404 from None
    number = shown.number
    if current_topic is not None:
        show_item(request, current_topic, lambda item: _articles_url(item.slug, number))
    return _render(
        request,
        "programs/articles.html",
        {
            "articles": list(shown.object_list),
            "page_obj": shown,
            "topics": topics,
            "current_topic": current_topic,
            "newer_url": _articles_url(topic, number - 1) if shown.has_previous() else "",
            "older_url": _articles_url(topic, number + 1) if shown.has_next() else "",
            "canonical_url": _absolute(_articles_url(topic, number)),
        },
    )


@require_safe
@cached_page
def article(request, slug, now):
    content = Article.objects.select_related(
        "author", "reviewer", "lead_image", "sharing_image"
    ).prefetch_related("topics")
    current, preview = _current_or_preview(
        request, content, "programs.change_article", now, address_lookup(slug)
    )
    if current.slug != slug:
        return redirect(current.get_absolute_url(), permanent=not preview)
    show_item(request, current)
    topic_ids = [topic.pk for topic in current.topics.all()]
    related = Article.objects.related_to(current, topic_ids, now)[:RELATED_ARTICLES]
    return _render(
        request,
        "programs/article.html",
        {
            "article": current,
            "related_articles": list(related),
            "canonical_url": _absolute(current.get_absolute_url()),
        },
        preview=preview,
    )


@require_safe
@cached_page
def article_feed(request, now):
    return LatestArticlesFeed(now=now)(request)


# --- The team --------------------------------------------------------------------------


@require_safe
@cached_page
def team(request, now):
    return _render(
        request,
        "programs/team.html",
        {
            "people": list(Person.objects.on_team_page().select_related("photo")),
            "canonical_url": _absolute(reverse("programs:team")),
        },
    )


# A person's page lists the newest articles they wrote or reviewed, this many at most.
PERSON_ARTICLES = 6


@require_safe
@cached_page
def person(request, slug, now):
    current = Person.objects.public(now).select_related("photo").filter(slug=slug).first()
    preview = False
    if current is None and request.user.has_perm("programs.change_person"):
        current = Person.objects.select_related("photo").filter(slug=slug).first()
        preview = current is not None
    if current is None:
        raise Http404
    show_item(request, current)
    credited = Article.objects.published(now).filter(Q(author=current) | Q(reviewer=current))
    # The newest few, not every article a reviewer ever signed off (one more is read to
    # know whether to point to the library for the rest).
    newest = list(credited.newest_first().for_list()[: PERSON_ARTICLES + 1])
    return _render(
        request,
        "programs/person.html",
        {
            "person": current,
            "credited_articles": newest[:PERSON_ARTICLES],
            "more_articles": len(newest) > PERSON_ARTICLES,
            "canonical_url": _absolute(current.get_absolute_url()),
        },
        preview=preview,
    )


# --- For search engines ----------------------------------------------------------------


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
