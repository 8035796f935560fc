"""The article library, articles, the team and people's pages, the Atom feed and the
sitemap, as a visitor, a feed reader, a search engine and an editor see them."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from django.utils.html import strip_tags

from programs.models import Article, Person
from tests.factories import make_clinic_settings, make_user
from tests.html import parse, third_party_loads
from tests.programs.factories import make_article, make_person, make_topic

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
CACHED_QUERIES = 1 if "DatabaseCache" in django_settings.CACHES["default"]["BACKEND"] else 0
# Cache lookup; clinic; menu; the footer's accreditations; at most three lists (topics,
# the count and the page of articles; or the article, its topics and the related
# articles); the next go-live; storing the page in the database cache (five).
UNCACHED_QUERIES = 13


def json_ld(html):
    return [json.loads(block) for block in JSON_LD.findall(html)]


def text_of(html, css_class):
    """The words of the first element with `css_class`, tags removed."""
    match = re.search(rf'<(\w+) class="[^"]*\b{css_class}\b[^"]*">(.*?)</\1>', html, re.DOTALL)
    return " ".join(strip_tags(match.group(2)).split()) if match else None


def article_titles(html):
    """The titles of the article cards on a page, in order."""
    return [
        " ".join(strip_tags(title).split())
        for title in re.findall(r'<li class="card">\s*<h[23]><a [^>]*>(.*?)</a>', html)
    ]


def make_articles(count, topics=(), start=0):
    """`count` articles, the highest number the newest."""
    now = timezone.now()
    return [
        make_article(
            f"article-{number}",
            title=f"Article {number}",
            topics=topics,
            publish_at=now - datetime.timedelta(days=1000 - number),
        )
        for number in range(start, start + count)
    ]


def get(client, path, **kwargs):
    response = client.get(path, **kwargs)
    return response, response.content.decode()


# --- The library -----------------------------------------------------------------------


def test_library_lists_published_articles_newest_first_with_date_and_reading_time(client):
    make_articles(3)
    make_article("draft", title="A draft", status=Article.Status.DRAFT)
    make_article("later", title="Not yet", publish_at=timezone.now() + datetime.timedelta(hours=1))

    response, html = get(client, "/articles/")

    assert response.status_code == 200
    assert parse(html).h1_texts == ["Articles and resources"]
    assert article_titles(html) == ["Article 2", "Article 1", "Article 0"]
    newest = Article.objects.get(slug="article-2")
    assert f"<p>{newest.summary}</p>" in html
    day = timezone.localtime(newest.published_at)
    assert text_of(html, "meta") == f"{day:%B} {day.day}, {day.year} · 1-minute read"
    assert third_party_loads(html) == []


def test_library_pages_are_addresses_of_their_own(client):
    make_articles(21)

    first, second, third = (
        article_titles(get(client, path)[1])
        for path in ("/articles/", "/articles/page/2/", "/articles/page/3/")
    )

    assert first == [f"Article {number}" for number in range(20, 10, -1)]
    assert second == [f"Article {number}" for number in range(10, 0, -1)]
    assert third == ["Article 0"]
    html = get(client, "/articles/page/2/")[1]
    assert '<a href="/articles/" rel="prev">Newer articles</a>' in html
    assert '<a href="/articles/page/3/" rel="next">Older articles</a>' in html
    assert "Page 2 of 3" in html
    assert '<link rel="canonical" href="http://127.0.0.1:8000/articles/page/2/">' in html


def test_the_first_page_has_one_address_and_pages_past_the_end_are_not_found(client):
    make_articles(2)

    first = client.get("/articles/page/1/")

    assert first.status_code == 301
    assert first["Location"] == "/articles/"
    for path in ("/articles/page/2/", "/articles/page/0/", "/articles/page/99999999999999999999/"):
        assert client.get(path).status_code == 404, path


def test_a_page_query_string_never_serves_another_page(client):
    make_articles(12)

    asked_with_query = article_titles(get(client, "/articles/?page=2")[1])
    bare, bare_html = get(client, "/articles/")
    second_with_query = article_titles(get(client, "/articles/page/2/?page=1")[1])

    first_page = [f"Article {number}" for number in range(11, 1, -1)]
    assert asked_with_query == first_page
    assert bare["X-Page-Cache"] == "hit"
    assert article_titles(bare_html) == first_page
    assert second_with_query == ["Article 1", "Article 0"]


def test_topic_pages_list_only_that_topics_articles(client):
    family = make_topic("family", name="For families", description="For the people close.")
    research = make_topic("research", name="Research")
    make_article("for-parents", title="For parents", topics=[family])
    make_article("the-review", title="The review", topics=[research])

    response, html = get(client, "/articles/topic/family/")

    assert response.status_code == 200
    assert parse(html).h1_texts == ["Articles: For families"]
    assert article_titles(html) == ["For parents"]
    assert '<a href="/articles/topic/family/" aria-current="page">For families</a>' in html
    assert '<a href="/articles/topic/research/">Research</a>' in html
    assert '<meta name="description" content="For the people close.">' in html


def test_topic_pages_have_pages_of_their_own(client):
    family = make_topic()
    make_articles(11, topics=[family])
    make_articles(5, start=100)

    second = article_titles(get(client, "/articles/topic/family/page/2/")[1])

    assert second == ["Article 0"]
    assert client.get("/articles/topic/family/page/1/")["Location"] == "/articles/topic/family/"
    assert client.get("/articles/topic/family/page/3/").status_code == 404


@pytest.mark.parametrize("path", ["/articles/topic/no-such-topic/", "/articles/topic/empty/"])
def test_an_unknown_or_empty_topic_is_not_found(client, path):
    make_topic("empty", name="Empty")
    make_article()

    assert client.get(path).status_code == 404


def test_library_without_articles_says_so(client):
    response, html = get(client, "/articles/")

    assert response.status_code == 200
    assert article_titles(html) == []
    assert "There are no articles here yet." in html


def count_queries(client, path, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "path",
    [
        "/articles/",
        "/articles/topic/family/",
        "/articles/article-0/",
        "/team/",
        "/team/dana-reyes/",
        "/articles/feed/",
    ],
)
def test_query_count_is_the_same_for_one_and_twenty_articles(
    client, django_assert_max_num_queries, path
):
    make_clinic_settings()
    family = make_topic()
    make_articles(1, topics=[family])
    few = count_queries(client, path, django_assert_max_num_queries, UNCACHED_QUERIES)
    few_cached = count_queries(client, path, django_assert_max_num_queries, CACHED_QUERIES)
    others = [make_topic(f"topic-{number}", name=f"Topic {number}") for number in range(5)]
    make_articles(19, topics=[family, *others], start=1)
    for number in range(10):
        make_person(f"person-{number}", name=f"Person {number}")

    many = count_queries(client, path, django_assert_max_num_queries, UNCACHED_QUERIES)
    many_cached = count_queries(client, path, django_assert_max_num_queries, CACHED_QUERIES)

    assert many == few
    assert many_cached == few_cached == CACHED_QUERIES


def test_saving_an_article_or_its_topics_shows_on_the_next_request(client):
    article = make_article(title="Old title")
    assert article_titles(get(client, "/articles/")[1]) == ["Old title"]
    assert client.get("/articles/")["X-Page-Cache"] == "hit"

    article.title = "New title"
    article.save()
    response, html = get(client, "/articles/")
    article.topics.add(make_topic("family"))
    topic_page = client.get("/articles/topic/family/")

    assert response["X-Page-Cache"] == "miss"
    assert article_titles(html) == ["New title"]
    assert topic_page.status_code == 200


def test_a_scheduled_article_appears_by_itself_at_its_time(client, monkeypatch):
    make_article("now", title="Now")
    make_article("later", title="Later", publish_at=timezone.now() + datetime.timedelta(minutes=5))
    assert article_titles(get(client, "/articles/")[1]) == ["Now"]
    assert client.get("/articles/")["X-Page-Cache"] == "hit"
    real_now = timezone.now

    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(minutes=6))
    response, html = get(client, "/articles/")

    assert response["X-Page-Cache"] == "miss"
    assert article_titles(html) == ["Later", "Now"]


def test_home_page_shows_the_newest_articles_and_links_the_library(client):
    make_articles(4)

    html = get(client, "/")[1]

    assert article_titles(html) == ["Article 3", "Article 2", "Article 1"]
    assert {"/articles/", "/team/"} <= set(parse(html).links)


# --- An article ------------------------------------------------------------------------


def test_article_page_has_a_byline_linking_to_its_author_and_reviewer(client):
    article = make_article(last_reviewed=datetime.date(2026, 3, 4))

    response, html = get(client, "/articles/what-is-iop/")

    assert response.status_code == 200
    assert parse(html).h1_texts == ["What is an IOP?"]
    assert text_of(html, "byline") == (
        "Written by Jordan Whitaker, LPC · Clinically reviewed by Dana Reyes, LCSW · "
        "Reviewed March 4, 2026"
    )
    assert '<a href="/team/jordan-whitaker/">Jordan Whitaker, LPC</a>' in html
    assert '<a href="/team/dana-reyes/">Dana Reyes, LCSW</a>' in html
    assert f"<title>{article.title} · " in html
    assert "<p>An intensive outpatient program meets a few evenings a week.</p>" in html


def test_article_page_ends_with_the_phone_and_the_form(client):
    make_clinic_settings(admissions_phone="+15550100199")
    make_article()

    html = get(client, "/articles/what-is-iop/")[1]

    links = parse(html).links
    assert "/contact/" in links
    assert "Call (555) 010-0199, 24/7" in html
    assert html.index('id="cta-heading"') > html.index('class="prose"')


def test_related_articles_share_a_topic_first(client):
    family, research = make_topic("family"), make_topic("research", name="Research")
    make_article(topics=[family])
    make_article("newest-other", title="Newest other", topics=[research])
    make_article(
        "same-topic",
        title="Same topic",
        topics=[family],
        publish_at=timezone.now() - datetime.timedelta(days=30),
    )
    make_article("draft", title="Draft", topics=[family], status=Article.Status.DRAFT)

    html = get(client, "/articles/what-is-iop/")[1]

    assert article_titles(html) == ["Same topic", "Newest other"]


def test_article_json_ld_names_author_reviewer_and_dates_with_absolute_addresses(client, settings):
    settings.SITE_URL = "https://clinic.example"
    make_clinic_settings(name="Harbor Light Recovery")
    article = make_article(topics=[make_topic()], last_reviewed=datetime.date(2026, 3, 4))

    html = get(client, "/articles/what-is-iop/")[1]

    data = next(block for block in json_ld(html) if block["@type"] == "MedicalWebPage")
    assert data["url"] == "https://clinic.example/articles/what-is-iop/"
    assert data["headline"] == "What is an IOP?"
    assert data["description"] == "A short answer."
    assert data["author"] == {
        "@type": "Person",
        "name": "Jordan Whitaker",
        "url": "https://clinic.example/team/jordan-whitaker/",
        "jobTitle": "Therapist",
        "honorificSuffix": "LPC",
    }
    assert data["reviewedBy"]["name"] == "Dana Reyes"
    assert data["reviewedBy"]["url"] == "https://clinic.example/team/dana-reyes/"
    assert data["lastReviewed"] == "2026-03-04"
    published = datetime.datetime.fromisoformat(data["datePublished"])
    modified = datetime.datetime.fromisoformat(data["dateModified"])
    assert published == article.published_at.replace(microsecond=0)
    assert modified == article.updated_at.replace(microsecond=0)
    assert published.utcoffset() is not None
    assert data["publisher"] == {
        "@type": "MedicalClinic",
        "name": "Harbor Light Recovery",
        "url": "https://clinic.example/",
    }
    assert data["about"] == [{"@type": "Thing", "name": "For families"}]
    assert '<link rel="canonical" href="https://clinic.example/articles/what-is-iop/">' in html
    assert '<meta property="og:type" content="article">' in html


def test_a_draft_article_is_not_found_by_visitors_and_never_cached(client):
    make_article("soon", body="Secret plans.", status=Article.Status.DRAFT)
    client.force_login(make_user("morgan", groups=("Marketing",)))
    preview, preview_html = get(client, "/articles/soon/")
    client.logout()

    response, html = get(client, "/articles/soon/")

    assert preview.status_code == 200
    assert "Preview - not published." in preview_html
    assert '<meta name="robots" content="noindex, nofollow">' in preview_html
    assert "no-cache" in preview["Cache-Control"]
    assert response.status_code == 404
    assert "Secret plans." not in html


def test_staff_without_the_change_permission_get_404_for_a_draft_article(client):
    make_article("soon", status=Article.Status.DRAFT)
    client.force_login(make_user("viewer"))

    assert client.get("/articles/soon/").status_code == 404


def test_an_article_with_a_reserved_looking_address_is_never_shadowed(client):
    make_article("feeds", title="About feeds")

    assert client.get("/articles/feeds/").status_code == 200


# --- The team --------------------------------------------------------------------------


def test_team_page_lists_people_by_role_with_links_to_their_pages(client):
    make_person("sam-okafor", name="Sam Okafor", credentials="", role=Person.Role.ADMISSIONS)
    make_person("marcus-hale", name="Marcus Hale", credentials="MD", role=Person.Role.MEDICAL)
    make_person()
    make_person("hidden", name="Not Listed", on_team_page=False)

    response, html = get(client, "/team/")

    assert response.status_code == 200
    assert parse(html).h1_texts == ["Our team"]
    headings = re.findall(r'<h2 id="role-[a-z]+">(.*?)</h2>', html)
    assert headings == ["Clinical leadership", "Medical care", "Admissions and support"]
    assert re.findall(r'<h3><a href="(/team/[^"]+)">', html) == [
        "/team/dana-reyes/",
        "/team/marcus-hale/",
        "/team/sam-okafor/",
    ]
    assert "Not Listed" not in html


def test_person_page_shows_their_bio_articles_and_person_json_ld(client, settings):
    settings.SITE_URL = "https://clinic.example"
    reviewer = make_person(bio="Dana *leads* the team.")
    make_article(title="Reviewed by Dana")
    make_article("drafted", title="Draft", status=Article.Status.DRAFT)

    response, html = get(client, reviewer.get_absolute_url())

    assert response.status_code == 200
    assert parse(html).h1_texts == ["Dana Reyes, LCSW"]
    assert "<p>Dana <em>leads</em> the team.</p>" in html
    assert article_titles(html) == ["Reviewed by Dana"]
    data = next(block for block in json_ld(html) if block["@type"] == "Person")
    assert data["url"] == "https://clinic.example/team/dana-reyes/"
    assert data["honorificSuffix"] == "LCSW"
    assert data["jobTitle"] == "Clinical director"
    assert data["description"] == "Dana leads the team."
    assert data["worksFor"]["url"] == "https://clinic.example/"


def test_person_page_shows_their_newest_articles_and_points_to_the_library(client):
    reviewer = make_person()
    now = timezone.now()
    for number in range(8):
        make_article(
            f"article-{number}",
            title=f"Article {number}",
            publish_at=now - datetime.timedelta(days=10 - number),
        )

    _response, html = get(client, reviewer.get_absolute_url())

    assert article_titles(html) == [f"Article {number}" for number in range(7, 1, -1)]
    assert '<a href="/articles/">More articles, by Dana Reyes and the rest' in html


def test_person_page_with_few_articles_has_no_library_pointer(client):
    reviewer = make_person()
    make_article(title="Only one")

    _response, html = get(client, reviewer.get_absolute_url())

    assert article_titles(html) == ["Only one"]
    assert "More articles, by" not in html


def test_a_person_not_on_the_team_page_has_a_page_only_while_credited(client):
    ghost = make_person("ghost", name="Ghost", on_team_page=False)
    assert client.get("/team/ghost/").status_code == 404

    make_article(author=ghost)

    assert client.get("/team/ghost/").status_code == 200


def test_staff_who_may_change_people_preview_a_page_visitors_cannot_open(client):
    make_person("ghost", name="Ghost", on_team_page=False)
    client.force_login(make_user("morgan", groups=("Marketing",)))

    response, html = get(client, "/team/ghost/")

    assert response.status_code == 200
    assert "Preview - not published." in html


# --- The feed and search engines -------------------------------------------------------


def test_feed_is_read_by_feedparser_with_absolute_addresses(client, settings):
    settings.SITE_URL = "https://clinic.example"
    make_clinic_settings(name="Harbor Light Recovery")
    first = make_article(topics=[make_topic()])
    make_article("second", title="Second", publish_at=timezone.now() - datetime.timedelta(hours=1))
    make_article("draft", title="Draft", status=Article.Status.DRAFT)

    response = client.get("/articles/feed/", headers={"host": "127.0.0.1"})
    feed = feedparser.parse(response.content)

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Articles from Harbor Light Recovery"
    assert feed.feed.link == "https://clinic.example/articles/"
    assert [entry.title for entry in feed.entries] == ["Second", "What is an IOP?"]
    entry = feed.entries[1]
    assert entry.link == "https://clinic.example/articles/what-is-iop/"
    assert entry.id == "https://clinic.example/articles/what-is-iop/"
    assert entry.summary == "A short answer."
    assert entry.author == "Jordan Whitaker, LPC"
    assert entry.author_detail.href == "https://clinic.example/team/jordan-whitaker/"
    assert [tag.term for tag in entry.tags] == ["For families"]
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == first.published_at.replace(microsecond=0)


SPANISH_FEED = "/es/articulos/feed/"


def spanish_article(slug, slug_es, title_es, topics=(), **overrides):
    """A published article with its Spanish version."""
    return make_article(
        slug,
        topics=topics,
        slug_es=slug_es,
        title_es=title_es,
        summary_es=f"Resumen: {title_es}.",
        body_es="El texto completo en español.",
        **overrides,
    )


def test_spanish_feed_is_atom_with_the_spanish_articles_at_their_spanish_addresses(
    client, settings
):
    settings.SITE_URL = "https://clinic.example"
    make_clinic_settings(name="Harbor Light Recovery")
    topic = make_topic(slug="family", name_es="Para las familias", slug_es="familias")
    first = spanish_article("sleep", "dormir", "Dormir en la recuperación", topics=[topic])
    spanish_article(
        "groups",
        "grupos",
        "Por qué los grupos",
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )

    response = client.get(SPANISH_FEED, headers={"host": "127.0.0.1"})
    feed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == "es"
    assert feed.feed.title == "Artículos de Harbor Light Recovery"
    assert feed.feed.link == "https://clinic.example/es/articulos/"
    assert [entry.title for entry in feed.entries] == [
        "Por qué los grupos",
        "Dormir en la recuperación",
    ]
    entry = feed.entries[1]
    assert entry.link == "https://clinic.example/es/articulos/dormir/"
    assert entry.summary == "Resumen: Dormir en la recuperación."
    assert entry.author_detail.href == "https://clinic.example/es/equipo/jordan-whitaker/"
    assert [tag.term for tag in entry.tags] == ["Para las familias"]
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == first.published_at.replace(microsecond=0)
    # Every address in it answers, in Spanish, without a redirect.
    for link in [feed.feed.link, *(entry.link for entry in feed.entries)]:
        page = client.get(link.removeprefix(settings.SITE_URL))
        assert (page.status_code, page["Content-Language"]) == (200, "es"), link


def test_spanish_feed_lists_only_the_articles_translated_into_spanish(client):
    spanish_article("sleep", "dormir", "Dormir en la recuperación")
    make_article("english-only", title="Only in English")
    # Begun in Spanish, not finished: no Spanish text yet.
    make_article("half", title="Half done", title_es="A medias", summary_es="Casi.")
    spanish_article("draft", "borrador", "Borrador", status=Article.Status.DRAFT)

    spanish = feedparser.parse(client.get(SPANISH_FEED).content)
    english = feedparser.parse(client.get("/articles/feed/").content)

    assert [entry.title for entry in spanish.entries] == ["Dormir en la recuperación"]
    assert sorted(entry.title for entry in english.entries) == [
        "Half done",
        "Only in English",
        "What is an IOP?",
    ]


def test_spanish_pages_link_the_spanish_feed_in_their_head(client):
    spanish_article("sleep", "dormir", "Dormir en la recuperación")

    for path in ("/es/", "/es/articulos/", "/es/articulos/dormir/", "/es/equipo/"):
        feeds = [
            attrs
            for tag, attrs in parse(client.get(path).content.decode()).tags
            if tag == "link" and attrs.get("type") == "application/atom+xml"
        ]
        assert [feed["href"] for feed in feeds] == [SPANISH_FEED], path
        assert feeds[0]["title"].startswith("Artículos de "), path


def test_every_page_links_the_feed_in_its_head(client):
    make_article()

    for path in ("/", "/articles/", "/articles/what-is-iop/", "/team/", "/no-such-page/"):
        html = client.get(path).content.decode()
        head = html[: html.index("</head>")]
        assert (
            '<link rel="alternate" type="application/atom+xml" href="/articles/feed/" '
            'title="Articles from '
        ) in head, path


def sitemap_entries(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {
        element.findtext("s:loc", namespaces=namespace): element.findtext(
            "s:lastmod", namespaces=namespace
        )
        for element in root.findall("s:url", namespace)
    }


def test_sitemap_lists_articles_people_and_the_lists_with_their_lastmod(client, settings):
    settings.SITE_URL = "https://clinic.example"
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        updated_at=datetime.datetime(2026, 2, 3, 12, tzinfo=datetime.UTC)
    )
    make_article("draft", status=Article.Status.DRAFT)
    make_person("ghost", name="Ghost", on_team_page=False)

    entries = sitemap_entries(client)

    assert entries["https://clinic.example/articles/what-is-iop/"] == "2026-02-03"
    assert entries["https://clinic.example/articles/"] == "2026-02-03"
    assert "https://clinic.example/team/" in entries
    assert "https://clinic.example/team/dana-reyes/" in entries
    assert "https://clinic.example/team/jordan-whitaker/" in entries
    assert "https://clinic.example/articles/draft/" not in entries
    assert "https://clinic.example/team/ghost/" not in entries
