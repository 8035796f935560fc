"""The palette: every color of site.css is a custom property of its :root block, and every
text/background pair the site uses has WCAG AA contrast (computed here, as the WCAG 2.2
definition of relative luminance says), body text 7:1."""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[1] / "static" / "css" / "site.css").read_text()
ROOT = re.search(r":root\s*\{(.*?)\n\}", CSS, re.S).group(1)
PALETTE = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})\b", ROOT))

# (text, background, least ratio): 4.5 for text (AA), 7 for the body text (AAA where it
# is easy), 3 for what is not text but must be seen (focus rings, input borders).
PAIRS = [
    ("ink", "paper", 7),
    ("ink", "wash", 7),
    ("ink", "mist", 7),
    ("ink", "safety", 7),
    ("ink", "field", 7),
    ("muted", "paper", 7),
    ("muted", "wash", 4.5),
    ("muted", "mist", 4.5),
    ("brand", "paper", 4.5),
    ("brand", "wash", 4.5),
    ("brand", "mist", 4.5),
    ("brand-dark", "paper", 4.5),
    ("brand-dark", "wash", 4.5),
    ("brand-dark", "mist", 4.5),
    ("on-brand", "brand", 4.5),
    ("on-brand", "brand-dark", 4.5),
    ("on-brand", "ink", 4.5),  # the skip link
    ("on-accent", "accent", 4.5),
    ("on-accent", "accent-hover", 4.5),
    ("accent-ink", "safety", 4.5),
    ("accent-ink", "paper", 4.5),
    ("danger", "paper", 4.5),
    ("danger", "danger-wash", 4.5),
    ("danger-ink", "danger-wash", 4.5),
    ("ok", "ok-wash", 4.5),
    ("on-footer", "footer", 7),
    ("on-footer-strong", "footer", 7),
    ("mark", "footer", 4.5),
    # Not text, but it must be seen: the focus outline, and the outline of an input.
    ("ink", "focus", 3),
    ("focus", "brand-dark", 3),
    ("control-line", "field", 3),
    ("accent", "brand-dark", 3),  # the call bar's top edge and the menu's current item
]


def luminance(color):
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_gives_the_known_extremes():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("text", "background", "least"), PAIRS)
def test_palette_pair_has_enough_contrast(text, background, least):
    ratio = contrast(PALETTE[text], PALETTE[background])

    assert ratio >= least, f"--{text} on --{background}: {ratio:.2f}:1 < {least}:1"


def test_every_color_of_the_stylesheet_is_a_palette_property():
    outside_root = CSS.replace(ROOT, "")

    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(", outside_root) == []
    # Every color the pairs name exists, and every pair-able color is checked somewhere.
    named = {name for pair in PAIRS for name in pair[:2]}
    assert named <= set(PALETTE)
    decorative = {"line", "on-brand-line", "safety-line", "on-footer-line"}
    assert set(PALETTE) - named == decorative
