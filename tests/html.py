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
