"""The Markdown editor, from the editor's side: a tall box with help beside it, the
site's pages to link to, and a preview that saves nothing (with or without JavaScript)."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programs.editor_admin import EditorHelp
from programs.markdown import image_reference_errors, render_markdown
from programs.models import Page, Revision
from tests.factories import make_clinic_settings, make_page, make_track, make_user
from tests.html import parse
from tests.programs.factories import make_article, make_image
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
    # Beside the text box, and beside the section template the admin keeps for "Add".
    for fees in head_tags(html, "li", **{"data-address": "/fees/"}):
        assert fees["data-snippet"] == "[Fees and insurance](/fees/)"
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


# --- Insert a link or a picture --------------------------------------------------------


def helper_items(html, kind):
    """The entries of one insert helper beside the page text: (title, snippet)."""
    tags = parse(html).tags
    start = next(
        i
        for i, (tag, attrs) in enumerate(tags)
        if tag == "details"
        and attrs.get("data-insert-into") == "id_body_en"
        and kind in attrs.get("class", "").split()
    )
    end = next(i for i in range(start + 1, len(tags)) if tags[i][0] == "details")
    return [
        (attrs["data-title"], attrs["data-snippet"])
        for tag, attrs in tags[start:end]
        if tag == "li" and "data-snippet" in attrs
    ]


def test_the_insert_helpers_list_every_picture_page_and_article_with_its_markdown(marketing):
    group_room = make_image("Group room", alt_text="Chairs in a circle.")
    texture = make_image("Texture", "texture.jpg", alt_text="", is_decorative=True)
    make_page("home", title="Home", layout=Page.Layout.HOME)
    make_page(slug="fees", title="Fees [2026]")
    make_article(slug="what-is-iop", title="What is an IOP?")
    page = make_page(slug="about-us", title="About us")

    html = marketing.get(change_url(page)).content.decode()

    assert helper_items(html, "markdown-images") == [
        ("Group room", f"![Chairs in a circle.](image:{group_room.pk})"),
        ("Texture", f"![](image:{texture.pk})"),
    ]
    assert helper_items(html, "markdown-links") == [
        ("About us", "[About us](/about-us/)"),
        ("Fees [2026]", "[Fees \\[2026\\]](/fees/)"),
        ("Home", "[Home](/)"),
        ("What is an IOP?", "[What is an IOP?](/articles/what-is-iop/)"),
    ]
    [images] = head_tags(
        html,
        "details",
        **{"data-insert-into": "id_body_en", "class": "markdown-links markdown-images"},
    )
    assert images["data-insert-label"] == "Insert picture"
    assert "<summary>Insert a picture from the image library</summary>" in html


def test_the_snippets_render_as_the_picture_and_the_link(marketing):
    picture = make_image("Group room", alt_text="Chairs in a circle.")
    make_page(slug="fees", title="Fees [2026]")
    page = make_page(slug="about-us", title="About us")
    html = marketing.get(change_url(page)).content.decode()
    [(_title, image_snippet)] = helper_items(html, "markdown-images")
    link_snippet = dict(helper_items(html, "markdown-links"))["Fees [2026]"]

    rendered = render_markdown(f"{image_snippet}\n\nSee {link_snippet}.")

    [img] = head_tags(rendered, "img")
    assert img["alt"] == "Chairs in a circle."
    assert img["src"].startswith("/media/")
    assert head_tags(rendered, "a") == [{"href": "/fees/"}]
    assert 'See <a href="/fees/">Fees [2026]</a>.' in rendered
    assert image_reference_errors(f"{image_snippet}\n\nSee {link_snippet}.") == []
    assert picture.pk  # the library picture the snippet names


def test_an_empty_library_says_so_beside_the_box(marketing):
    page = make_page(slug="about-us")

    html = marketing.get(change_url(page)).content.decode()

    assert helper_items(html, "markdown-images") == []
    assert "The image library is empty." in html


@pytest.mark.parametrize("rows", [1, 15])
def test_the_helpers_cost_one_query_for_pictures_and_one_for_pages(django_assert_num_queries, rows):
    for number in range(rows):
        make_image(f"Picture {number}", f"picture-{number}.jpg")
        make_page(f"page-{number}", title=f"Page {number}")
        make_article(slug=f"article-{number}", title=f"Article {number}")
    help = EditorHelp()

    with django_assert_num_queries(1):
        pictures = help.images()
    with django_assert_num_queries(1):
        pages = help.pages()
    with django_assert_num_queries(0):
        help.images(), help.pages()  # every further box of the form asks again

    assert len(pictures) == rows
    assert len(pages) == 2 * rows


def test_the_edit_forms_queries_do_not_grow_with_pictures_and_pages(
    marketing, django_assert_max_num_queries
):
    page = make_page(slug="about-us")
    page.sections.create(heading="Part", body="Text.", order=1)
    make_image("Picture", "picture.jpg")
    make_article(slug="article", title="Article")
    marketing.get(change_url(page))  # the session settles
    with CaptureQueriesContext(connection) as captured:
        marketing.get(change_url(page))
    few = len(captured.captured_queries)
    for number in range(15):
        make_image(f"Picture {number}", f"picture-{number}.jpg")
        make_page(f"page-{number}", title=f"Page {number}")
        make_article(slug=f"article-{number}", title=f"Article {number}")

    marketing.get(change_url(page))  # works out the next scheduled change once more

    with django_assert_max_num_queries(few):
        marketing.get(change_url(page))
