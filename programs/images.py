"""Uploaded pictures: checked, cleaned and cut into responsive renditions.

An upload is opened with Pillow (never trusted by its name or its declared type), must
be a single-frame JPEG, PNG or WebP within the size and pixel limits, is turned the
right way up (EXIF orientation) and is then re-encoded from its pixels alone: no EXIF,
GPS position, XMP, camera serial or comment survives, and a colour profile is converted
to sRGB and dropped. Only that clean copy is ever stored.

Renditions (django-imagekit specs over the clean copy) are a few widths, each as WebP
and as a JPEG (or PNG, for a picture with transparency) fallback. They are made once,
when the picture is saved, through the default storage (STORAGES["default"]); a page
only computes their names, so rendering a picture costs no query and no storage call.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from imagekit.cachefiles import ImageCacheFile
from imagekit.processors import ResizeToFit
from imagekit.specs import ImageSpec
from imagekit.utils import generate
from PIL import Image as PillowImage
from PIL import ImageCms, ImageOps, UnidentifiedImageError

# Pillow's format name -> (file extension, MIME type) of the formats editors may upload.
ALLOWED_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
# The clean copy is at most this wide or tall: no page shows more, and renditions of a
# smaller master are quicker to make.
MASTER_MAX_SIDE = 2400
# Rendition widths, in pixels. A picture narrower than one of these gets its own width.
RENDITION_WIDTHS = (400, 800, 1200, 1600)
# The width a picture takes in the text column (--measure, 68ch), for `sizes`.
TEXT_COLUMN_SIZES = "(min-width: 48rem) 42rem, calc(100vw - 2rem)"
# og:image: a 1200-pixel-wide JPEG/PNG (what sharing previews ask for).
SHARING_WIDTH = 1200
SAVE_OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "method": 4},
}
MASTER_SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90, "method": 4},
}


def max_upload_bytes():
    return settings.IMAGE_MAX_UPLOAD_BYTES


def max_pixels():
    return settings.IMAGE_MAX_PIXELS


# --- Cleaning an upload ----------------------------------------------------------------


class CleanPicture(ContentFile):
    """A picture as clean_upload made it: what Image.save stores as it is."""

    def __init__(self, content, name, size, has_transparency):
        super().__init__(content, name=name)
        self.width, self.height = size
        self.has_transparency = has_transparency


def clean_upload(upload):
    """A CleanPicture holding the cleaned picture, named after the upload with the
    extension of its real format. Raises ValidationError with a message for the editor
    when it is not a picture to accept."""
    if upload.size is not None and upload.size > max_upload_bytes():
        raise ValidationError(
            _("This file is %(size)s; pictures can be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_bytes())},
            code="too_large",
        )
    upload.seek(0)
    picture, image_format = _open(upload)
    picture = ImageOps.exif_transpose(picture)
    picture = _in_srgb(picture)
    picture = _pixels_only(picture)
    picture.thumbnail((MASTER_MAX_SIDE, MASTER_MAX_SIDE), PillowImage.Resampling.LANCZOS)
    if image_format == "JPEG" and picture.mode != "RGB":
        picture = picture.convert("RGB")
    output = io.BytesIO()
    picture.save(output, image_format, **MASTER_SAVE_OPTIONS[image_format])
    extension = ALLOWED_FORMATS[image_format][0]
    stem = slugify(upload.name.rsplit("/", 1)[-1].rsplit(".", 1)[0])[:60] or "image"
    return CleanPicture(
        output.getvalue(),
        name=f"{stem}.{extension}",
        size=picture.size,
        has_transparency=picture.mode == "RGBA",
    )


def _not_a_picture():
    return ValidationError(
        _(
            "This file is not a JPEG, PNG or WebP picture (whatever its name says). "
            "Please export the picture as one of these and upload it again."
        ),
        code="not_an_image",
    )


def _too_many_pixels(width=None, height=None):
    limit = max_pixels() / 1_000_000
    if width and height:
        message = _(
            "This picture is %(width)s by %(height)s pixels, more than the %(limit)g million "
            "pixels allowed. Please make it smaller and upload it again."
        ) % {"width": width, "height": height, "limit": limit}
    else:
        message = _(
            "This picture has more than the %(limit)g million pixels allowed. Please make "
            "it smaller and upload it again."
        ) % {"limit": limit}
    return ValidationError(message, code="too_many_pixels")


def _open(upload):
    """The upload's first and only frame, fully decoded, and its format."""
    with warnings.catch_warnings():
        # Past MAX_IMAGE_PIXELS Pillow only warns; past twice that it refuses. Both are
        # refused here, before a single pixel is decoded.
        warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
        try:
            picture = PillowImage.open(upload, formats=list(ALLOWED_FORMATS))
        except (PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning):
            raise _too_many_pixels() from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise _not_a_picture() from None
        width, height = picture.size
        if width * height > max_pixels():
            raise _too_many_pixels(width, height)
        if getattr(picture, "n_frames", 1) > 1:
            raise ValidationError(
                _("Moving (animated) pictures are not accepted: please upload a still one."),
                code="animated",
            )
        try:
            picture.load()
        except (OSError, ValueError, SyntaxError, PillowImage.DecompressionBombWarning):
            raise ValidationError(
                _("This picture is damaged or cut short. Please export it again."),
                code="damaged",
            ) from None
    return picture, picture.format


def _in_srgb(picture):
    """The picture converted to sRGB if it carries another colour profile."""
    profile = picture.info.get("icc_profile")
    if not profile or picture.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return picture
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = "RGBA" if picture.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(
            picture, source, ImageCms.createProfile("sRGB"), outputMode=output_mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        # A broken profile: the pixels are kept as they are.
        return picture


def _pixels_only(picture):
    """A new picture made of the pixels alone: RGB, or RGBA when it has transparency.
    Nothing of the file's metadata (picture.info, EXIF, XMP, comments) comes along."""
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or (
        picture.mode == "P" and "transparency" in picture.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    converted = picture.convert(mode)
    return PillowImage.frombytes(mode, converted.size, converted.tobytes())


# --- Renditions ------------------------------------------------------------------------


class Rendition(ImageSpec):
    """One width of a picture in one format, made by imagekit from the clean copy."""

    def __init__(self, source, width, image_format):
        self.processors = [ResizeToFit(width=width, upscale=False)]
        self.format = image_format
        self.options = SAVE_OPTIONS[image_format]
        super().__init__(source=source)


@dataclass(frozen=True)
class Candidate:
    url: str
    width: int
    height: int


def fallback_format(image):
    """JPEG for an opaque picture, PNG for one with transparency (WebP is offered first
    to every browser that takes it)."""
    return "PNG" if image.has_transparency else "JPEG"


def rendition_widths(image):
    """The widths made of `image`: the standard ones narrower than it, and its own
    width when it is narrower than the widest standard one."""
    widths = [width for width in RENDITION_WIDTHS if width < image.width]
    if image.width <= RENDITION_WIDTHS[-1]:
        widths.append(image.width)
    return widths


def rendition_file(image, width, image_format):
    return ImageCacheFile(Rendition(image.file, width, image_format))


def all_rendition_files(image):
    formats = ["WEBP", fallback_format(image)]
    files = [
        rendition_file(image, width, image_format)
        for width in rendition_widths(image)
        for image_format in formats
    ]
    if SHARING_WIDTH not in rendition_widths(image):
        files.append(rendition_file(image, SHARING_WIDTH, fallback_format(image)))
    return files


def stored_names(image):
    """The storage names of every file kept for `image`: its clean copy and each of its
    renditions. Names only: no storage is asked."""
    return [image.file.name, *(file.name for file in all_rendition_files(image))]


def delete_stored_files(names):
    """Delete the named files from the default storage; one already gone is skipped
    (both Django's file system storage and S3 treat that as done)."""
    for name in names:
        default_storage.delete(name)


def make_renditions(image, force=False):
    """Write every rendition of `image` to the storage that is not there yet (all of
    them with force=True). Returns how many files were written."""
    written = 0
    for file in all_rendition_files(image):
        exists = file.storage.exists(file.name)
        if exists and not force:
            continue
        if exists:
            file.storage.delete(file.name)
        # Straight to the storage: imagekit's own backends would also keep each file's
        # state in the cache, which the storage already knows.
        file.storage.save(file.name, generate(file.generator))
        written += 1
    return written


def candidates(image, image_format):
    """The renditions of `image` in `image_format`, narrowest first. Names only: no
    storage is asked."""
    result = []
    for width in rendition_widths(image):
        height = round(image.height * width / image.width)
        result.append(Candidate(rendition_file(image, width, image_format).url, width, height))
    return result


def sharing_rendition(image):
    """The 1200-pixel-wide (or narrower, never enlarged) JPEG/PNG shown by link
    previews."""
    width = min(SHARING_WIDTH, image.width)
    height = round(image.height * width / image.width)
    return Candidate(
        rendition_file(image, SHARING_WIDTH, fallback_format(image)).url, width, height
    )


def srcset(candidates_):
    return ", ".join(f"{candidate.url} {candidate.width}w" for candidate in candidates_)


def picture_context(image, sizes, eager=False, max_width=None, css_class=""):
    """What programs/_picture.html needs to show `image`: WebP and fallback srcsets,
    the intrinsic width and height (no layout shift; at most `max_width` wide when
    given), and lazy loading unless `eager` (a picture at the top of the page, which is
    then fetched first)."""
    webp = candidates(image, "WEBP")
    fallback = candidates(image, fallback_format(image))
    widest = fallback[-1]
    width, height = widest.width, widest.height
    if max_width and width > max_width:
        width, height = max_width, round(height * max_width / width)
    # The plain `src`, for browsers without srcset: a middling width.
    src = next((c for c in fallback if c.width >= 800), widest).url
    return {
        "webp_srcset": srcset(webp),
        "srcset": srcset(fallback),
        "src": src,
        "sizes": sizes,
        "width": width,
        "height": height,
        "alt": image.alt,
        "eager": eager,
        "css_class": css_class,
    }
