"""The link checker: internal links in any Markdown text (pages, their sections,
articles, questions, therapies, people's biographies, and any other Markdown field),
in each language the text is kept in, that lead to no page, or to one visitors cannot
see.

It reads the rendered HTML (what visitors get), one query per kind of record, then
looks every linked address up at once, an address under /es/ as the Spanish site
answers it: the number of queries never grows with the number of records, links or
languages.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from iop_site.languages import language_of_path

from .models import Article, Page, PageSection, Person, Redirect, Topic
from .models.base import RendersMarkdown, columns_of, markdown_columns
from .translation import localized


@dataclass
class Link:
    record: object
    field: str
    href: str
    text: str
    path: str = ""
    problem: str = ""
    moved_to: str = ""
    # The language of the text the link is in (its Spanish text: "es").
    language: str = settings.LANGUAGE_CODE

    @property
    def language_name(self):
        return str(dict(settings.LANGUAGES)[self.language])

    @property
    def where(self):
        """E.g. "Page “About us”, section “Our team”: text in Spanish"."""
        record = self.record
        field = _("%(field)s in %(language)s") % {
            "field": record._meta.get_field(self.field).verbose_name,
            "language": self.language_name,
        }
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
    """(model, [(language, Markdown field, HTML column)]) for every model with Markdown
    text: one entry per language a translated text is kept in ("es", "body",
    "body_html_es")."""
    return [
        (
            model,
            [
                (language, source, html_column)
                for source in model.markdown_fields
                for language, _column, html_column in markdown_columns(model, source)
            ],
        )
        for model in apps.get_app_config("programs").get_models()
        if issubclass(model, RendersMarkdown) and model.markdown_fields
    ]


def collect_links():
    """Every internal link in every Markdown text in every language, as Link objects.
    One query per model."""
    links = []
    for model, fields in markdown_records():
        records = model.objects.order_by("pk")
        if model is PageSection:
            records = records.select_related("page")
        for record in records:
            for language, source, html_column in fields:
                parser = LinkCollector()
                parser.feed(getattr(record, html_column) or "")
                for href, text in parser.links:
                    path = internal_path(href)
                    if path:
                        links.append(Link(record, source, href, text, path, language=language))
    return links


def _route(path):
    """(view name, kwargs, language) for `path`, resolved in the language it names
    (/es/... in Spanish), trying it with a slash added as the site does."""
    language = language_of_path(path)
    with translation.override(language):
        for candidate in (path, path if path.endswith("/") else path + "/"):
            try:
                match = resolve(candidate)
            except Resolver404:
                continue
            return match.view_name, match.kwargs, language
    return None, {}, language


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


class Addresses:
    """The items of one model at the linked addresses, in every language, from one
    query. `find(language, slug)` answers as the site does for that address: (the
    item's values, "") at its own address in the language; (its values, its own
    address) at its English address under /es/ when it has a Spanish one (the view
    redirects there); (None, "") when there is none."""

    def __init__(self, queryset, wanted, route, *fields):
        self.route, self.key = route
        self.default = localized("slug", settings.LANGUAGE_CODE)
        self.columns = dict(columns_of(queryset.model, "slug"))
        slugs = {slug for _language, slug in wanted}
        lookup = Q()
        for column in self.columns.values():
            lookup |= Q(**{f"{column}__in": slugs})
        rows = queryset.filter(lookup).values(*self.columns.values(), *fields) if slugs else []
        self.at = {column: {} for column in self.columns.values()}
        for row in rows:
            for column, found in self.at.items():
                if row[column]:
                    found[row[column]] = row

    def find(self, language, slug):
        column = self.columns.get(language, self.default)
        if slug in self.at[column]:
            return self.at[column][slug], ""
        row = self.at[self.default].get(slug)
        if row is None or not row[column]:
            return row, ""
        with translation.override(language):
            return row, reverse(self.route, kwargs={self.key: row[column]})


def check_links(now=None):
    """(broken, moved): links that lead nowhere or to something visitors cannot see, and
    links to an old address that still work through a redirect (whose own target is
    checked like any link). A fixed number of queries whatever the number of records,
    links and languages."""
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

    def wanted(name, key="slug"):
        return {
            (language, kwargs[key]) for view, kwargs, language in routed.values() if view == name
        }

    pages = Addresses(
        Page.objects.all(),
        wanted("programs:page"),
        ("programs:page", "slug"),
        "status",
        "publish_at",
    )
    articles = Addresses(
        Article.objects.all(),
        wanted("programs:article"),
        ("programs:article", "slug"),
        "status",
        "publish_at",
    )
    people = {slug for _language, slug in wanted("programs:person")}
    public_people = set(
        Person.objects.public(now).filter(slug__in=people).values_list("slug", flat=True)
    )
    known_people = set(Person.objects.filter(slug__in=people).values_list("slug", flat=True))
    topics = Addresses(
        Topic.objects.with_published_articles(now),
        wanted("programs:articles_topic", "topic"),
        ("programs:articles_topic", "topic"),
    )

    def problem_of(path):
        """(problem, the item's own address when the path is its English one under
        /es/ and it has a Spanish one: it works, through the view's redirect)."""
        view, kwargs, language = routed[path]
        slug = kwargs.get("slug")
        if view is None:
            return _("There is no page at this address."), ""
        if view == "programs:page":
            found, moved_to = pages.find(language, slug)
            if found is None:
                return _("There is no page at this address."), ""
            row = (found["status"], found["publish_at"])
            return _schedule_problem(_("page"), row, now), moved_to
        if view == "programs:article":
            found, moved_to = articles.find(language, slug)
            if found is None:
                return _("There is no article at this address."), ""
            row = (found["status"], found["publish_at"])
            return _schedule_problem(_("article"), row, now), moved_to
        if view == "programs:person" and slug not in public_people:
            if slug in known_people:
                return _("This person's page is not shown to visitors."), ""
            return _("There is no person at this address."), ""
        if view == "programs:articles_topic":
            found, moved_to = topics.find(language, kwargs["topic"])
            if found is None:
                return _("This topic has no published article, so visitors get “not found”."), ""
            return "", moved_to
        return "", ""

    broken, moved = [], []
    for link in links:
        link.problem, link.moved_to = problem_of(link.path)
        target = redirects.get(link.path) or redirects.get(link.path.rstrip("/") + "/")
        if link.problem and target:
            link.moved_to = target
            link.problem, _onward = problem_of(target)
            (broken if link.problem else moved).append(link)
        elif link.problem:
            broken.append(link)
        elif link.moved_to:
            # The English address of an item with a Spanish one, under /es/.
            moved.append(link)
    return broken, moved
