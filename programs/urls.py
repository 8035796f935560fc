from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "programs"

# Pages of the library are path segments, never ?page=: the page cache ignores query
# strings, so a query would be served the page stored for the bare address.
# Translated routes: /articles/ in English, /es/articulos/ in Spanish (iop_site/urls.py);
# the slugs come from each item's address in the language (programs/translation.py).
urlpatterns = [
    path("", views.home, name="home"),
    path(pgettext_lazy("URL", "articles/"), views.articles, name="articles"),
    path(pgettext_lazy("URL", "articles/page/<int:page>/"), views.articles, name="articles_page"),
    path(
        pgettext_lazy("URL", "articles/topic/<slug:topic>/"),
        views.articles,
        name="articles_topic",
    ),
    path(
        pgettext_lazy("URL", "articles/topic/<slug:topic>/page/<int:page>/"),
        views.articles,
        name="articles_topic_page",
    ),
    path(pgettext_lazy("URL", "articles/feed/"), views.article_feed, name="article_feed"),
    path(pgettext_lazy("URL", "articles/<slug:slug>/"), views.article, name="article"),
    path(pgettext_lazy("URL", "team/"), views.team, name="team"),
    path(pgettext_lazy("URL", "team/<slug:slug>/"), views.person, name="person"),
    path("<slug:slug>/", views.page, name="page"),
]
