"""The Markdown editor, from the editor's side: a tall box with help beside it, the
site's pages to link to, and a preview that saves nothing (with or without JavaScript)."""

import pytest
from django.urls import reverse

from programs.models import Page
from tests.factories import make_clinic_settings, make_page, make_track, make_user
from tests.programs.test_admin import page_form
from tests.programs.test_seo import head_tags

pytestmark = pytest.mark.django_db


def change_url(page):
    return reverse("admin:programs_page_change", args=[page.pk])


def preview_of(html, box_id="id_body_en"):
    start = html.index(f'id="{box_id}_preview"')
    body = html.index('<div class="markdown-preview-body">', start)
    return html[body + len('<div class="markdown-preview-body">') : html.index("</div>", body)]


def test_the_text_box_is_tall_with_help_links_and_a_preview_button(marketing):
    make_page(slug="fees", title="Fees and insurance")
    page = make_page(slug="about-us")

    html = marketing.get(change_url(page)).content.decode()

    # One box per language, each with the editor (programs/translation.py).
    [box] = head_tags(html, "textarea", name="body_en")
    assert box["rows"] == "20"
    assert head_tags(html, "textarea", name="body_es")[0]["rows"] == "20"
    assert head_tags(html, "button", name="_preview", value="body_en") != []
    assert head_tags(html, "button", name="_preview", value="body_es") != []
    assert "<dt><code>## Heading</code></dt><dd>a heading</dd>" in html
    assert '<li data-title="Fees and insurance" data-address="/fees/">' in html
    assert head_tags(html, "section", id="id_body_en_preview")[0]["hidden"] is None


def test_preview_without_javascript_shows_the_text_and_saves_nothing(marketing):
    make_clinic_settings(admissions_phone="+15550100199")
    make_track(sessions=((0, "18:00", "21:00"), (2, "18:00", "21:00")))
    page = make_page(slug="about-us", body="Old text.")

    response = marketing.post(
        change_url(page),
        page_form(
            title="About us",
            slug="about-us",
            body="## New\n\nWe meet **{{ days-per-week }}** evenings. Call {{ phone }}.",
            _preview="body",
        ),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert preview_of(html) == (
        "<h2>New</h2>\n<p>We meet <strong>two</strong> evenings. Call (555) 010-0199.</p>"
    )
    assert "hidden" not in head_tags(html, "section", id="id_body_en_preview")[0]
    assert head_tags(html, "textarea", name="body_en") != []
    assert "We meet **{{ days-per-week }}** evenings." in html  # the box keeps the text
    assert Page.objects.get(pk=page.pk).body == "Old text."
    assert "Please correct the error" not in html


def test_preview_of_a_section_saves_nothing(marketing):
    page = make_page(slug="about-us")
    section = page.sections.create(heading="Part", body="Old.", order=1)
    data = page_form(
        title="About us",
        slug="about-us",
        body="Text.",
        _preview="sections-0-body",
        **{
            "sections-TOTAL_FORMS": "1",
            "sections-INITIAL_FORMS": "1",
            "sections-0-id": str(section.pk),
            "sections-0-page": str(page.pk),
            "sections-0-order": "1",
            "sections-0-heading": "Part",
            "sections-0-body": "*New* section text.",
        },
    )

    html = marketing.post(change_url(page), data).content.decode()

    assert preview_of(html, "id_sections-0-body_en") == "<p><em>New</em> section text.</p>"
    section.refresh_from_db()
    assert section.body == "Old."


def test_preview_shows_an_unknown_placeholder_error_and_saves_nothing(marketing):
    page = make_page(slug="about-us", body="Old text.")

    response = marketing.post(
        change_url(page),
        page_form(title="About us", slug="about-us", body="Call {{ fone }}.", _preview="body"),
    )

    assert (
        response.context["adminform"]
        .form.errors["body_en"][0]
        .startswith("Unknown placeholder “{{ fone }}”.")
    )
    assert Page.objects.get(pk=page.pk).body == "Old text."


def test_the_inline_preview_answers_the_rendered_text(marketing):
    make_clinic_settings(name="Harbor Light")

    response = marketing.post(
        reverse("admin:programs_page_markdown_preview"),
        {"text": "Hello from **{{ clinic-name }}**<script>alert(1)</script>"},
    )

    assert response.json() == {"html": "<p>Hello from <strong>Harbor Light</strong></p>"}


def test_the_inline_preview_refuses_a_get_and_staff_who_cannot_edit(marketing, client):
    url = reverse("admin:programs_faqentry_markdown_preview")
    assert marketing.get(url).status_code == 405

    client.force_login(make_user("alex", groups=("Admissions",)))
    assert client.post(url, {"text": "x"}).status_code == 403


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:programs_article_add",
        "admin:programs_therapy_add",
        "admin:programs_faqentry_add",
        "admin:programs_person_add",
    ],
)
def test_every_markdown_field_gets_the_editor(marketing, url_name):
    html = marketing.get(reverse(url_name)).content.decode()

    # One per language.
    assert len(head_tags(html, "button", name="_preview")) == 2
