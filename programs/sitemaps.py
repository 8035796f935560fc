"""sitemap.xml: every published page and article not hidden from search engines, the
library, the team and the inquiry form, with absolute addresses on SITE_URL and the time
each last changed, in each language it exists in, with its hreflang alternates (en, es,
x-default: Django's sitemap framework, `i18n` and `alternates`). An item is listed in
Spanish only when it has a Spanish version (programs.translation.has_translation)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Article, Page, Person
from .translation import has_translation


class SiteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        return [
            code for code in super().get_languages_for_item(item) if has_translation(item, code)
        ]

    # The public address comes from settings, not from the request's Host header.
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().filter(noindex=False).order_by("nav_order")

    def lastmod(self, page):
        return page.updated_at

    def priority(self, page):
        return 1.0 if page.layout == Page.Layout.HOME else 0.7


class ArticleSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Article.objects.published().filter(noindex=False).newest_first()

    def lastmod(self, article):
        return article.updated_at


class PersonSitemap(SiteSitemap):
    changefreq = "yearly"
    priority = 0.4

    def items(self):
        return Person.objects.public().by_role()

    def lastmod(self, person):
        return person.updated_at


class ListSitemap(SiteSitemap):
    """The library, the team page and the inquiry form. The lists changed when their
    newest entry changed; the form page has no such date."""

    changefreq = "weekly"

    def get_languages_for_item(self, item):
        # Interface text only: in every language.
        return Sitemap.get_languages_for_item(self, item)

    def items(self):
        return ["programs:articles", "programs:team", "admissions:inquiry"]

    def priority(self, name):
        # The form is where a visitor asks for help: next to the home page.
        return 0.8 if name == "admissions:inquiry" else 0.5

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        if name == "programs:articles":
            return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]
        if name == "programs:team":
            return Person.objects.on_team_page().aggregate(latest=Max("updated_at"))["latest"]
        return None


SITEMAPS = {
    "pages": PageSitemap,
    "lists": ListSitemap,
    "articles": ArticleSitemap,
    "people": PersonSitemap,
}
