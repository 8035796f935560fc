"""The link checker: internal links in any Markdown text (pages, their sections,
articles, questions, therapies, people's biographies, and any other Markdown field)
that lead to no page, or to one visitors cannot see.

It reads the rendered HTML (what visitors get), one query per kind of record, then
looks every linked address up at once: the number of queries never grows with the
number of records or links.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Article, Page, PageSection, Person, Redirect, Topic
from .models.base import RendersMarkdown


@dataclass
class Link:
    record: object
    field: str
    href: str
    text: str
    path: str = ""
    problem: str = ""
    moved_to: str = ""

    @property
    def where(self):
        """E.g. "Page “About us”, section “Our team”: text"."""
        record = self.record
        field = record._meta.get_field(self.field).verbose_name
        if isinstance(record, PageSection):
            return _("Page “%(page)s”, section “%(section)s”: %(field)s") % {
                "page": record.page.title,
                "section": record.heading,
                "field": field,
            }
        return _("%(kind)s “%(name)s”: %(field)s") % {
            "kind": record._meta.verbose_name.capitalize(),
            "name": record,
            "field": field,
        }

    @property
    def edit_url(self):
        record = self.record
        if isinstance(record, PageSection):
            record = record.page
        opts = record._meta
        try:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        except NoReverseMatch:
            return ""


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = [dict(attrs).get("href") or "", []]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            href, text = self._open
            self.links.append((href, " ".join("".join(text).split())))
            self._open = None


def internal_path(href):
    """The path of a link to this site, or "" for another site, an e-mail, a phone or
    a link within the page."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        site = urlsplit(settings.SITE_URL)
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
            return ""
        return parts.path or "/"
    if href.startswith("/") and not href.startswith("//"):
        return parts.path
    return ""


def markdown_records():
    """(model, {markdown field: html field}) for every model with Markdown text."""
    return [
        (model, model.markdown_fields)
        for model in apps.get_app_config("programs").get_models()
        if issubclass(model, RendersMarkdown) and model.markdown_fields
    ]


def collect_links():
    """Every internal link in every Markdown text, as Link objects. One query per model."""
    links = []
    for model, fields in markdown_records():
        records = model.objects.order_by("pk")
        if model is PageSection:
            records = records.select_related("page")
        for record in records:
            for source, target in fields.items():
                parser = LinkCollector()
                parser.feed(getattr(record, target) or "")
                for href, text in parser.links:
                    path = internal_path(href)
                    if path:
                        links.append(Link(record, source, href, text, path))
    return links


def _route(path):
    """(view name, kwargs) for `path`, trying it with a slash added as the site does."""
    for candidate in (path, path if path.endswith("/") else path + "/"):
        try:
            match = resolve(candidate)
        except Resolver404:
            continue
        return match.view_name, match.kwargs
    return None, {}


def _schedule_problem(kind, row, now):
    status, publish_at = row
    if status != Page.Status.PUBLISHED:
        return _("The %(kind)s it leads to is a draft.") % {"kind": kind}
    if publish_at and publish_at > now:
        return _("The %(kind)s it leads to is scheduled (live from %(when)s).") % {
            "kind": kind,
            "when": date_format(timezone.localtime(publish_at), "DATETIME_FORMAT"),
        }
    return ""


def check_links(now=None):
    """(broken, moved): links that lead nowhere or to something visitors cannot see, and
    links to an old address that still work through a redirect (whose own target is
    checked like any link). A fixed number of queries whatever the number of records
    and links."""
    now = now or timezone.now()
    links = collect_links()
    routed = {link.path: _route(link.path) for link in links}
    # Any address that visitors would find missing may redirect (see redirects.py).
    candidates = set(routed) | {path.rstrip("/") + "/" for path in routed}
    redirects = dict(
        Redirect.objects.filter(old_path__in=candidates).values_list("old_path", "new_path")
    )
    for target in redirects.values():
        routed.setdefault(target, _route(target))

    def slugs(name, key="slug"):
        return {kwargs[key] for view, kwargs in routed.values() if view == name}

    def schedule(model, wanted):
        rows = model.objects.filter(slug__in=wanted).values_list("slug", "status", "publish_at")
        return {slug: (status, publish_at) for slug, status, publish_at in rows}

    pages = schedule(Page, slugs("programs:page"))
    articles = schedule(Article, slugs("programs:article"))
    people = slugs("programs:person")
    public_people = set(
        Person.objects.public(now).filter(slug__in=people).values_list("slug", flat=True)
    )
    known_people = set(Person.objects.filter(slug__in=people).values_list("slug", flat=True))
    live_topics = set(
        Topic.objects.with_published_articles(now)
        .filter(slug__in=slugs("programs:articles_topic", "topic"))
        .values_list("slug", flat=True)
    )

    def problem_of(path):
        view, kwargs = routed[path]
        slug = kwargs.get("slug")
        if view is None:
            return _("There is no page at this address.")
        if view == "programs:page":
            if slug not in pages:
                return _("There is no page at this address.")
            return _schedule_problem(_("page"), pages[slug], now)
        if view == "programs:article":
            if slug not in articles:
                return _("There is no article at this address.")
            return _schedule_problem(_("article"), articles[slug], now)
        if view == "programs:person" and slug not in public_people:
            if slug in known_people:
                return _("This person's page is not shown to visitors.")
            return _("There is no person at this address.")
        if view == "programs:articles_topic" and kwargs["topic"] not in live_topics:
            return _("This topic has no published article, so visitors get “not found”.")
        return ""

    broken, moved = [], []
    for link in links:
        link.problem = problem_of(link.path)
        target = redirects.get(link.path) or redirects.get(link.path.rstrip("/") + "/")
        if link.problem and target:
            link.moved_to = target
            link.problem = problem_of(target)
            (broken if link.problem else moved).append(link)
        elif link.problem:
            broken.append(link)
    return broken, moved
