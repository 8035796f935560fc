"""Articles and topics: publishing rules, clinical review, derived fields."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from programs.models import Article, next_go_live
from programs.models.articles import add_months, reading_minutes
from tests.programs.factories import make_article, make_person, make_topic

pytestmark = pytest.mark.django_db


def test_article_body_is_stored_as_sanitised_html_with_a_reading_time():
    article = make_article(body="## Why\n\n<script>alert(1)</script>" + " word" * 450)

    article.refresh_from_db()
    assert article.body_html.startswith("<h2>Why</h2>\n")
    assert "<script" not in article.body_html
    assert article.reading_minutes == 3


def test_saving_only_the_body_updates_its_html_and_reading_time():
    article = make_article(body="Short.")

    article.body = "**Longer** " + "word " * 401
    article.save(update_fields=["body"])

    article.refresh_from_db()
    assert article.body_html.startswith("<p><strong>Longer</strong> word")
    assert article.reading_minutes == 3


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (1000, 5)])
def test_reading_minutes_round_up_at_two_hundred_words_a_minute(words, minutes):
    assert reading_minutes("word " * words) == minutes


def test_published_at_is_the_go_live_time_when_there_is_one():
    go_live = timezone.now() + datetime.timedelta(days=2)

    article = make_article(publish_at=go_live)

    assert article.published_at == go_live


def test_published_at_is_set_once_when_an_article_is_first_published():
    article = make_article(status=Article.Status.DRAFT, publish_at=None)
    assert article.published_at is None

    article.status = Article.Status.PUBLISHED
    article.save(update_fields=["status"])
    first = Article.objects.get(pk=article.pk).published_at
    article.title = "A better title"
    article.save()

    assert first is not None
    assert Article.objects.get(pk=article.pk).published_at == first


def test_article_published_respects_status_and_go_live_time():
    now = timezone.now()
    live = make_article("live")
    make_article("draft", status=Article.Status.DRAFT)
    make_article("later", publish_at=now + datetime.timedelta(hours=1))

    assert list(Article.objects.published(now)) == [live]
    assert next_go_live(now) == now + datetime.timedelta(hours=1)


def test_a_published_article_needs_a_reviewer_and_a_review_date():
    author = make_person("jordan", name="Jordan")
    article = Article(
        title="T",
        slug="t",
        summary="S",
        body="B",
        author=author,
        status=Article.Status.PUBLISHED,
    )

    with pytest.raises(ValidationError) as error:
        article.full_clean()
    with pytest.raises(IntegrityError):
        article.save()

    assert error.value.message_dict == {
        "reviewer": ["Choose the clinician who reviewed the article."],
        "last_reviewed": ["Enter the day of the clinical review."],
    }


def test_a_draft_may_wait_for_its_review():
    author = make_person("jordan", name="Jordan")
    article = Article(title="T", slug="t", summary="S", body="B", author=author)

    article.full_clean()
    article.save()

    assert article.status == Article.Status.DRAFT


def test_the_author_cannot_review_their_own_article():
    article = make_article()
    article.reviewer = article.author

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert error.value.message_dict["reviewer"] == [
        "The clinical reviewer must be someone other than the author."
    ]
    with pytest.raises(IntegrityError):
        article.save()


def test_a_reviewer_needs_credentials():
    article = make_article()
    article.reviewer = make_person("pat", name="Pat Lee", credentials="")

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert error.value.message_dict["reviewer"] == [
        "Pat Lee has no credentials on their profile. A clinical reviewer needs them, e.g. LCSW."
    ]


def test_a_review_date_in_the_future_is_refused():
    article = make_article()
    article.last_reviewed = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert error.value.message_dict["last_reviewed"] == ["The review date cannot be in the future."]


@pytest.mark.parametrize("slug", ["feed", "page", "topic"])
def test_article_addresses_the_library_uses_are_refused(slug):
    article = make_article()
    article.slug = slug

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert error.value.message_dict["slug"] == [
        f"The address “{slug}” is used by the library itself. Please choose a different one."
    ]


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (datetime.date(2026, 3, 14), False),
        (datetime.date(2026, 3, 15), True),
        (datetime.date(2027, 1, 1), True),
    ],
)
def test_articles_reviewed_longer_ago_than_the_interval_are_due(today, due):
    article = make_article(last_reviewed=datetime.date(2025, 3, 15))
    make_article("fresh", last_reviewed=datetime.date(2026, 3, 1))

    assert article.is_due_for_review(today) is due
    assert list(Article.objects.due_for_review(today)) == ([article] if due else [])
    assert article.review_due_on == datetime.date(2026, 3, 15)


def test_the_review_interval_follows_its_setting(settings):
    settings.ARTICLE_REVIEW_INTERVAL_MONTHS = 6
    article = make_article(last_reviewed=datetime.date(2026, 1, 10))

    assert article.review_due_on == datetime.date(2026, 7, 10)
    assert article.is_due_for_review(datetime.date(2026, 7, 10))
    assert not article.is_due_for_review(datetime.date(2026, 7, 9))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2026, 3, 15), -12, datetime.date(2025, 3, 15)),
        (datetime.date(2026, 1, 15), -1, datetime.date(2025, 12, 15)),
    ],
)
def test_add_months_lands_on_the_last_day_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


def test_topics_with_published_articles_leave_out_empty_ones():
    family = make_topic("family")
    make_topic("research", name="Research")
    make_article(topics=[family])
    make_article("draft", status=Article.Status.DRAFT, topics=[make_topic("empty", name="E")])

    assert [topic.slug for topic in family._meta.model.objects.with_published_articles()] == [
        "family"
    ]


def test_deleting_a_person_credited_on_an_article_is_refused():
    from django.db.models import ProtectedError

    article = make_article()

    with pytest.raises(ProtectedError):
        article.reviewer.delete()
