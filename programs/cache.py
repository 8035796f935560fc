"""The public page cache: whole rendered pages in the shared cache (settings.CACHES).

How it stays correct:
- One content version for the whole site, kept in the cache under VERSION_KEY. Every
  save or delete of any content model sets a new one (see signals in apps.py), so the
  next request renders afresh; not the changes made only to be rolled back, when staff
  open, preview or save a draft (`unchanged_for_visitors`). Each cached page stores
  the version it was rendered under and is used only while that is still the current
  version.
- Each cached page also stores `valid_until`: never later than the next scheduled
  go-live of a page or an article, or the next scheduled revision (programs/
  revisions.py), so one scheduled for later appears (in the menu and the lists too) at
  its time without anyone saving anything and with no cron job: the first request of
  any kind after it (ScheduledPublishingMiddleware) publishes a due revision. Each
  process remembers that time under the content version it was worked out for
  (`next_changes`), so a request learns that nothing is due with no query.
- A lookup is ONE cache call (get_many of the version and the page), which is one
  query with the database cache.
- Only anonymous GET/HEAD requests for published pages are cached, and only responses
  with no cookie and no CSRF token, so a cached page is right for every visitor.
- PageCacheMiddleware (programs/middleware.py) answers a visitor without a session
  from the cache before sessions, CSRF and authentication run, and stores the page
  with the headers those layers added (the Content-Security-Policy among them); the
  view marks what may be stored.
- If the cache fails, pages are served uncached and a warning without any request
  detail is logged.
"""

import functools
import gzip
import hashlib
import logging
import threading
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_KEY = "programs:content-version"
# The longest a page stays cached, even with no change (a safety net for changes made
# outside the ORM's signals, e.g. QuerySet.update in a shell).
MAX_AGE = timedelta(minutes=10)


@dataclass
class Lookup:
    key: str
    version: str | None = None
    usable: bool = True
    response: HttpResponse | None = None


@functools.cache
def release():
    """A fingerprint of the code that renders pages: the templates and the static files'
    manifest (their hashed names). A deploy that changes either starts with an empty
    page cache, so no visitor gets a page naming a stylesheet that is gone."""
    digest = hashlib.sha256()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [Path(app.path) / "templates" for app in apps.get_app_configs()]
    for folder in sorted(folders):
        for template in sorted(folder.rglob("*.html")):
            digest.update(template.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:12]


def page_key(path):
    # The query string is ignored: no public page reads it.
    digest = hashlib.sha256(path.encode()).hexdigest()[:32]
    return f"programs:page:{release()}:{digest}"


def can_cache(request):
    """Only an anonymous visitor's GET or HEAD is served from, or stored in, the cache."""
    return request.method in ("GET", "HEAD") and not request.user.is_authenticated


# Headers never kept with a cached page: they belong to one response only.
PER_RESPONSE_HEADERS = frozenset({"set-cookie", "x-request-id", "x-page-cache", "content-length"})


class RecentPages:
    """This process's copies of the pages it served last, so a hit need not fetch and
    unpickle the whole page from the shared cache. A copy is used only while its content
    version is still the shared current one (read on every request), so every worker
    and server shows a change on the next request just the same."""

    def __init__(self, size=256):
        self.size = size
        self.entries = OrderedDict()
        # gunicorn may run several threads in a worker (GUNICORN_THREADS).
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


recent_pages = RecentPages()


def lookup(path, now=None, accept_gzip=False):
    """The cached response for the page at `path` if it is current (gzip-compressed when
    the browser accepts it), and what `store` needs to keep a fresh one. One cache call
    either way: the version alone when this process holds a copy, else both."""
    key = page_key(path)
    entry = recent_pages.get(key)
    try:
        if entry is not None:
            version = cache.get(VERSION_KEY)
            if entry["version"] != version:
                entry = None
        else:
            found = cache.get_many([VERSION_KEY, key])
            version, entry = found.get(VERSION_KEY), found.get(key)
            if entry is not None:
                recent_pages.put(key, entry)
    except Exception as exc:
        warn_cache_failure("read", exc)
        return Lookup(key=key, usable=False)
    result = Lookup(key=key, version=version)
    now = now or timezone.now()
    current = entry and version is not None and entry["version"] == version
    if current and entry["valid_until"] > now:
        response = HttpResponse(entry["gzip"] if accept_gzip else entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        if accept_gzip:
            response["Content-Encoding"] = "gzip"
        response["X-Page-Cache"] = "hit"
        result.response = response
    return result


def store(found, request, response, valid_until):
    """Keep `response` for the next visitors until `valid_until` at the latest.

    `found` is this request's Lookup: the page is stored under the content version read
    before rendering, so a change saved meanwhile is never hidden by an older render.
    """
    if not found.usable or response.status_code != 200 or response.cookies:
        return
    varies_by = {value.strip().lower() for value in response.get("Vary", "").split(",")}
    if request.META.get("CSRF_COOKIE_USED") or varies_by - {"", "cookie"}:
        # A CSRF token or a per-visitor variation: not the same page for everyone.
        # (Vary: Cookie is fine: the page is kept only for visitors without a session.)
        return
    seconds = int((valid_until - timezone.now()).total_seconds())
    if seconds <= 0:
        return
    # Served plain or compressed from one entry: say so to any cache on the way.
    patch_vary_headers(response, ["Accept-Encoding"])
    try:
        version = found.version
        if version is None:
            version = new_version()
            if not cache.add(VERSION_KEY, version, timeout=None):
                return
        entry = {
            "version": version,
            "valid_until": valid_until,
            "content": response.content,
            # Compressed once here rather than on every visit. The pages hold no
            # secret (no CSRF token), so compression leaks nothing (BREACH).
            "gzip": gzip.compress(response.content, compresslevel=6, mtime=0),
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in PER_RESPONSE_HEADERS
            ],
        }
        cache.set(found.key, entry, timeout=seconds)
    except Exception as exc:
        warn_cache_failure("write", exc)
        return
    recent_pages.put(found.key, entry)
    response["X-Page-Cache"] = "miss"


def valid_until(next_go_live, now=None):
    """When a page rendered now stops being current: after MAX_AGE, or at the next
    scheduled go-live if that comes sooner."""
    now = now or timezone.now()
    limit = now + MAX_AGE
    return min(limit, next_go_live) if next_go_live else limit


class NextChanges:
    """This process's note of when content next changes by itself (a scheduled record
    goes live, a scheduled revision is published), and under which content version it
    was worked out. Used only while that version is the shared current one: scheduling
    anything, in any process, saves content and so sets a new version. Kept MAX_AGE at
    most, as pages are."""

    def __init__(self):
        self.lock = threading.Lock()
        self.version = None
        self.at = None
        self.checked_at = None

    def known(self, version, now):
        """(True, when) if the next change under `version` is known, else (False, None)."""
        with self.lock:
            if version is None or version != self.version or now >= self.checked_at + MAX_AGE:
                return False, None
            return True, self.at

    def remember(self, version, at, now):
        with self.lock:
            self.version, self.at, self.checked_at = version, at, now


next_changes = NextChanges()


def current_version():
    """The shared content version (one cache call), a new one if there was none, or
    None if the cache cannot be read."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, new_version(), timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception as exc:
        warn_cache_failure("read", exc)
        return None
    return version


# Where shared fragments of dynamic pages are kept (programs/templatetags/
# shared_fragments.py): settings.CACHES["fragments"].
FRAGMENT_CACHE = "fragments"


def content_key(request):
    """What the content shown now is known by: the release, the content version this
    request read, when content next changes by itself and the language. Any change to
    content, a scheduled go-live passing or a deploy gives a new key. None when the
    cache cannot be read."""
    version = getattr(request, "content_version", None) or current_version()
    if not version:
        return None
    next_change = getattr(request, "next_content_change", None)
    return f"{release()}:{version}:{next_change}:{get_language()}"


def shared_fragments(request, page):
    """For a page that is the same for every visitor but for a part of its own (the
    inquiry form and its token, the confirmation and its reference): the key the shared
    fragments of `page` (a name: one address can answer with several pages) are cached
    under, the content's key (`content_key`) and the path. None when the cache cannot
    be read: render everything."""
    key = content_key(request)
    return None if key is None else f"{key}:{request.path}:{page}"


_MISSING = object()


def remembered(key, compute):
    """compute()'s answer, kept in this process's fragment cache under `key` (at most
    MAX_AGE); compute() alone when that cache fails. The keys come from `content_key`,
    so they change whenever content does."""
    store = caches[FRAGMENT_CACHE]
    try:
        found = store.get(key, _MISSING)
    except Exception as exc:
        warn_cache_failure("read", exc)
        return compute()
    if found is _MISSING:
        found = compute()
        try:
            store.set(key, found, int(MAX_AGE.total_seconds()))
        except Exception as exc:
            warn_cache_failure("write", exc)
    return found


def for_current_content(request, name, compute):
    """compute()'s answer, worked out once per process for the content shown now: for
    what depends on content alone and costs queries to work out, like the clinic's
    details."""
    key = content_key(request)
    return compute() if key is None else remembered(f"{key}:{name}", compute)


def new_version():
    return uuid.uuid4().hex


# True while content is changed only to be rolled back (a draft opened in the edit form,
# previewed or captured: programs/revisions.py). Visitors never see those changes.
_rehearsing = ContextVar("programs_page_cache_rehearsing", default=False)


@contextmanager
def unchanged_for_visitors():
    """Within the block, saves and deletes of content do not make cached pages out of
    date: for work that is always rolled back. (A change that is committed after all
    would still be invisible to the cache until MAX_AGE: use only for rolled-back work.)"""
    token = _rehearsing.set(True)
    try:
        yield
    finally:
        _rehearsing.reset(token)


def bump_content_version(**kwargs):
    """Signal receiver: content changed, so every cached page is out of date.

    Bumped at once (so the next request renders afresh) and again after the commit
    (so a page rendered from the old rows during the transaction is not kept). Not
    within `unchanged_for_visitors`."""
    if _rehearsing.get():
        return
    _set_new_version()
    transaction.on_commit(_set_new_version)


def _set_new_version():
    try:
        cache.set(VERSION_KEY, new_version(), timeout=None)
    except Exception as exc:
        warn_cache_failure("invalidate", exc)


def warn_cache_failure(action, exc):
    # The exception's class only: its text could carry a cache address or credentials.
    logger.warning(
        "Page cache %s failed (%s); serving without the cache.", action, type(exc).__name__
    )
