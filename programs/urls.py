from django.urls import path

from . import views

app_name = "programs"

# Pages of the library are path segments, never ?page=: the page cache ignores query
# strings, so a query would be served the page stored for the bare address.
urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.articles, name="articles"),
    path("articles/page/<int:page>/", views.articles, name="articles_page"),
    path("articles/topic/<slug:topic>/", views.articles, name="articles_topic"),
    path(
        "articles/topic/<slug:topic>/page/<int:page>/",
        views.articles,
        name="articles_topic_page",
    ),
    path("articles/feed/", views.article_feed, name="article_feed"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("team/", views.team, name="team"),
    path("team/<slug:slug>/", views.person, name="person"),
    path("<slug:slug>/", views.page, name="page"),
]
