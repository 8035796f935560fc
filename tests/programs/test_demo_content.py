"""`manage.py load_demo_content` creates what is missing and never changes edits."""

from io import StringIO

import pytest
from django.core.management import call_command

from programs.models import (
    Accreditation,
    Article,
    ClinicSettings,
    FaqEntry,
    Page,
    PageSection,
    Person,
    Session,
    Therapy,
    Topic,
    Track,
)

pytestmark = pytest.mark.django_db

MODELS = [
    ClinicSettings,
    Accreditation,
    Page,
    PageSection,
    Track,
    Session,
    Therapy,
    FaqEntry,
    Topic,
    Person,
    Article,
]


def snapshot():
    return {
        "counts": {model.__name__: model.objects.count() for model in MODELS},
        "pages": dict(Page.objects.values_list("slug", "body")),
        "sections": list(PageSection.objects.values_list("heading", "body")),
        "therapies": dict(Therapy.objects.values_list("slug", "body")),
        "questions": dict(FaqEntry.objects.values_list("slug", "answer")),
        "articles": dict(Article.objects.values_list("slug", "body")),
        "article topics": sorted(Article.topics.through.objects.values_list("pk", flat=True)),
        "people": dict(Person.objects.values_list("slug", "bio")),
        "clinic": ClinicSettings.load().as_context(),
    }


def load():
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def test_demo_content_creates_the_whole_site():
    load()

    assert snapshot()["counts"] == {
        "ClinicSettings": 1,
        "Accreditation": 2,
        "Page": 12,
        "PageSection": 5,
        "Track": 2,
        "Session": 6,
        "Therapy": 7,
        "FaqEntry": 9,
        "Topic": 7,
        "Person": 6,
        "Article": 8,
    }
    assert set(Page.objects.published().values_list("slug", flat=True)) == {
        "home",
        "what-is-iop",
        "schedule",
        "therapies",
        "who-it-is-for",
        "benefits",
        "admissions",
        "faq",
        "privacy",
        "privacy-practices",
        "terms",
        "accessibility",
    }
    clinic = ClinicSettings.load()
    assert clinic.as_context()["phone"] == "(555) 010-0199"
    assert clinic.license_number == "000000AP"
    assert clinic.license_expires.isoformat() == "2027-05-31"


def test_demo_content_run_twice_changes_nothing():
    load()
    first = snapshot()

    output = load()

    assert snapshot() == first
    assert output == "Demo content already present; nothing changed.\n"


def test_demo_content_keeps_an_editors_changes():
    load()
    page = Page.objects.get(slug="benefits")
    page.body = "Edited by marketing."
    page.save()
    clinic = ClinicSettings.load()
    clinic.name = "Harbor Light Recovery Center"
    clinic.save()

    load()

    assert Page.objects.get(slug="benefits").body == "Edited by marketing."
    assert ClinicSettings.load().name == "Harbor Light Recovery Center"
    assert Page.objects.filter(slug="benefits").count() == 1


def test_demo_content_restores_only_what_is_missing():
    load()
    Therapy.objects.get(slug="life-skills").delete()
    before = Therapy.objects.get(slug="group-therapy").updated_at

    output = load()

    assert output == "Demo content created: therapy life-skills, Spanish for therapy.\n"
    assert Therapy.objects.get(slug="group-therapy").updated_at == before


def test_demo_content_has_no_placeholder_text():
    load()

    texts = " ".join(
        [
            *Page.objects.values_list("body", flat=True),
            *Therapy.objects.values_list("body", flat=True),
            *FaqEntry.objects.values_list("answer", flat=True),
            *Article.objects.values_list("body", flat=True),
            *Person.objects.values_list("bio", flat=True),
        ]
    ).lower()
    assert "lorem" not in texts
    assert "tbd" not in texts
    assert "todo" not in texts


def test_demo_library_covers_the_topics_with_clinically_reviewed_articles():
    load()

    articles = Article.objects.published().select_related("author", "reviewer")
    assert articles.count() == 8
    for article in articles:
        article.full_clean()
        assert article.reviewer.credentials, article.slug
        assert article.reviewer != article.author, article.slug
    family = Topic.objects.get(slug="family")
    assert family.articles.filter(slug="helping-someone-you-love").exists()
    assert Article.objects.get(slug="what-the-research-says").body.endswith(
        "Programs: Assessing the Evidence. *Psychiatric Services*. 2014;65(6):718-726."
    )
    # One article past its review date, so editors see the reminder in the demo.
    assert list(Article.objects.due_for_review().values_list("slug", flat=True)) == [
        "what-the-research-says"
    ]
    for person in Person.objects.all():
        person.full_clean()


def test_demo_library_restores_a_deleted_article_with_its_people_and_topics():
    load()
    Article.objects.get(slug="helping-someone-you-love").delete()

    output = load()

    assert output == (
        "Demo content created: article helping-someone-you-love, Spanish for article.\n"
    )
    restored = Article.objects.get(slug="helping-someone-you-love")
    assert [topic.slug for topic in restored.topics.all()] == ["family"]
    assert restored.author.slug == "elena-brooks"
    assert restored.slug_es == "cuando-un-ser-querido-consume"


def test_demo_notices_the_clinic_is_bound_by_are_legal_pages():
    call_command("load_demo_content", stdout=StringIO())

    legal = set(Page.objects.filter(is_legal=True).values_list("slug", flat=True))

    assert legal == {"privacy", "privacy-practices", "terms", "accessibility"}
