"""Template context every page shares."""

from django.conf import settings
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


def _nav_items():
    from programs.models import Page

    pages = [
        {"label": page.menu_label, "url": page.get_absolute_url()}
        for page in Page.objects.in_navigation().only(
            "title", "nav_label", "slug", "layout", "nav_order"
        )
    ]
    # The article library is not a page, but every visitor should find it. (The team is
    # reached from the home page and every byline; one more item would fold the menu.)
    return [*pages, {"label": _("Articles"), "url": reverse("programs:articles")}]


def site(request):
    # Lazy: a page served from the page cache, or an admin page that does not show
    # them, runs neither query.
    from programs.cache import for_current_content

    return {
        # Worked out once per process for the content as it is (phone numbers parsed).
        "clinic": SimpleLazyObject(lambda: for_current_content(request, "clinic", _clinic)),
        "nav_items": SimpleLazyObject(_nav_items),
        "accreditations": SimpleLazyObject(_accreditations),
        "site_url": settings.SITE_URL,
    }
