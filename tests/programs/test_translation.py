"""Content in both languages (programs/translation.py): a column per language, history
and revisions that keep both, Markdown rendered per language, and the admin editing both
side by side with nothing from another origin."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from programs.models import Page, Revision
from programs.translation import TRANSLATIONS, has_translation, translated_in
from tests.factories import make_page
from tests.html import third_party_loads
from tests.programs.factories import make_article, make_image
from tests.programs.test_revisions import change_url, edit

pytestmark = pytest.mark.django_db


def test_every_translated_field_has_a_column_per_language():
    for model, options in TRANSLATIONS.items():
        names = {field.name for field in model._meta.concrete_fields}
        for name in options.fields:
            assert {f"{name}_en", f"{name}_es"} <= names, (model, name)


def test_each_language_reads_its_own_column_and_spanish_falls_back_to_english():
    page = make_page(title="Schedule", body="Evenings.")
    page.title_es = "Horario"
    page.save()

    with translation.override("es"):
        spanish = Page.objects.get(pk=page.pk)
        assert (spanish.title, spanish.body) == ("Horario", "Evenings.")
    with translation.override("en"):
        assert Page.objects.get(pk=page.pk).title == "Schedule"


def test_markdown_is_rendered_once_per_language_with_that_languages_picture_text():
    image = make_image(alt_text="A quiet group room.")
    image.alt_text_es = "Una sala de grupo tranquila."
    image.save()
    page = make_page(body="**Hello**")
    page.body_es = f"**Hola**\n\n![](image:{image.pk})"
    page.save()

    page.refresh_from_db()
    assert page.body_html_en == "<p><strong>Hello</strong></p>"
    assert page.body_html_es.startswith("<p><strong>Hola</strong></p>")
    assert 'alt="Una sala de grupo tranquila."' in page.body_html_es


def test_saving_only_the_spanish_text_renders_only_its_html():
    section = make_page().sections.create(heading="Part", body="Old", order=1)
    section.body_es = "*Nuevo*"

    section.save(update_fields=["body_es"])

    section.refresh_from_db()
    assert section.body_html_es == "<p><em>Nuevo</em></p>"
    assert section.body_html_en == "<p>Old</p>"


def test_history_keeps_both_languages():
    page = make_page(title="Schedule")
    page.title_es = "Horario"
    page.save()

    assert page.history.latest().title_es == "Horario"
    assert page.history.earliest().title_en == "Schedule"


def test_a_spanish_change_to_a_live_page_is_a_draft_until_published(marketing, client):
    page = make_page(body="We meet three evenings a week.")
    page.title_es, page.body_es = "Sobre nosotros", "Nos reunimos tres noches."
    page.save()

    marketing.post(
        change_url(page),
        {**edit(page), "title_es": "Sobre nosotros", "body_es": "Nos reunimos cuatro noches."},
    )

    page.refresh_from_db()
    assert page.body_es == "Nos reunimos tres noches."
    draft = Revision.objects.for_item(page).get(status=Revision.Status.DRAFT)
    assert draft.data["item"]["fields"]["body_es"] == "Nos reunimos cuatro noches."
    assert draft.data["item"]["fields"]["body_html_es"] == "<p>Nos reunimos cuatro noches.</p>"

    marketing.post(
        change_url(page),
        {
            **edit(page),
            "title_es": "Sobre nosotros",
            "body_es": "Nos reunimos cuatro noches.",
            "_publish": "Publish now",
        },
    )

    page.refresh_from_db()
    assert page.body_es == "Nos reunimos cuatro noches."
    assert page.body_html_es == "<p>Nos reunimos cuatro noches.</p>"
    assert page.history.latest().body_es == "Nos reunimos cuatro noches."


def test_a_spanish_article_change_is_a_draft_too(marketing):
    article = make_article(slug="sleep")
    url = reverse("admin:programs_article_change", args=[article.pk])
    form = marketing.get(url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key in form.fields and key != "topics"
    }
    data.update(
        {
            "title_es": "Dormir en la recuperación",
            "slug_es": "dormir",
            "summary_es": "Por qué cuesta dormir al principio.",
            "body_es": "El sueño tarda unas semanas en asentarse.",
            "publish_at_0": "",
            "publish_at_1": "",
            "last_reviewed": article.last_reviewed.isoformat(),
        }
    )

    response = marketing.post(url, data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_es is None
    draft = Revision.objects.for_item(article).get(status=Revision.Status.DRAFT)
    assert draft.data["item"]["fields"]["slug_es"] == "dormir"


def test_the_admin_shows_both_languages_with_nothing_from_another_origin(marketing):
    page = make_page()

    html = marketing.get(change_url(page)).content.decode()

    names = set(re.findall(r'name="([^"]+)"', html))
    assert {"title_en", "title_es", "slug_en", "slug_es", "body_en", "body_es"} <= names
    assert {"sections-__prefix__-heading_en", "sections-__prefix__-heading_es"} <= names
    assert "title" not in names
    assert third_party_loads(html) == []


def test_an_item_counts_as_translated_when_its_essential_texts_are():
    page = make_page(title="Schedule", body="Evenings.")
    assert has_translation(page, "en")
    assert not has_translation(page, "es")

    page.title_es = "Horario"
    assert not has_translation(page, "es")  # the body is still English only
    page.body_es = "Por las noches."
    assert has_translation(page, "es")

    page.body_en = ""
    page.body_es = ""
    assert has_translation(page, "es")  # nothing to translate beyond the title


def test_a_query_for_the_translated_items_finds_what_has_translation_says():
    pages = [
        make_page("english", title="Schedule", body="Evenings."),
        make_page("title-only", title="Fees", body="Ask us.", title_es="Tarifas"),
        make_page("both", title="Groups", body="Twice.", title_es="Grupos", body_es="Dos."),
        make_page("no-body", title="Map", body="", title_es="Mapa"),
        make_page("blank", title="Team", body="Us.", title_es="", body_es=""),
    ]

    for language in ("en", "es"):
        found = set(Page.objects.filter(translated_in(Page, language)))
        assert found == {page for page in pages if has_translation(page, language)}, language
    assert {page.slug_en for page in Page.objects.filter(translated_in(Page, "es"))} == {
        "both",
        "no-body",
    }


def test_translated_models_are_the_visitor_facing_ones():
    assert {model._meta.model_name for model in TRANSLATIONS} == {
        "page",
        "pagesection",
        "article",
        "topic",
        "therapy",
        "faqentry",
        "track",
        "session",
        "clinicsettings",
        "person",
        "image",
        "accreditation",
    }
