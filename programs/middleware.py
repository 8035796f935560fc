"""Serve cached content pages as early as possible (see programs/cache.py), and publish
what is scheduled on the first request after its time (programs/revisions.py)."""

import functools
import logging

from django.conf import settings
from django.db import DatabaseError
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from iop_site.languages import language_of_path

from . import cache as page_cache
from .revisions import publish_if_due

logger = logging.getLogger(__name__)

# The public views wrapped in programs.views.cached_page.
CONTENT_VIEWS = frozenset(
    {
        "programs:home",
        "programs:page",
        "programs:articles",
        "programs:articles_page",
        "programs:articles_topic",
        "programs:articles_topic_page",
        "programs:article",
        "programs:article_feed",
        "programs:team",
        "programs:person",
    }
)


def accepts_gzip(accept_encoding):
    return "gzip" in {part.split(";")[0].strip().lower() for part in accept_encoding.split(",")}


@functools.lru_cache(maxsize=4096)
def is_content_page(path):
    # Cached: resolving costs more than the rest of a cache hit. Bounded, as paths
    # come from visitors. Resolved in the path's own language (/es/... in Spanish),
    # whatever the thread's, so the answer depends on the path alone.
    try:
        with translation.override(language_of_path(path)):
            return resolve(path).view_name in CONTENT_VIEWS
    except Resolver404:
        return False


class PageCacheMiddleware:
    """For a visitor without a session, answer a content page from the page cache
    before sessions, CSRF, authentication and the rest run: the common case (a visitor
    reading about the program) then costs one cache lookup. On the way out, store the
    pages the content views marked as cacheable, with the headers every inner layer
    added.

    Sits after WhiteNoise and the attribution cookie, before SessionMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and is_content_page(request.path_info)
        ):
            # A Host not in ALLOWED_HOSTS raises DisallowedHost (Django's 400) here, as it
            # would in CommonMiddleware: a cached page is no answer to it.
            request.get_host()
            found = page_cache.lookup(
                request.path, accept_gzip=accepts_gzip(request.headers.get("Accept-Encoding", ""))
            )
            if found.response is not None:
                return found.response
            request.page_cache_lookup = found
        response = self.get_response(request)
        marked = getattr(response, "page_cache_store", None)
        if marked is not None:
            found, valid_until = marked
            page_cache.store(found, request, response, valid_until)
        return response


class ScheduledPublishingMiddleware:
    """The first request of any kind after a scheduled time (a visitor's page, the
    inquiry form, the admin, a 404; not a health check) publishes what is due, once,
    before its view runs, so that view already shows it; no cron job. Most requests
    learn that nothing is due with no query (revisions.publish_if_due).

    Right after PageCacheMiddleware: a page it serves from the cache is current, since
    no cached page outlives the next scheduled change. Sets
    `request.next_content_change` (when content next changes, or None) for the views
    that cache pages, and `request.content_version` (read before the view, so for
    fragments cached under it, see cache.shared_fragments)."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Health checks touch nothing: a load balancer's probe publishes no content.
        self.probes = {reverse("healthz"), reverse("readyz")}

    def __call__(self, request):
        if request.path_info in self.probes:
            return self.get_response(request)
        found = getattr(request, "page_cache_lookup", None)
        try:
            request.next_content_change, request.content_version = publish_if_due(
                version=found and found.version
            )
        except DatabaseError as exc:
            # The view says the site is unavailable if it needs the database. The class
            # only: the text could hold an address.
            logger.warning("Scheduled publishing skipped (%s).", type(exc).__name__)
        return self.get_response(request)
