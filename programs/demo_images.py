"""The demo clinic's pictures, drawn here with Pillow in the site's palette when the demo
content is loaded: calm, flat illustrations (a harbor light at dusk, a circle of chairs,
an evening path, a home, a video call), and for the team, initials on soft shapes that
are plainly not photographs of anyone.

Each picture is stored under a fixed name (images/demo/<slug>.jpg): loading the demo
again, even into an empty database, reuses a picture already in the storage and only
makes the renditions that are missing.
"""

import io
import math
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter, ImageFont

from programs import images

# The palette of static/css/site.css, and softer tints of it.
BRAND = (11, 79, 108)
BRAND_DARK = (8, 58, 80)
ACCENT = (156, 61, 0)
WARM = (255, 191, 71)
WASH = (243, 246, 248)
SAND = (244, 226, 203)
PEACH = (240, 196, 160)
SEA = (64, 128, 150)
MIST = (190, 214, 222)
SAGE = (160, 190, 160)
INK = (28, 36, 48)

# Drawn at twice the size, then scaled down: smooth edges without an anti-aliasing API.
SCALE = 2


def _canvas(width, height, top, bottom):
    """A vertical gradient from `top` to `bottom`, at SCALE times the size."""
    width, height = width * SCALE, height * SCALE
    gradient = PillowImage.linear_gradient("L").resize((width, height))
    return PillowImage.composite(
        PillowImage.new("RGB", (width, height), bottom),
        PillowImage.new("RGB", (width, height), top),
        gradient,
    )


def _finish(picture):
    return picture.resize(
        (picture.width // SCALE, picture.height // SCALE), PillowImage.Resampling.LANCZOS
    )


def _hills(draw, width, base, color, seed, amplitude=60):
    """A soft line of hills along `base` (in drawing units)."""
    rng = random.Random(seed)  # noqa: S311 - a drawing, not a secret
    points = [(0, base)]
    for x in range(0, width + 200, 200):
        points.append((x, base - rng.randint(0, amplitude * SCALE)))
    points += [(width, base), (width, base + 10_000), (0, base + 10_000)]
    draw.polygon(points, fill=color)


def harbor_light(width=1600, height=900):
    """A lighthouse on a headland at dusk, the low sun over a calm sea."""
    picture = _canvas(width, height, (250, 214, 170), (246, 236, 224))
    draw = ImageDraw.Draw(picture)
    w, h = picture.size
    # The low sun, blurred into a glow (the blur made small, then scaled up: quicker).
    glow = PillowImage.new("L", (w // 8, h // 8), 0)
    ImageDraw.Draw(glow).ellipse((w * 0.58 / 8, h * 0.30 / 8, w * 0.78 / 8, h * 0.66 / 8), fill=200)
    glow = glow.filter(ImageFilter.GaussianBlur(8)).resize(picture.size)
    picture = PillowImage.composite(
        PillowImage.new("RGB", picture.size, (255, 210, 120)), picture, glow
    )
    draw = ImageDraw.Draw(picture)
    draw.ellipse((w * 0.63, h * 0.40, w * 0.71, h * 0.54), fill=WARM)
    # Sea in calm bands.
    sea_top = int(h * 0.62)
    draw.rectangle((0, sea_top, w, h), fill=SEA)
    for index, y in enumerate(range(sea_top + 30 * SCALE, h, 34 * SCALE)):
        draw.line((w * 0.1 + index * 40, y, w * 0.9 - index * 30, y), fill=MIST, width=3 * SCALE)
    # The headland and the lighthouse.
    draw.polygon(
        [(0, h * 0.58), (w * 0.18, h * 0.52), (w * 0.34, h * 0.60), (w * 0.40, h), (0, h)],
        fill=BRAND_DARK,
    )
    tower_left, tower_right = w * 0.17, w * 0.23
    draw.polygon(
        [
            (tower_left, h * 0.54),
            (tower_right, h * 0.54),
            (w * 0.215, h * 0.26),
            (w * 0.185, h * 0.26),
        ],
        fill=WASH,
    )
    for stripe in (0.33, 0.43):
        draw.rectangle((tower_left, h * stripe, tower_right, h * (stripe + 0.04)), fill=ACCENT)
    draw.rectangle((w * 0.18, h * 0.21, w * 0.22, h * 0.26), fill=WARM)
    draw.polygon([(w * 0.17, h * 0.21), (w * 0.23, h * 0.21), (w * 0.20, h * 0.17)], fill=BRAND)
    return _finish(picture)


def circle_of_chairs(width=1600, height=900):
    """Seen from above: chairs in a circle round a low table, in a warm room."""
    picture = _canvas(width, height, SAND, (250, 240, 228))
    draw = ImageDraw.Draw(picture)
    w, h = picture.size
    draw.ellipse((w * 0.22, h * 0.10, w * 0.78, h * 0.90), fill=(236, 214, 186))
    draw.ellipse((w * 0.43, h * 0.40, w * 0.57, h * 0.60), fill=BRAND)
    draw.ellipse((w * 0.475, h * 0.455, w * 0.525, h * 0.545), fill=WARM)
    colors = [SEA, ACCENT, SAGE, BRAND, PEACH, SEA, SAGE, ACCENT]
    for index, color in enumerate(colors):
        angle = 2 * math.pi * index / len(colors)
        cx = w / 2 + math.cos(angle) * w * 0.19
        cy = h / 2 + math.sin(angle) * h * 0.30
        r = 46 * SCALE
        draw.rounded_rectangle((cx - r, cy - r, cx + r, cy + r), radius=18 * SCALE, fill=color)
        draw.rounded_rectangle(
            (cx - r * 0.6, cy - r * 0.6, cx + r * 0.6, cy + r * 0.6),
            radius=12 * SCALE,
            fill=WASH,
        )
    # A plant in the corner, for the room's warmth.
    draw.ellipse((w * 0.84, h * 0.70, w * 0.94, h * 0.86), fill=ACCENT)
    for dx, dy in ((-50, -90), (30, -110), (80, -60), (-90, -40)):
        x, y = w * 0.89 + dx * SCALE, h * 0.70 + dy * SCALE
        draw.ellipse((x - 40 * SCALE, y - 40 * SCALE, x + 40 * SCALE, y + 40 * SCALE), fill=SAGE)
    return _finish(picture)


def evening_path(width=1600, height=900):
    """A path between soft hills towards a lit window, under an early moon."""
    picture = _canvas(width, height, (150, 184, 200), (246, 222, 196))
    draw = ImageDraw.Draw(picture)
    w, h = picture.size
    draw.ellipse((w * 0.74, h * 0.12, w * 0.80, h * 0.23), fill=WASH)
    _hills(draw, w, int(h * 0.55), MIST, seed=3)
    _hills(draw, w, int(h * 0.66), SAGE, seed=5)
    _hills(draw, w, int(h * 0.78), (118, 156, 128), seed=8, amplitude=30)
    draw.polygon(
        [(w * 0.40, h), (w * 0.62, h), (w * 0.53, h * 0.62), (w * 0.51, h * 0.62)], fill=SAND
    )
    draw.rectangle((w * 0.47, h * 0.50, w * 0.57, h * 0.62), fill=BRAND_DARK)
    draw.polygon([(w * 0.455, h * 0.50), (w * 0.585, h * 0.50), (w * 0.52, h * 0.43)], fill=ACCENT)
    draw.rectangle((w * 0.50, h * 0.535, w * 0.54, h * 0.585), fill=WARM)
    return _finish(picture)


def home_together(width=1600, height=900):
    """A small house with two lit windows, a tree, and a bench before it."""
    picture = _canvas(width, height, (214, 232, 238), WASH)
    draw = ImageDraw.Draw(picture)
    w, h = picture.size
    draw.rectangle((0, h * 0.72, w, h), fill=SAGE)
    draw.rectangle((w * 0.34, h * 0.40, w * 0.66, h * 0.74), fill=PEACH)
    draw.polygon([(w * 0.30, h * 0.42), (w * 0.70, h * 0.42), (w * 0.50, h * 0.18)], fill=ACCENT)
    for left in (0.38, 0.55):
        draw.rounded_rectangle(
            (w * left, h * 0.48, w * (left + 0.07), h * 0.60), radius=6 * SCALE, fill=WARM
        )
    draw.rectangle((w * 0.475, h * 0.60, w * 0.525, h * 0.74), fill=BRAND_DARK)
    draw.rectangle((w * 0.79, h * 0.46, w * 0.81, h * 0.74), fill=BRAND_DARK)
    draw.ellipse((w * 0.72, h * 0.22, w * 0.88, h * 0.52), fill=(118, 156, 128))
    draw.rounded_rectangle((w * 0.12, h * 0.66, w * 0.24, h * 0.69), radius=4 * SCALE, fill=BRAND)
    for x in (0.13, 0.23):
        draw.rectangle((w * x, h * 0.69, w * (x + 0.01), h * 0.74), fill=BRAND)
    return _finish(picture)


def video_call(width=1600, height=900):
    """A laptop on a table showing a calm video call of soft shapes, a cup beside it."""
    picture = _canvas(width, height, SAND, (250, 240, 228))
    draw = ImageDraw.Draw(picture)
    w, h = picture.size
    draw.rectangle((0, h * 0.74, w, h), fill=(214, 176, 140))
    draw.rounded_rectangle((w * 0.28, h * 0.18, w * 0.72, h * 0.70), radius=16 * SCALE, fill=INK)
    draw.rectangle((w * 0.30, h * 0.21, w * 0.70, h * 0.66), fill=MIST)
    tiles = [(0.30, 0.21, SEA), (0.50, 0.21, SAGE), (0.30, 0.435, PEACH), (0.50, 0.435, SAND)]
    for left, top, color in tiles:
        draw.rectangle((w * left, h * top, w * (left + 0.2), h * (top + 0.225)), fill=color)
        cx, cy = w * (left + 0.1), h * (top + 0.10)
        draw.ellipse(
            (cx - 30 * SCALE, cy - 30 * SCALE, cx + 30 * SCALE, cy + 30 * SCALE), fill=WASH
        )
        draw.pieslice(
            (cx - 60 * SCALE, cy + 36 * SCALE, cx + 60 * SCALE, cy + 150 * SCALE),
            180,
            360,
            fill=WASH,
        )
    draw.polygon(
        [(w * 0.22, h * 0.76), (w * 0.78, h * 0.76), (w * 0.72, h * 0.70), (w * 0.28, h * 0.70)],
        fill=BRAND,
    )
    draw.rounded_rectangle((w * 0.80, h * 0.58, w * 0.87, h * 0.74), radius=8 * SCALE, fill=ACCENT)
    draw.arc((w * 0.855, h * 0.61, w * 0.90, h * 0.69), 270, 90, fill=ACCENT, width=8 * SCALE)
    return _finish(picture)


def initials_portrait(name, seed, size=800):
    """A person's initials on soft overlapping shapes: an illustration, not a likeness."""
    rng = random.Random(seed)  # noqa: S311 - a drawing, not a secret
    background, shape, circle = rng.sample([SAND, MIST, PEACH, SAGE, (214, 232, 238)], 3)
    picture = PillowImage.new("RGB", (size * SCALE, size * SCALE), background)
    draw = ImageDraw.Draw(picture)
    s = size * SCALE
    draw.ellipse((-s * 0.2, s * 0.55, s * 0.7, s * 1.3), fill=shape)
    draw.ellipse((s * 0.45, -s * 0.25, s * 1.2, s * 0.45), fill=shape)
    draw.ellipse((s * 0.2, s * 0.2, s * 0.8, s * 0.8), fill=circle)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=int(s * 0.22))
    draw.text((s / 2, s / 2), initials, font=font, fill=BRAND_DARK, anchor="mm")
    return _finish(picture)


# slug -> (title in the library, text alternative or "" for decorative, drawing)
PICTURES = {
    "harbor-light": (
        "Harbor light at dusk (illustration)",
        "An illustration of a lighthouse on a headland at dusk, the low sun over a calm sea.",
        harbor_light,
    ),
    "circle-of-chairs": (
        "Circle of chairs (illustration)",
        "An illustration of chairs set in a circle around a low table in a warm room.",
        circle_of_chairs,
    ),
    "evening-path": (
        "Evening path (illustration)",
        "An illustration of a path between green hills leading to a house with a lit "
        "window at dusk.",
        evening_path,
    ),
    "home-together": (
        "Home with lit windows (illustration)",
        "An illustration of a small house with warm lit windows, a tree and a bench.",
        home_together,
    ),
    "video-call": (
        "Video call (illustration)",
        "An illustration of a laptop on a table showing a video call with four people, "
        "a cup beside it.",
        video_call,
    ),
}


def _store(name, drawing):
    """The stored picture at `name`, drawn and cleaned first if the storage lacks it."""
    if not default_storage.exists(name):
        output = io.BytesIO()
        drawing().save(output, "JPEG", quality=95)
        default_storage.save(name, images.clean_upload(ContentFile(output.getvalue(), name)))
    return name


def demo_file(slug):
    """Where the demo picture `slug` is stored."""
    return f"images/demo/{slug}.jpg"


def demo_image(slug, title, alt_text, drawing):
    """The library image `slug` of the demo: found by its file, or created with it.
    Its renditions are made if any is missing."""
    from programs.models import Image

    name = demo_file(slug)
    image = Image.objects.filter(file=name).first()
    if image is None:
        _store(name, drawing)
        image = Image(title=title, alt_text=alt_text, is_decorative=not alt_text, file=name)
        image.save()
    images.make_renditions(image)
    return image


def picture(slug):
    title, alt_text, drawing = PICTURES[slug]
    return demo_image(slug, title, alt_text, drawing)


def portrait(person):
    """An initials illustration for `person`: decorative, as their name is beside it."""
    return demo_image(
        f"portrait-{person.slug}",
        f"{person.name} (initials illustration)",
        "",
        lambda: initials_portrait(person.name, seed=person.slug),
    )
