"""Markdown typed by staff reaches visitors only as sanitized HTML."""

import pytest

from programs.markdown import render_markdown


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert('x')</script>",
        "<SCRIPT src=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        '<p onclick="alert(1)">click</p>',
        "[click](javascript:alert(1))",
        '<a href="JaVaScRiPt:alert(1)">click</a>',
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<p style="position:fixed;top:0">overlay</p>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<svg onload="alert(1)"></svg>',
        '<a href="vbscript:msgbox(1)">x</a>',
    ],
)
def test_render_markdown_removes_hostile_markup(hostile):
    html = render_markdown(f"Before\n\n{hostile}\n\nAfter").lower()

    for forbidden in (
        "<script",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "vbscript:",
        "data:",
        "style=",
        "<style",
        "<iframe",
        "<svg",
        "<img",
        "evil.example",
    ):
        assert forbidden not in html
    assert "<p>before</p>" in html
    assert "<p>after</p>" in html


def test_render_markdown_keeps_the_allowed_formatting():
    html = render_markdown(
        "## Heading\n\nSome *emphasis* and **strong** text.\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n> A quote\n\n[Our FAQ](/faq/)"
    )

    assert html == (
        "<h2>Heading</h2>\n"
        "<p>Some <em>emphasis</em> and <strong>strong</strong> text.</p>\n"
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n"
        "<blockquote>\n<p>A quote</p>\n</blockquote>\n"
        '<p><a href="/faq/">Our FAQ</a></p>'
    )


def test_render_markdown_turns_a_first_level_heading_into_h2():
    # The page title is the page's only h1.
    assert render_markdown("# Big heading") == "<h2>Big heading</h2>"


def test_render_markdown_adds_noopener_to_external_links_only(settings):
    settings.SITE_URL = "https://clinic.example"

    html = render_markdown(
        "[SAMHSA](https://www.samhsa.gov/find-help) [Home](/) [Ours](https://clinic.example/faq/)"
    )

    assert html == (
        '<p><a href="https://www.samhsa.gov/find-help" rel="noopener">SAMHSA</a> '
        '<a href="/">Home</a> <a href="https://clinic.example/faq/">Ours</a></p>'
    )


def test_render_markdown_makes_tables_accessible():
    html = render_markdown(
        "Table: Levels of care\n"
        "| Level | Hours a week |\n"
        "|---|---:|\n"
        "| Outpatient | 1 |\n"
        "| IOP | 9 |\n"
    )

    assert html == (
        '<div aria-label="Levels of care" class="table-wrap" role="region" tabindex="0">'
        "<table>\n<caption>Levels of care</caption><thead>\n<tr>\n"
        '<th scope="col">Level</th>\n<th scope="col">Hours a week</th>\n'
        "</tr>\n</thead>\n<tbody>\n"
        '<tr>\n<th scope="row">Outpatient</th>\n<td>1</td>\n</tr>\n'
        '<tr>\n<th scope="row">IOP</th>\n<td>9</td>\n</tr>\n'
        "</tbody>\n</table>\n</div>"
    )


def test_render_markdown_of_nothing_is_empty():
    assert render_markdown("") == ""
    assert render_markdown("  \n ") == ""
