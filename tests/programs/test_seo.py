"""Search listing fields, from the editor's side: the search title, the description
counters and preview in the admin, and "hide from search engines"."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from programs import images
from programs.models import Page, Revision
from tests.factories import make_clinic_settings, make_page
from tests.html import parse
from tests.programs.factories import make_article, make_image
from tests.programs.test_admin import page_form
from tests.programs.test_revisions import edit

pytestmark = pytest.mark.django_db


def head_tags(html, tag, **attributes):
    return [
        attrs
        for name, attrs in parse(html).tags
        if name == tag and all(attrs.get(key) == value for key, value in attributes.items())
    ]


def title_of(html):
    start = html.index("<title>") + len("<title>")
    return html[start : html.index("</title>")]


def sitemap_locations(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [element.text for element in root.findall("s:url/s:loc", namespace)]


def test_the_search_title_is_the_pages_title_element(client):
    make_clinic_settings(name="Harbor Light")
    make_page(slug="parking", title="Parking", seo_title="Free parking near the clinic")

    html = client.get("/parking/").content.decode()

    assert title_of(html) == "Free parking near the clinic"
    assert head_tags(html, "meta", property="og:title")[0]["content"] == (
        "Free parking near the clinic"
    )


def test_without_a_search_title_the_title_and_clinic_name_are_used(client):
    make_clinic_settings(name="Harbor Light")
    make_page(slug="parking", title="Parking")

    assert title_of(client.get("/parking/").content.decode()) == "Parking · Harbor Light"


def test_the_search_title_of_an_article_is_its_title_element(client):
    make_article(slug="sleep", seo_title="Sleep in early recovery: what helps")

    html = client.get("/articles/sleep/").content.decode()

    assert title_of(html) == "Sleep in early recovery: what helps"


def test_a_page_hidden_from_search_engines_says_noindex_and_leaves_the_sitemap(
    marketing, client, settings
):
    make_page(slug="parking")
    make_page(slug="thank-you", title="Thank you")
    response = marketing.post(
        reverse("admin:programs_page_change", args=[Page.objects.get(slug="thank-you").pk]),
        # A live page's change is a draft until published (programs/admin_revisions.py).
        page_form(title="Thank you", slug="thank-you", noindex="on", _publish="Publish now"),
    )
    assert response.status_code == 302
    client.logout()

    html = client.get("/thank-you/").content.decode()

    assert head_tags(html, "meta", name="robots") == [{"name": "robots", "content": "noindex"}]
    assert head_tags(client.get("/parking/").content.decode(), "meta", name="robots") == []
    locations = sitemap_locations(client)
    assert f"{settings.SITE_URL}/parking/" in locations
    assert f"{settings.SITE_URL}/thank-you/" not in locations


def test_an_article_hidden_from_search_engines_says_noindex_and_leaves_the_sitemap(
    client, settings
):
    make_article(slug="sleep", noindex=True)
    make_article(slug="stress", title="Stress")

    html = client.get("/articles/sleep/").content.decode()

    assert head_tags(html, "meta", name="robots") == [{"name": "robots", "content": "noindex"}]
    locations = sitemap_locations(client)
    assert f"{settings.SITE_URL}/articles/stress/" in locations
    assert f"{settings.SITE_URL}/articles/sleep/" not in locations


def test_a_search_title_over_the_limit_is_refused_with_the_limit(marketing):
    response = marketing.post(reverse("admin:programs_page_add"), page_form(seo_title="x" * 71))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["seo_title_en"] == [
        "Ensure this value has at most 70 characters (it has 71)."
    ]


def test_the_page_form_counts_characters_and_previews_the_search_result(marketing, settings):
    make_clinic_settings(name="Harbor Light")
    page = make_page(
        slug="parking", title="Parking", meta_description="Where to park, free, behind us."
    )

    html = marketing.get(reverse("admin:programs_page_change", args=[page.pk])).content.decode()

    seo_title = head_tags(html, "input", name="seo_title_en")[0]
    description = head_tags(html, "input", name="meta_description_en")[0]
    assert (seo_title["maxlength"], seo_title["data-char-count"]) == ("70", "70")
    assert (description["maxlength"], description["data-char-shown"]) == ("160", "155")
    loads = parse(html).loads
    assert [url for url in loads if url.startswith("/static/js/admin_editor.")] != []
    assert f"{settings.SITE_URL}/parking/" in html
    assert '<span class="search-preview-title">Parking · Harbor Light</span>' in html
    assert '<span class="search-preview-description">Where to park, free, behind us.</span>' in html


def test_the_article_form_counts_the_summary(marketing):
    article = make_article(slug="sleep")

    html = marketing.get(
        reverse("admin:programs_article_change", args=[article.pk])
    ).content.decode()

    assert head_tags(html, "input", name="summary_en")[0]["data-char-count"] == "160"
    assert head_tags(html, "input", name="summary_es")[0]["data-char-count"] == "160"
    assert "/articles/sleep/" in html


# --- The sharing image -----------------------------------------------------------------


def og_image(html):
    [tag] = head_tags(html, "meta", property="og:image")
    return tag["content"]


def sharing_url(image):
    return settings.SITE_URL + images.sharing_rendition(image).url


@pytest.mark.parametrize(
    ("chosen", "shared"),
    [
        (("sharing", "lead", "clinic"), "sharing"),
        (("lead", "clinic"), "lead"),
        (("clinic",), "clinic"),
    ],
)
def test_a_page_is_shared_with_its_sharing_image_else_its_lead_else_the_clinics(
    client, chosen, shared
):
    pictures = {name: make_image(title=name, name=f"{name}.jpg") for name in chosen}
    make_clinic_settings(sharing_image=pictures["clinic"])
    make_page(
        slug="parking", sharing_image=pictures.get("sharing"), lead_image=pictures.get("lead")
    )

    html = client.get("/parking/").content.decode()

    assert og_image(html) == sharing_url(pictures[shared])


def test_an_article_is_shared_with_its_sharing_image(client):
    make_clinic_settings()
    lead, sharing = make_image("lead", "lead.jpg"), make_image("sharing", "sharing.jpg")
    article = make_article(lead_image=lead, sharing_image=sharing)

    html = client.get(article.get_absolute_url()).content.decode()

    assert og_image(html) == sharing_url(sharing)


def test_the_sharing_image_is_in_the_search_and_sharing_fieldset(marketing):
    page = make_page(slug="parking")

    response = marketing.get(reverse("admin:programs_page_change", args=[page.pk]))

    fieldsets = {
        fieldset.name: [line.fields[0] for line in fieldset]
        for fieldset in response.context["adminform"]
    }
    assert "sharing_image" in fieldsets["Search engines and sharing"]
    assert head_tags(response.content.decode(), "select", name="sharing_image") != []


def test_a_draft_sharing_image_goes_live_only_when_published(marketing, client):
    make_clinic_settings()
    old, new = make_image("old", "old.jpg"), make_image("new", "new.jpg")
    page = make_page(slug="parking", sharing_image=old)
    url = reverse("admin:programs_page_change", args=[page.pk])

    marketing.post(url, edit(page, sharing_image=str(new.pk)))
    visitor = Client()

    assert og_image(visitor.get("/parking/").content.decode()) == sharing_url(old)
    draft = Revision.objects.for_item(page).get(status="draft")
    assert draft.data["item"]["fields"]["sharing_image"] == new.pk

    groups = marketing.get(reverse("admin:programs_page_compare", args=[page.pk])).context["groups"]
    [row] = [row for row in groups[0].rows if row.label == "Sharing image"]
    assert row.changed
    assert (strip_tags(row.old), strip_tags(row.new)) == ("old", "new")

    marketing.post(
        reverse("admin:programs_page_revision_action", args=[page.pk, draft.pk, "publish"])
    )

    assert og_image(visitor.get("/parking/").content.decode()) == sharing_url(new)


def test_a_picture_shared_by_a_page_cannot_be_deleted_from_the_library():
    picture = make_image("sharing", "sharing.jpg")
    make_page(slug="parking", sharing_image=picture)

    with pytest.raises(ProtectedError):
        picture.delete()
