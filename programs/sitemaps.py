"""sitemap.xml: every published page, with absolute addresses on SITE_URL."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from .models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().only("slug", "layout", "updated_at").order_by("nav_order")

    def lastmod(self, page):
        return page.updated_at

    def priority(self, page):
        return 1.0 if page.layout == Page.Layout.HOME else 0.7

    # The public address comes from settings, not from the request's Host header.
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


SITEMAPS = {"pages": PageSitemap}
