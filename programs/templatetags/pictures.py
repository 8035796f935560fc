"""{% picture image %}: a library image as a responsive <picture>; {% og_image image %}:
its link-preview meta tags (the clinic's default sharing image without one)."""

from urllib.parse import urljoin

from django import template
from django.conf import settings

from programs import images

register = template.Library()


@register.inclusion_tag("programs/_picture.html")
def picture(image, sizes=images.TEXT_COLUMN_SIZES, eager=False, css_class=""):
    """`sizes` says how wide the picture is shown (the text column's width unless
    told); `eager` for the one picture at the top of a page (fetched first, not lazily)."""
    return images.picture_context(image, sizes=sizes, eager=eager, css_class=css_class)


@register.inclusion_tag("programs/_og_image.html", takes_context=True)
def og_image(context, image=None):
    """og:image and its size, type and text alternative, as an absolute address."""
    if image is None:
        clinic = context.get("clinic")
        image = clinic.get("sharing_image") if clinic else None
    if image is None:
        return {}
    rendition = images.sharing_rendition(image)
    image_format = images.fallback_format(image)
    return {
        "url": urljoin(f"{settings.SITE_URL}/", rendition.url),
        "type": images.ALLOWED_FORMATS[image_format][1],
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.alt,
    }
