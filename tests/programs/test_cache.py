"""The public page cache: a fixed query budget, instant invalidation, and a site that
keeps working when the cache does not."""

import datetime
import gzip
import logging

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from programs import cache as page_cache
from programs.models import FaqEntry, Page, Therapy
from tests.factories import (
    make_clinic_settings,
    make_faq,
    make_page,
    make_therapy,
    make_track,
    make_user,
)
from tests.html import page_of

pytestmark = pytest.mark.django_db

# One get_many of the content version and the page: one query with the database cache,
# none with Redis.
CACHED_QUERIES = 1 if "DatabaseCache" in django_settings.CACHES["default"]["BACKEND"] else 0
# Cache lookup; page and its sections; clinic; menu; the footer's accreditations; the
# layout's records (at most five: the home page's tracks, sessions, highlights, newest
# articles and team); the next go-live; then storing the page in the database cache
# (five).
UNCACHED_QUERIES = 17

THREE_EVENINGS = ((0, "18:00", "21:00"), (2, "18:00", "21:00"), (3, "18:00", "21:00"))


def make_site(rows):
    """Every special layout, with `rows` tracks, therapies and questions."""
    make_clinic_settings()
    make_page("home", layout=Page.Layout.HOME, title="Home", show_in_nav=False)
    make_page("schedule", layout=Page.Layout.SCHEDULE, title="Schedule")
    make_page("therapies", layout=Page.Layout.THERAPIES, title="Therapies")
    make_page("faq", layout=Page.Layout.FAQ, title="FAQ")
    for number in range(rows):
        make_track(f"track-{number}", sessions=THREE_EVENINGS, name=f"Track {number}")
        make_therapy(f"therapy-{number}", title=f"Therapy {number}", body="Some *text*.")
        make_faq(f"question-{number}", question=f"Question {number}?")
    for number in range(rows):
        page = make_page(f"page-{number}", title=f"Page {number}")
        page.sections.create(heading="Part", body="Text", order=1)


def count_queries(client, path, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("path", ["/", "/schedule/", "/therapies/", "/faq/", "/page-0/"])
def test_query_count_does_not_grow_with_content(client, django_assert_max_num_queries, path):
    make_site(rows=1)
    few = count_queries(client, path, django_assert_max_num_queries, UNCACHED_QUERIES)
    few_cached = count_queries(client, path, django_assert_max_num_queries, CACHED_QUERIES)
    for number in range(1, 25):
        make_track(f"more-track-{number}", sessions=THREE_EVENINGS)
        make_therapy(f"more-therapy-{number}")
        make_faq(f"more-question-{number}")
        make_page(f"page-{number}").sections.create(heading="A", body="B", order=1)
        Page.objects.get(slug="page-0").sections.create(heading="C", body="D", order=number)

    many = count_queries(client, path, django_assert_max_num_queries, UNCACHED_QUERIES)
    many_cached = count_queries(client, path, django_assert_max_num_queries, CACHED_QUERIES)

    assert many == few
    assert many_cached == few_cached == CACHED_QUERIES


def test_second_visit_is_served_from_the_cache(client):
    make_page("about-us")

    first = client.get("/about-us/")
    second = client.get("/about-us/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"


def test_cached_page_is_still_protected_by_the_security_headers(client):
    make_page("about-us")
    client.get("/about-us/")

    response = client.get("/about-us/")

    assert response["X-Page-Cache"] == "hit"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_saving_a_page_shows_the_change_on_the_next_request(client):
    page = make_page("about-us", body="Old words.")
    client.get("/about-us/")

    page.body = "New words."
    page.save()
    response = client.get("/about-us/")

    assert response["X-Page-Cache"] == "miss"
    assert "New words." in response.content.decode()
    assert "Old words." not in response.content.decode()


@pytest.mark.parametrize(
    ("model", "make", "text"),
    [
        (Therapy, lambda: make_therapy(title="Art therapy"), "Art therapy"),
        (FaqEntry, lambda: make_faq(question="Is parking free?"), "Is parking free?"),
    ],
)
def test_deleting_a_record_removes_it_on_the_next_request(client, model, make, text):
    make_page("therapies", layout=Page.Layout.THERAPIES, title="Therapies")
    make_page("faq", layout=Page.Layout.FAQ, title="FAQ")
    record = make()
    path = "/therapies/" if model is Therapy else "/faq/"
    assert text in client.get(path).content.decode()

    record.delete()
    response = client.get(path)

    assert response["X-Page-Cache"] == "miss"
    assert text not in response.content.decode()


def test_changing_a_session_updates_the_schedule_and_home_page(client):
    make_page("home", layout=Page.Layout.HOME, title="Home")
    make_page("schedule", layout=Page.Layout.SCHEDULE, title="Schedule")
    track = make_track(sessions=((0, "18:00", "21:00"),))
    client.get("/")
    client.get("/schedule/")

    session = track.sessions.get()
    session.weekday = 4
    session.save()

    assert '<td data-label="Days">Friday</td>' in client.get("/").content.decode()
    assert '<th scope="row">Friday</th>' in client.get("/schedule/").content.decode()


def test_changing_clinic_settings_updates_every_cached_page(client):
    clinic = make_clinic_settings(name="Old Name")
    make_page("about-us")
    client.get("/about-us/")

    clinic.name = "New Name"
    clinic.save()

    assert page_of(client.get("/about-us/")).find("a", class_="brand").text() == "New Name"


def test_a_scheduled_page_limits_how_long_pages_stay_cached():
    now = timezone.now()
    go_live = now + datetime.timedelta(seconds=90)
    make_page("later", publish_at=go_live)

    assert page_cache.valid_until(Page.objects.next_go_live(now), now) == go_live
    assert page_cache.valid_until(None, now) == now + page_cache.MAX_AGE


def test_cached_page_is_not_used_after_the_next_go_live(client, monkeypatch):
    make_page("about-us")
    make_page("later", title="Later", publish_at=timezone.now() + datetime.timedelta(minutes=5))
    assert client.get("/about-us/")["X-Page-Cache"] == "miss"
    assert client.get("/about-us/")["X-Page-Cache"] == "hit"
    real_now = timezone.now

    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(minutes=6))
    response = client.get("/about-us/")

    assert response["X-Page-Cache"] == "miss"
    assert '<a href="/later/">Later</a>' in response.content.decode()


def test_cached_page_is_not_served_for_a_host_that_is_not_allowed(client):
    make_page("about-us")
    client.get("/about-us/")
    assert client.get("/about-us/")["X-Page-Cache"] == "hit"

    response = client.get("/about-us/", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert "X-Page-Cache" not in response
    assert "We run an evening program." not in response.content.decode()


def test_staff_are_never_served_or_stored_in_the_cache(client):
    make_page("about-us", body="Public words.")
    client.force_login(make_user("morgan", groups=("Marketing",)))

    first = client.get("/about-us/")
    second = client.get("/about-us/")

    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert page_cache.lookup("/about-us/").response is None


def test_staff_preview_is_never_cached_for_visitors(client):
    make_page("coming-soon", status=Page.Status.DRAFT, body="Secret plans.")
    staff = client
    staff.force_login(make_user("morgan", groups=("Marketing",)))
    staff.get("/coming-soon/")
    staff.logout()

    response = client.get("/coming-soon/")

    assert response.status_code == 404
    assert "Secret plans." not in response.content.decode()


def test_not_found_is_never_cached(client):
    page = make_page("soon", status=Page.Status.DRAFT)
    assert client.get("/soon/").status_code == 404

    # Published without a save signal: only an uncached 404 notices.
    Page.objects.filter(pk=page.pk).update(status=Page.Status.PUBLISHED)

    assert client.get("/soon/").status_code == 200


def test_cached_pages_carry_no_csrf_token_or_cookie(client):
    make_page("about-us")
    client.get("/about-us/")

    response = client.get("/about-us/")

    assert response["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies


def test_site_keeps_serving_when_the_cache_is_down(client, settings, caplog):
    make_page("about-us", body="Still here.")
    # Nothing listens on port 1: every cache call fails at once.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }

    with caplog.at_level(logging.WARNING, logger="programs.cache"):
        response = client.get("/about-us/?name=Sam+Jones")
        make_page("new-page")

    assert response.status_code == 200
    assert "Still here." in response.content.decode()
    assert "X-Page-Cache" not in response
    messages = [record.getMessage() for record in caplog.records if record.name == "programs.cache"]
    assert messages[0] == "Page cache read failed (ConnectionError); serving without the cache."
    assert "Page cache invalidate failed (ConnectionError); serving without the cache." in messages
    assert all("Sam" not in message and "about-us" not in message for message in messages)


def test_a_visitor_without_a_session_is_answered_before_sessions_run(
    client, django_assert_num_queries
):
    make_page("about-us")
    client.get("/about-us/")

    with django_assert_num_queries(CACHED_QUERIES) as captured:
        response = client.get("/about-us/")

    assert response["X-Page-Cache"] == "hit"
    assert all("django_session" not in query["sql"] for query in captured.captured_queries)
    assert "Cookie" in response["Vary"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Request-ID"]


def test_a_campaign_visitor_gets_the_attribution_cookie_from_a_cached_page(client):
    make_page("about-us")
    client.get("/about-us/")

    response = client.get("/about-us/?utm_source=radio&utm_campaign=spring")

    assert response["X-Page-Cache"] == "hit"
    assert "iop_attribution" in response.cookies


def test_a_visitor_with_a_session_still_gets_the_cached_page(client):
    make_page("about-us")
    client.get("/about-us/")
    session = client.session
    session["admissions_confirmation"] = {"reference": "ABCD2345"}
    session.save()

    response = client.get("/about-us/")

    assert response["X-Page-Cache"] == "hit"


def test_cached_page_is_sent_compressed_to_browsers_that_accept_it(client):
    make_page("about-us", body="Words worth compressing. " * 50)
    plain_first = client.get("/about-us/")

    compressed = client.get("/about-us/", headers={"Accept-Encoding": "br, gzip, deflate"})
    plain = client.get("/about-us/")

    assert compressed["X-Page-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain_first.content
    assert len(compressed.content) < len(plain.content) / 3
    assert "Content-Encoding" not in plain
    assert plain.content == plain_first.content
    for response in (compressed, plain):
        assert "Accept-Encoding" in response["Vary"]
        assert "Cookie" in response["Vary"]


def test_a_deploy_that_changes_templates_or_static_files_starts_a_fresh_cache(
    client, settings, tmp_path
):
    make_page("about-us")
    client.get("/about-us/")
    assert client.get("/about-us/")["X-Page-Cache"] == "hit"

    (tmp_path / "new.html").write_text("<p>A template added by the new release.</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    page_cache.release.cache_clear()
    try:
        after_deploy = client.get("/about-us/")
    finally:
        page_cache.release.cache_clear()

    assert after_deploy["X-Page-Cache"] == "miss"


def test_a_copy_kept_by_this_process_is_dropped_when_another_server_changes_content(
    client, django_assert_num_queries
):
    from django.core.cache import cache

    make_page("about-us")
    client.get("/about-us/")
    with django_assert_num_queries(CACHED_QUERIES):
        assert client.get("/about-us/")["X-Page-Cache"] == "hit"

    # Another app server saved content: it set a new version in the shared cache.
    cache.set(page_cache.VERSION_KEY, "set-by-another-server", timeout=None)
    response = client.get("/about-us/")

    assert response["X-Page-Cache"] == "miss"


def test_recent_pages_keep_only_the_newest_and_survive_threads():
    from concurrent.futures import ThreadPoolExecutor

    pages = page_cache.RecentPages(size=3)

    def churn(number):
        pages.put(f"page-{number % 7}", {"number": number})
        return pages.get(f"page-{(number + 1) % 7}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(churn, range(5000)))
    pages.put("newest", {"number": -1})

    assert len(pages.entries) == 3
    assert pages.get("newest") == {"number": -1}
