"""Template context every page shares."""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _


def clinic_fallback():
    """The clinic's name and phone from settings: what a page shows when the
    database cannot be asked (error pages), or before the clinic's details are entered."""
    phone = settings.CLINIC_FALLBACK_PHONE
    digits = "".join(ch for ch in phone if ch.isdigit())
    e164 = f"+1{digits}" if len(digits) == 10 else f"+{digits}"
    return {
        "name": settings.CLINIC_FALLBACK_NAME,
        "phone": phone,
        "phone_e164": e164,
        "phone_uri": f"tel:{e164}",
    }


def _clinic():
    from programs.models import ClinicSettings

    clinic_settings = ClinicSettings.load()
    return clinic_settings.as_context() if clinic_settings else clinic_fallback()


def _accreditations():
    from programs.models import Accreditation

    return list(Accreditation.objects.published().select_related("badge"))


# The notices the footer links to from every page, by their English addresses.
FOOTER_PAGES = ("privacy", "privacy-practices", "terms", "accessibility")


def _linked_pages():
    """The pages every page links to, in one query: the menu's ({"label", "url"}, in
    order, then the article library) and the footer's notices ({English address:
    address in the page's language}, for those published), read in the active language
    so a Spanish page links straight to each page's Spanish address."""
    from programs.models import Page
    from programs.translation import localized

    english_slug = localized("slug", settings.LANGUAGE_CODE)
    pages = (
        Page.objects.published()
        .filter(Q(show_in_nav=True) | Q(**{f"{english_slug}__in": FOOTER_PAGES}))
        .order_by("nav_order", "title")
        .only("title", "nav_label", "slug", english_slug, "layout", "nav_order", "show_in_nav")
    )
    menu, footer = [], {}
    for page in pages:
        if page.show_in_nav:
            menu.append({"label": page.menu_label, "url": page.get_absolute_url()})
        if getattr(page, english_slug) in FOOTER_PAGES:
            footer[getattr(page, english_slug)] = page.get_absolute_url()
    # The article library is not a page, but every visitor should find it. (The team is
    # reached from the home page and every byline; one more item would fold the menu.)
    menu.append({"label": _("Articles"), "url": reverse("programs:articles")})
    return {"menu": menu, "footer": footer}


def site(request):
    # Lazy: a page served from the page cache, or an admin page that does not show
    # them, runs neither query.
    from programs.cache import for_current_content

    linked_pages = SimpleLazyObject(_linked_pages)
    return {
        # Worked out once per process for the content as it is (phone numbers parsed).
        "clinic": SimpleLazyObject(lambda: for_current_content(request, "clinic", _clinic)),
        "nav_items": SimpleLazyObject(lambda: linked_pages["menu"]),
        "footer_pages": SimpleLazyObject(lambda: linked_pages["footer"]),
        "accreditations": SimpleLazyObject(_accreditations),
        "site_url": settings.SITE_URL,
    }
