"""The Atom feed of the newest articles (Django's syndication framework), with
absolute addresses on SITE_URL whatever Host the request came with. In each language
at its address (/articles/feed/, /es/articulos/feed/), listing the articles that have a
version in that language, at their addresses in it."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Article, ClinicSettings
from .translation import translated_in

FEED_ARTICLES = 20


def _absolute(path):
    return settings.SITE_URL + path


class LatestArticlesFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, now=None):
        self.now = now

    def get_object(self, request, *args, **kwargs):
        # The clinic's name, read once for the feed's title and author.
        clinic = ClinicSettings.load()
        return clinic.name if clinic else settings.CLINIC_FALLBACK_NAME

    def title(self, clinic_name):
        return _("Articles from %(clinic)s") % {"clinic": clinic_name}

    def subtitle(self, clinic_name):
        return _(
            "Plain-language articles about evening addiction treatment, recovery and "
            "supporting someone you love, each reviewed by a clinician."
        )

    def author_name(self, clinic_name):
        return clinic_name

    def link(self):
        return _absolute(reverse("programs:articles"))

    def feed_url(self):
        return _absolute(reverse("programs:article_feed"))

    def items(self):
        return (
            Article.objects.published(self.now)
            .filter(translated_in(Article, get_language()))
            .newest_first()
            .for_list()
            .select_related("author")
            .prefetch_related("topics")[:FEED_ARTICLES]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return _absolute(article.get_absolute_url())

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.author.name_with_credentials

    def item_author_link(self, article):
        return _absolute(article.author.get_absolute_url())

    def item_categories(self, article):
        return [topic.name for topic in article.topics.all()]
