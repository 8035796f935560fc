"""Markdown typed by staff, turned into HTML that is safe to show to visitors.

Python-Markdown renders; nh3 then keeps only a short list of tags and attributes, so a
<script>, an onerror= handler, a style attribute or a javascript:/data: link typed in the
admin never reaches a visitor. Tables are made accessible on the way: a caption (from a
"Table: ..." line just above), header cells with a scope, and a focusable, labelled
wrapper that scrolls sideways on a narrow phone instead of the whole page.
"""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import markdown
import nh3
from django.conf import settings
from django.utils.translation import gettext as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

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
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "div": {"aria-label"}}
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


class AccessibleContentExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(AccessibleContent(md), "accessible_content", 5)


def _mark_external_links(html):
    """rel="noopener" on links to other sites (nh3 left `href` as the only attribute)."""
    own_host = urlsplit(settings.SITE_URL).netloc

    def replace(match):
        host = urlsplit(match.group(1).replace("&amp;", "&")).netloc
        if host and host != own_host:
            return f'<a href="{match.group(1)}" rel="noopener">'
        return match.group(0)

    return LINK.sub(replace, html)


def render_markdown(text):
    """Sanitized HTML for Markdown `text` typed by staff."""
    if not text or not text.strip():
        return ""
    text = CAPTION_LINE.sub(r"\1\n\n", text.replace("\r\n", "\n"))
    html = markdown.markdown(
        text, extensions=["tables", "sane_lists", AccessibleContentExtension()]
    )
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "template", "textarea"},
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=ALLOWED_ATTRIBUTE_VALUES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return _mark_external_links(clean)
