"""Pictures placed by marketing: lead images, people's photos, pictures in the text,
link previews, and what they cost a page."""

import io
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PillowImage

from programs import images
from programs.markdown import render_markdown
from programs.models import ClinicSettings, Image, Page, Person
from tests.factories import make_clinic_settings, make_page, make_user
from tests.html import parse
from tests.programs.factories import make_article, make_image, make_person, picture_bytes
from tests.programs.test_admin import page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def marketing(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))
    return client


def tags(html, name):
    return [attrs for tag, attrs in parse(html).tags if tag == name]


def meta(html):
    return {
        attrs.get("property") or attrs.get("name"): attrs.get("content")
        for attrs in tags(html, "meta")
        if attrs.get("property") or attrs.get("name")
    }


def media_name(url):
    """The storage name behind a /media/ address."""
    return urlsplit(url).path.removeprefix("/media/")


def field_errors(response, field):
    return list(response.context["adminform"].form.errors.get(field, []))


# --- Pictures in the Markdown text -----------------------------------------------------


def test_library_image_in_markdown_is_a_responsive_picture():
    image = make_image()

    html = render_markdown(f"Before.\n\n![Our group room at night](image:{image.pk})\n\nAfter.")

    (img,) = tags(html, "img")
    (source,) = tags(html, "source")
    assert img["alt"] == "Our group room at night"
    assert img["srcset"] == images.srcset(images.candidates(image, "JPEG"))
    assert source["srcset"] == images.srcset(images.candidates(image, "WEBP"))
    assert (img["width"], img["height"], img["loading"]) == ("1000", "600", "lazy")
    assert img["sizes"] == images.TEXT_COLUMN_SIZES


def test_library_image_without_words_takes_the_librarys_alt_text():
    image = make_image(alt_text="Chairs in a circle.")

    (img,) = tags(render_markdown(f"![](image:{image.pk})"), "img")

    assert img["alt"] == "Chairs in a circle."


def test_decorative_library_image_in_markdown_has_empty_alt():
    image = make_image(alt_text="", is_decorative=True)

    (img,) = tags(render_markdown(f"![Waves](image:{image.pk})"), "img")

    assert img["alt"] == ""


def test_markdown_image_that_is_not_from_the_library_is_dropped():
    html = render_markdown('![x](https://example.org/x.jpg) <img src="/static/a.png" alt="a">')

    assert tags(html, "img") == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "![A photo](https://example.org/photo.jpg)",
            "The picture “https://example.org/photo.jpg” is not from the image library. "
            "Upload it under Images, then write ![what it shows](image:NUMBER) with its "
            "number.",
        ),
        (
            "![A photo](/static/img/photo.jpg)",
            "The picture “/static/img/photo.jpg” is not from the image library. Upload it "
            "under Images, then write ![what it shows](image:NUMBER) with its number.",
        ),
        ("![A photo](image:999)", "There is no image number 999 in the image library."),
        (
            '<img src="https://example.org/p.jpg" alt="p">',
            "Pictures cannot be added as HTML <img> tags. Upload the picture under Images, "
            "then write ![what it shows](image:NUMBER) with its number.",
        ),
    ],
)
def test_saving_a_page_with_a_picture_from_elsewhere_is_refused(marketing, body, message):
    response = marketing.post(reverse("admin:programs_page_add"), page_form(body=body))

    assert response.status_code == 200
    assert field_errors(response, "body_en") == [message]
    assert not Page.objects.filter(slug="parking").exists()


def test_saving_a_page_with_a_library_picture_shows_it(marketing, client):
    image = make_image()

    response = marketing.post(
        reverse("admin:programs_page_add"), page_form(body=f"![A room](image:{image.pk})")
    )

    assert response.status_code == 302
    html = client.get("/parking/").content.decode()
    assert [img["alt"] for img in tags(html, "img")] == ["A room"]


def test_changing_a_picture_updates_the_texts_that_show_it():
    image = make_image(alt_text="Chairs in a circle.")
    page = make_page(body=f"![](image:{image.pk})\n\nThe room.")
    other = make_page(slug="other", body=f"![](image:{image.pk}0) is another number")

    image.alt_text = "An empty group room."
    image.save()

    page.refresh_from_db()
    (img,) = tags(page.body_html, "img")
    assert img["alt"] == "An empty group room."
    assert Page.objects.get(pk=other.pk).body_html == other.body_html


def test_deleting_a_picture_removes_it_from_the_texts():
    image = make_image()
    page = make_page(body=f"The room.\n\n![](image:{image.pk})")

    image.delete()

    page.refresh_from_db()
    assert tags(page.body_html, "img") == []
    assert "The room." in page.body_html


# --- Lead images, photos and link previews ---------------------------------------------


def test_page_lead_image_is_shown_first_and_shared(client, settings):
    make_clinic_settings()
    image = make_image(content=picture_bytes(size=(1600, 900)))
    make_page(slug="parking", lead_image=image)

    html = client.get("/parking/").content.decode()

    (img,) = tags(html, "img")
    assert img["fetchpriority"] == "high"
    assert "loading" not in img
    sharing = images.sharing_rendition(image)
    assert {key: value for key, value in meta(html).items() if "image" in key or "card" in key} == {
        "og:image": f"{settings.SITE_URL}{sharing.url}",
        "og:image:type": "image/jpeg",
        "og:image:width": "1200",
        "og:image:height": "675",
        "og:image:alt": "Chairs in a circle in a bright group room.",
        "twitter:card": "summary_large_image",
    }
    assert default_storage.exists(media_name(sharing.url))


def test_page_without_lead_image_shares_the_clinics_default_image(client, settings):
    image = make_image(title="Harbor", alt_text="", is_decorative=True)
    make_clinic_settings(sharing_image=image)
    make_page(slug="parking")

    html = client.get("/parking/").content.decode()

    assert tags(html, "img") == []
    tags_ = meta(html)
    assert tags_["og:image"] == f"{settings.SITE_URL}{images.sharing_rendition(image).url}"
    assert "og:image:alt" not in tags_


def test_article_and_person_show_their_pictures(client):
    make_clinic_settings()
    photo = make_image(title="Dana", alt_text="", is_decorative=True)
    author = make_person("jordan-whitaker", name="Jordan Whitaker", photo=photo)
    lead = make_image(title="Lead", alt_text="A path at dusk.")
    article = make_article(author=author, lead_image=lead)

    article_html = client.get(article.get_absolute_url()).content.decode()
    person_html = client.get(author.get_absolute_url()).content.decode()
    team_html = client.get(reverse("programs:team")).content.decode()

    assert [img["alt"] for img in tags(article_html, "img")] == ["A path at dusk."]
    assert [img["alt"] for img in tags(person_html, "img")] == ["", "A path at dusk."]
    assert [img.get("loading") for img in tags(person_html, "img")] == [None, "lazy"]
    assert [img["alt"] for img in tags(team_html, "img")] == [""]


def home_team_cards(client):
    """The home page's team cards: (heading, the <img> attributes in the card)."""
    from tests.html import page_of

    page = page_of(client.get("/"))
    return [
        (card.find("h3").text(), [img.attrs for img in card.find_all("img")])
        for card in page.find_all("li", class_="person-card")
    ]


def test_home_page_team_cards_show_the_photos_lazily_with_alt_size_and_srcset(client):
    make_clinic_settings()
    make_page(slug="home", layout=Page.Layout.HOME, title="Welcome")
    photo = make_image(title="Dana", alt_text="Dana Reyes smiling in the group room.")
    make_person(photo=photo)
    make_person(
        "sam-okafor",
        name="Sam Okafor",
        credentials="CADC I",
        photo=make_image(title="Pattern", alt_text="", is_decorative=True),
    )
    make_person("jo-lee", name="Jo Lee", credentials="LPC")

    cards = dict(home_team_cards(client))

    [dana] = cards["Dana Reyes, LCSW"]
    [sam] = cards["Sam Okafor, CADC I"]
    assert cards["Jo Lee, LPC"] == []
    assert (dana["alt"], sam["alt"]) == ("Dana Reyes smiling in the group room.", "")
    # Below the fold: fetched only as the visitor scrolls near it, at its own size.
    assert (dana["loading"], dana["width"], dana["height"]) == ("lazy", "1000", "600")
    assert dana["srcset"] == images.srcset(images.candidates(photo, "JPEG"))
    assert dana["sizes"] == "5rem"
    assert "fetchpriority" not in dana


def test_home_page_queries_do_not_grow_with_the_team_photos(client):
    make_clinic_settings()
    make_page(slug="home", layout=Page.Layout.HOME, title="Welcome")
    make_person(slug="person-0", photo=make_image(title="P0"))
    one = queries_for(client, "/")
    for index in range(1, 4):
        make_person(slug=f"person-{index}", photo=make_image(title=f"P{index}"))

    many = queries_for(client, "/")

    assert [len(imgs) for _name, imgs in home_team_cards(client)] == [1, 1, 1, 1]
    assert many == one


def test_editor_places_a_lead_image_in_the_admin(marketing):
    image = make_image()

    response = marketing.post(
        reverse("admin:programs_page_add"), page_form(lead_image=str(image.pk))
    )

    assert response.status_code == 302
    assert Page.objects.get(slug="parking").lead_image == image


def test_picture_in_use_as_a_lead_image_cannot_be_deleted(marketing):
    image = make_image()
    make_page(lead_image=image)

    response = marketing.post(
        reverse("admin:programs_image_delete", args=[image.pk]), {"post": "yes"}
    )

    assert response.status_code == 200
    assert Image.objects.filter(pk=image.pk).exists()


# --- Query budgets: the same with one picture or many ----------------------------------


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_team_page_queries_do_not_grow_with_the_photos(client):
    make_clinic_settings()
    make_person(slug="person-0", photo=make_image(title="P0"))
    one = queries_for(client, reverse("programs:team"))
    for index in range(1, 6):
        make_person(slug=f"person-{index}", photo=make_image(title=f"P{index}"))

    assert queries_for(client, reverse("programs:team")) == one


def test_article_list_and_text_queries_do_not_grow_with_the_pictures(client):
    make_clinic_settings()
    author = make_person()
    reviewer = make_person(slug="sam-okafor", name="Sam Okafor", credentials="CADC I")
    pictures = [make_image(title=f"Picture {index}") for index in range(6)]
    make_article(slug="a-0", author=author, reviewer=reviewer, lead_image=pictures[0])
    make_page(slug="one", body=f"![](image:{pictures[0].pk})")
    list_one = queries_for(client, reverse("programs:articles"))
    page_one = queries_for(client, "/one/")
    for index in range(1, 6):
        make_article(
            slug=f"a-{index}", author=author, reviewer=reviewer, lead_image=pictures[index]
        )
    make_page(slug="many", body="\n\n".join(f"![](image:{p.pk})" for p in pictures))

    assert queries_for(client, reverse("programs:articles")) == list_one
    assert queries_for(client, "/many/") == page_one


# --- The demo site ---------------------------------------------------------------------


def sitemap_paths(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", namespace)]


def test_every_picture_on_every_page_has_alt_size_and_srcset(client, demo_content):
    seen = 0
    for path in sitemap_paths(client):
        html = client.get(path).content.decode()
        for img in tags(html, "img"):
            seen += 1
            assert "alt" in img, (path, img)
            assert img["width"].isdigit(), (path, img)
            assert img["height"].isdigit(), (path, img)
            candidates = [part.split()[0] for part in img["srcset"].split(", ")]
            assert candidates, (path, img)
            for url in [img["src"], *candidates]:
                assert default_storage.exists(media_name(url)), (path, url)
    assert seen >= 12


def test_every_page_has_a_link_preview_image_that_loads(client, demo_content, settings):
    site = urlsplit(settings.SITE_URL)
    paths = [*sitemap_paths(client), "/contact/"]
    assert len(paths) >= 20

    for path in paths:
        tags_ = meta(client.get(path).content.decode())
        address = urlsplit(tags_["og:image"])
        # Absolute, on the site's own origin, as a link preview fetches it.
        assert (address.scheme, address.netloc) == (site.scheme, site.netloc), path
        assert address.path.startswith("/media/renditions/"), path
        response = client.get(address.path)
        # Reading the stream to its end closes the response, as a WSGI server would (the
        # test client's wrapper). Closing it again would send request_finished with
        # close_old_connections connected, which on PostgreSQL closes the test's own
        # connection inside its transaction.
        content = b"".join(response.streaming_content)
        assert response.status_code == 200, (path, address.path)
        assert PillowImage.open(io.BytesIO(content)).format in {"JPEG", "PNG"}, path
        assert response["Content-Type"] == tags_["og:image:type"], path
        assert response["Content-Type"] in {"image/jpeg", "image/png"}, path
        # 1200 pixels wide, or the picture's own width (the team's portraits are 800).
        assert tags_["og:image:width"] in {"1200", "800"}, path


def test_demo_pictures_are_made_once(demo_content):
    names = sorted(Image.objects.values_list("file", flat=True))
    portraits = Person.objects.filter(photo__isnull=False)

    call_command("load_demo_content", verbosity=0)

    assert sorted(Image.objects.values_list("file", flat=True)) == names
    assert all(name.startswith("images/demo/") for name in names)
    assert portraits.count() == Person.objects.count() == 6
    assert all(person.photo.is_decorative for person in portraits)
    assert ClinicSettings.load().sharing_image.file.name == "images/demo/harbor-light.jpg"
    assert Page.objects.get(layout="home").lead_image.alt.startswith("An illustration")
