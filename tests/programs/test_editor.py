"""The Markdown editor, from the editor's side: a tall box with help beside it, the
site's pages to link to, and a preview that saves nothing (with or without JavaScript)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from programs.models import Page, Revision
from tests.factories import make_clinic_settings, make_page, make_track, make_user
from tests.html import parse
from tests.programs.test_admin import page_form
from tests.programs.test_seo import head_tags

pytestmark = pytest.mark.django_db


def change_url(page):
    return reverse("admin:programs_page_change", args=[page.pk])


def preview_of(html, box_id="id_body"):
    start = html.index(f'id="{box_id}_preview"')
    body = html.index('<div class="markdown-preview-body">', start)
    return html[body + len('<div class="markdown-preview-body">') : html.index("</div>", body)]


def test_the_text_box_is_tall_with_help_links_and_a_preview_button(marketing):
    make_page(slug="fees", title="Fees and insurance")
    page = make_page(slug="about-us")

    html = marketing.get(change_url(page)).content.decode()

    [box] = head_tags(html, "textarea", name="body")
    assert box["rows"] == "20"
    assert head_tags(html, "button", name="_preview", value="body") != []
    assert "<dt><code>## Heading</code></dt><dd>a heading</dd>" in html
    assert '<li data-title="Fees and insurance" data-address="/fees/">' in html
    assert head_tags(html, "section", id="id_body_preview")[0]["hidden"] is None


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
    assert "hidden" not in head_tags(html, "section", id="id_body_preview")[0]
    assert head_tags(html, "textarea", name="body") != []
    assert "We meet **{{ days-per-week }}** evenings." in html  # the box keeps the text
    assert Page.objects.get(pk=page.pk).body == "Old text."
    assert "Please correct the error" not in html


def test_preview_of_a_section_saves_nothing(marketing):
    page = make_page(slug="about-us")
    section = page.sections.create(heading="Part", body="Old.", order=1)
    data = page_form(title="About us", slug="about-us", body="Text.", _preview="sections-0-body")
    data.update(
        {
            "sections-TOTAL_FORMS": "1",
            "sections-INITIAL_FORMS": "1",
            "sections-0-id": str(section.pk),
            "sections-0-page": str(page.pk),
            "sections-0-order": "1",
            "sections-0-heading": "Part",
            "sections-0-body": "*New* section text.",
        }
    )

    html = marketing.post(change_url(page), data).content.decode()

    assert preview_of(html, "id_sections-0-body") == "<p><em>New</em> section text.</p>"
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
        .form.errors["body"][0]
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

    assert len(head_tags(html, "button", name="_preview")) == 1


def submit_buttons_in_form(html, form_id):
    """The submit buttons of the form `form_id`, in page order, as attribute dicts."""
    tags = parse(html).tags
    start = next(
        i for i, (tag, attrs) in enumerate(tags) if tag == "form" and attrs.get("id") == form_id
    )
    end = next((i for i in range(start + 1, len(tags)) if tags[i][0] == "form"), len(tags))
    return [
        attrs
        for tag, attrs in tags[start + 1 : end]
        if (tag == "button" and attrs.get("type", "submit") == "submit")
        or (tag == "input" and attrs.get("type") == "submit")
    ]


def test_enter_in_a_live_pages_form_saves_a_draft_not_a_preview(marketing):
    page = make_page(slug="about-us")

    buttons = submit_buttons_in_form(marketing.get(change_url(page)).content.decode(), "page_form")

    # Enter submits the form's first submit button (HTML's implicit submission).
    first = buttons[0]
    assert (first["name"], first["aria-hidden"], first["tabindex"]) == ("_save_draft", "true", "-1")
    assert "visually-hidden" in first["class"].split()
    names = [button.get("name") for button in buttons]
    assert names.index("_preview") > 0
    assert names.count("_save_draft") == 2  # the hidden default and the visible button


def test_enter_in_a_new_questions_form_saves_it(marketing):
    html = marketing.get(reverse("admin:programs_faqentry_add")).content.decode()

    buttons = submit_buttons_in_form(html, "faqentry_form")

    assert buttons[0]["name"] == "_save"
    assert buttons[0]["aria-hidden"] == "true"
    assert [button.get("name") for button in buttons][1] == "_preview"


def test_a_form_that_cannot_be_saved_has_no_hidden_save_button(client):
    page = make_page(slug="about-us")
    viewer = make_user("vera")
    viewer.user_permissions.add(Permission.objects.get(codename="view_page"))
    client.force_login(viewer)

    html = client.get(change_url(page)).content.decode()

    assert [b for b in submit_buttons_in_form(html, "page_form") if b.get("aria-hidden")] == []


def test_the_hidden_save_button_saves_a_draft_of_the_typed_text(marketing):
    page = make_page(slug="about-us", body="Old text.")

    marketing.post(
        change_url(page),
        page_form(title="About us", slug="about-us", body="Typed text.", _save_draft="Save draft"),
    )

    assert Revision.objects.for_item(page).get(status="draft").data["item"]["fields"]["body"] == (
        "Typed text."
    )
    assert Page.objects.get(pk=page.pk).body == "Old text."
