"""Marketing's lists in the admin cost the same number of queries with one row as with
many: no query per row (an N+1) as the library, the team and the pictures grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_page
from tests.programs.factories import make_article, make_image, make_person, make_topic

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def make_articles(start, count):
    from programs.models import Topic

    topic = Topic.objects.filter(slug="family").first() or make_topic()
    for number in range(start, start + count):
        make_article(f"article-{number}", title=f"Article {number}", topics=[topic])


def make_people(start, count):
    for number in range(start, start + count):
        make_person(f"person-{number}", name=f"Person {number}")


def make_pages(start, count):
    for number in range(start, start + count):
        make_page(f"page-{number}", title=f"Page {number}")


def make_topics(start, count):
    for number in range(start, start + count):
        make_topic(f"topic-{number}", name=f"Topic {number}")


def make_images(start, count):
    for number in range(start, start + count):
        make_image(title=f"Picture {number}", name=f"picture-{number}.jpg")


@pytest.mark.parametrize(
    ("changelist", "make"),
    [
        ("admin:programs_article_changelist", make_articles),
        ("admin:programs_person_changelist", make_people),
        ("admin:programs_page_changelist", make_pages),
        ("admin:programs_topic_changelist", make_topics),
        ("admin:programs_image_changelist", make_images),
    ],
)
def test_content_lists_cost_the_same_with_one_row_or_many(marketing, changelist, make):
    url = reverse(changelist)
    make(0, 1)
    marketing.get(url)
    with_one = queries_for(marketing, url)

    make(1, 9)
    marketing.get(url)  # The first request after a change works out what is scheduled.
    with_many = queries_for(marketing, url)

    assert with_many <= with_one
