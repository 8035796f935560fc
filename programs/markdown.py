"""Markdown typed by staff, turned into HTML that is safe to show to visitors.

Python-Markdown renders; nh3 then keeps only a short list of tags and attributes, so a
<script>, an onerror= handler, a style attribute or a javascript:/data: link typed in the
admin never reaches a visitor. Tables are made accessible on the way: a caption (from a
"Table: ..." line just above), header cells with a scope, and a focusable, labelled
wrapper that scrolls sideways on a narrow phone instead of the whole page.

Pictures come from the image library only: `![what it shows](image:42)` shows image 42
as a responsive <picture> (the words in brackets are its text alternative; empty, the
library's own). Any other picture is refused when the text is saved
(`image_reference_errors`), and dropped should one reach the renderer.
"""

import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import markdown
import nh3
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# The attribute of the placeholder <img> that names a library image.
LIBRARY_IMAGE = "data-library-image"
# How an editor names a library image in Markdown: ![alt](image:42).
IMAGE_REFERENCE = re.compile(r"image:(\d+)")

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "a",
    "em",
    "strong",
    "code",
    "blockquote",
    "div",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    # Only as the placeholder of a library image, replaced after cleaning.
    "img",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "div": {"aria-label"}, "img": {"alt", LIBRARY_IMAGE}}
ALLOWED_ATTRIBUTE_VALUES = {
    "th": {"scope": {"col", "row"}},
    "div": {"role": {"region"}, "tabindex": {"0"}},
}
ALLOWED_CLASSES = {"div": {"table-wrap"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

CAPTION_PREFIX = "Table:"
# "Table: ..." directly above a table: a blank line makes the table its own block.
CAPTION_LINE = re.compile(r"^(Table:[^\n]*)\n(?=\s*\|)", re.MULTILINE)
LINK = re.compile(r'<a href="([^"]*)">')
PLACEHOLDER = re.compile(r'<img((?:\s+[a-z-]+="[^"]*")*)\s*/?>')
PLACEHOLDER_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
RAW_IMAGE_TAG = re.compile(r"<img\b", re.IGNORECASE)


class AccessibleContent(Treeprocessor):
    """Headings start at h2 (the page title is the only h1); tables get a caption,
    scoped header cells and a scrolling wrapper."""

    def run(self, root):
        for element in root.iter("h1"):
            element.tag = "h2"
        parents = {child: parent for parent in root.iter() for child in parent}
        for table in list(root.iter("table")):
            self.improve_table(table, parents[table])

    def improve_table(self, table, parent):
        index = list(parent).index(table)
        caption_text = ""
        if index > 0:
            before = parent[index - 1]
            text = (before.text or "").strip()
            if before.tag == "p" and len(before) == 0 and text.startswith(CAPTION_PREFIX):
                caption_text = text.removeprefix(CAPTION_PREFIX).strip()
                parent.remove(before)
                index -= 1
        if caption_text:
            caption = ET.Element("caption")
            caption.text = caption_text
            table.insert(0, caption)
        for cell in table.iter("th"):
            cell.set("scope", "col")
        for body in table.iter("tbody"):
            for row in body.iter("tr"):
                if len(row) and row[0].tag == "td":
                    row[0].tag = "th"
                    row[0].set("scope", "row")
        for cell in table.iter():
            cell.attrib.pop("style", None)
            cell.attrib.pop("align", None)
        wrapper = ET.Element(
            "div",
            {
                "class": "table-wrap",
                "role": "region",
                "tabindex": "0",
                "aria-label": caption_text or _("Table"),
            },
        )
        parent.remove(table)
        wrapper.append(table)
        parent.insert(index, wrapper)


class LibraryImages(Treeprocessor):
    """Each picture becomes a placeholder naming its library image, which the sanitizer
    keeps and `_place_library_images` replaces; the sources found are listed in
    `md.image_sources` (for the check on save)."""

    def run(self, root):
        self.md.image_sources = []
        for element in root.iter("img"):
            source = (element.get("src") or "").strip()
            self.md.image_sources.append(source)
            match = IMAGE_REFERENCE.fullmatch(source)
            alt = element.get("alt", "")
            element.attrib.clear()
            if match:
                element.set(LIBRARY_IMAGE, match.group(1))
                element.set("alt", alt)


class AccessibleContentExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(AccessibleContent(md), "accessible_content", 5)
        md.treeprocessors.register(LibraryImages(md), "library_images", 4)


def _mark_external_links(html):
    """rel="noopener" on links to other sites (nh3 left `href` as the only attribute)."""
    own_host = urlsplit(settings.SITE_URL).netloc

    def replace(match):
        host = urlsplit(match.group(1).replace("&amp;", "&")).netloc
        if host and host != own_host:
            return f'<a href="{match.group(1)}" rel="noopener">'
        return match.group(0)

    return LINK.sub(replace, html)


def _place_library_images(clean):
    """Each placeholder replaced by its library image's <picture>, in one query; a
    placeholder naming no image (deleted since) or none at all is removed."""
    placeholders = {}
    for match in PLACEHOLDER.finditer(clean):
        attributes = {
            name: html.unescape(value)
            for name, value in PLACEHOLDER_ATTRIBUTE.findall(match.group(1))
        }
        placeholders[match.group(0)] = attributes
    if not placeholders:
        return clean
    from programs import images
    from programs.models import Image

    ids = {int(a[LIBRARY_IMAGE]) for a in placeholders.values() if a.get(LIBRARY_IMAGE)}
    found = Image.objects.in_bulk(ids)

    def replace(match):
        attributes = placeholders[match.group(0)]
        image = found.get(int(attributes.get(LIBRARY_IMAGE) or 0))
        if image is None:
            return ""
        context = images.picture_context(image, sizes=images.TEXT_COLUMN_SIZES)
        if attributes.get("alt") and not image.is_decorative:
            context["alt"] = attributes["alt"]
        return render_to_string("programs/_picture.html", context).strip()

    return PLACEHOLDER.sub(replace, clean)


def _to_html(text):
    """Python-Markdown's HTML for `text`, and the picture sources it names."""
    text = CAPTION_LINE.sub(r"\1\n\n", text.replace("\r\n", "\n"))
    md = markdown.Markdown(extensions=["tables", "sane_lists", AccessibleContentExtension()])
    return md.convert(text), getattr(md, "image_sources", [])


def image_reference_errors(text):
    """What is wrong with the pictures `text` shows, for the editor, as a list of
    messages: every picture must be one of the library's, named as image:NUMBER."""
    if not text or not text.strip():
        return []
    from programs.models import Image

    _html, sources = _to_html(text)
    errors = []
    if RAW_IMAGE_TAG.search(text):
        errors.append(
            _(
                "Pictures cannot be added as HTML <img> tags. Upload the picture under "
                "Images, then write ![what it shows](image:NUMBER) with its number."
            )
        )
    numbers = []
    for source in sources:
        match = IMAGE_REFERENCE.fullmatch(source)
        if match:
            numbers.append(int(match.group(1)))
        else:
            errors.append(
                _(
                    "The picture “%(source)s” is not from the image library. Upload it "
                    "under Images, then write ![what it shows](image:NUMBER) with its "
                    "number."
                )
                % {"source": source}
            )
    known = set(Image.objects.filter(pk__in=numbers).values_list("pk", flat=True))
    for number in dict.fromkeys(numbers):
        if number not in known:
            errors.append(
                _("There is no image number %(number)s in the image library.") % {"number": number}
            )
    return errors


def render_markdown(text):
    """Sanitized HTML for Markdown `text` typed by staff."""
    if not text or not text.strip():
        return ""
    html_text, _sources = _to_html(text)
    clean = nh3.clean(
        html_text,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "template", "textarea"},
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=ALLOWED_ATTRIBUTE_VALUES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return _place_library_images(_mark_external_links(clean))
