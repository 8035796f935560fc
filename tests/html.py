"""Small HTML readers for tests: what a page loads, its headings, its links."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

# Tags and attributes that make a browser fetch something when the page loads.
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
}

# <link rel=...> kinds that name another address without the browser fetching it.
NOT_LOADED_LINKS = {"canonical", "alternate"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads = []
        self.links = []
        self.tags = []
        self._text_stack = []
        self.h1_texts = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        for name in LOADING_ATTRIBUTES.get(tag, ()):
            if attributes.get(name) and not (
                tag == "link" and attributes.get("rel") in NOT_LOADED_LINKS
            ):
                self.loads.append(attributes[name])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "h1":
            self._text_stack.append([])

    def handle_endtag(self, tag):
        if tag == "h1" and self._text_stack:
            self.h1_texts.append(" ".join("".join(self._text_stack.pop()).split()))

    def handle_data(self, data):
        for parts in self._text_stack:
            parts.append(data)


def parse(html):
    parser = PageParser()
    parser.feed(html)
    return parser


def third_party_loads(html):
    """Everything the page would load from another origin."""
    return [url for url in parse(html).loads if urlsplit(url).netloc or url.startswith("//")]


# --- A page as a tree, read as a person reads it ----------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Elements that start a new line of text (the others run on in the line).
BLOCKS = {
    *("div", "fieldset", "h1", "h2", "h3", "legend", "li", "ol", "p", "section", "ul"),
    *("td", "th", "tr"),
}
# What a person never reads.
UNREAD = {"template", "script", "style"}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self, skip=(), br=" "):
        """The element's text as a person reads it, whitespace collapsed, without the text
        of the tags in `skip`; a <br> reads as `br` (" / " keeps a cell's lines apart)."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append(br)
            elif child.tag in UNREAD or child.tag in skip:
                parts.append(" ")
            elif child.tag in BLOCKS:
                parts.append(f" {child.text(skip, br)} ")
            else:
                parts.append(child.text(skip, br))
        return " ".join("".join(parts).split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, **attrs):
        """The elements below this one with `tag` (any if None) and the attributes
        given: class_ names one of the element's classes; other names drop a trailing
        "_" and read "_" as "-" (for_="x", aria_live="polite")."""

        def matches(element):
            for name, value in attrs.items():
                if name == "class_":
                    if value not in element.attrs.get("class", "").split():
                        return False
                elif element.attrs.get(name.rstrip("_").replace("_", "-")) != value:
                    return False
            return True

        return [e for e in self.iter() if (tag is None or e.tag == tag) and matches(e)]

    def find(self, tag=None, **attrs):
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag or '*'} {attrs}> on the page"
        return found[0]


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("document", {}, None)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def page_of(response):
    """The response's HTML as a tree of Elements (its root is a "document" element)."""
    builder = TreeBuilder()
    builder.feed(response.content.decode())
    return builder.root
