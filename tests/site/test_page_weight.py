"""Page weight budget: what a phone downloads for the home page, compressed."""

import gzip
import re

import pytest
from django.core.management import call_command

from tests.html import parse

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 60_000
# With its pictures, on a 375-pixel-wide phone (the budget).
BUDGET_WITH_PICTURES_BYTES = 200_000
# A 375 px phone at a device pixel ratio of 2 wants pictures 750 pixels wide.
PHONE_PIXELS = 750


@pytest.fixture
def home_html(client):
    call_command("load_demo_content", verbosity=0)
    return client.get("/").content.decode()


def test_home_page_html_css_and_js_compressed_fit_the_budget(home_html, collected_static):
    assets = [url for url in parse(home_html).loads if url.endswith((".css", ".js"))]
    sizes = {"/": len(gzip.compress(home_html.encode()))}
    for url in assets:
        # What whitenoise sends a browser that accepts gzip: the precompressed file.
        compressed = collected_static / (url.removeprefix("/static/") + ".gz")
        sizes[url] = compressed.stat().st_size

    assert len(assets) >= 2  # the stylesheet and the script
    assert sum(sizes.values()) < BUDGET_BYTES, sizes


def test_no_web_fonts_are_loaded(home_html, collected_static):
    stylesheets = [url for url in parse(home_html).loads if url.endswith(".css")]
    css = "".join(
        (collected_static / url.removeprefix("/static/")).read_text() for url in stylesheets
    )

    assert "@font-face" not in css
    assert not re.search(r"\.(woff2?|ttf|otf|eot)\b", css + home_html)


def test_images_are_sized_and_lazy_and_editors_cannot_add_others(client, home_html):
    from programs.markdown import render_markdown
    from programs.models import Page

    pages = [client.get(page.get_absolute_url()).content.decode() for page in Page.objects.all()]
    images = [attrs for html in pages for tag, attrs in parse(html).tags if tag == "img"]
    typed_by_an_editor = render_markdown("![A big photo](/static/img/photo.jpg)")

    for attrs in images:
        assert attrs.get("width"), attrs
        assert attrs.get("height"), attrs
        # Lazy, but for the one picture at the top of a page, which is fetched first.
        assert attrs.get("loading") == "lazy" or attrs.get("fetchpriority") == "high", attrs
    for html in pages:
        eager = [a for tag, a in parse(html).tags if tag == "img" and "loading" not in a]
        assert len(eager) <= 1, eager
    # Page text cannot carry an image (which could be unsized, heavy or off-site).
    assert "<img" not in typed_by_an_editor
    assert len(pages) >= 11


def chosen_by_a_phone(srcset):
    """The candidate a 750-pixel-wide screen takes from a `srcset` of widths."""
    candidates = sorted(
        (int(width.removesuffix("w")), url)
        for url, width in (candidate.split() for candidate in srcset.split(", "))
    )
    return next((url for width, url in candidates if width >= PHONE_PIXELS), candidates[-1][1])


def test_home_page_with_its_pictures_fits_the_phone_budget(home_html, collected_static):
    from django.core.files.storage import default_storage

    sizes = {"/": len(gzip.compress(home_html.encode()))}
    for url in [url for url in parse(home_html).loads if url.endswith((".css", ".js"))]:
        sizes[url] = (collected_static / (url.removeprefix("/static/") + ".gz")).stat().st_size
    # Every picture of the page, even those a phone would load only when scrolled to,
    # as the WebP a phone's browser chooses (pictures are not compressed further).
    sources = [a for tag, a in parse(home_html).tags if tag == "source"]
    for source in sources:
        url = chosen_by_a_phone(source["srcset"])
        sizes[url] = default_storage.size(url.removeprefix("/media/"))

    assert len(sources) >= 1
    assert sum(sizes.values()) < BUDGET_WITH_PICTURES_BYTES, sizes
