"""{% picture image sizes="..." %}: a library image as a responsive <picture>."""

from django import template

from programs import images

register = template.Library()

# The width a picture takes in the text column, for the browser to choose a rendition.
DEFAULT_SIZES = "(min-width: 48rem) 46rem, 100vw"


@register.inclusion_tag("programs/_picture.html")
def picture(image, sizes=DEFAULT_SIZES, eager=False, css_class=""):
    """`eager` for the one picture at the top of a page (fetched first, not lazily)."""
    return images.picture_context(image, sizes=sizes, eager=eager, css_class=css_class)
