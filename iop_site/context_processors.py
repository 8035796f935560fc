"""Template context every page shares."""

from django.conf import settings


def clinic_fallback():
    """The clinic's name and phone from settings: what a page shows when the
    database cannot be asked (error pages)."""
    phone = settings.CLINIC_FALLBACK_PHONE
    digits = "".join(ch for ch in phone if ch.isdigit())
    return {
        "name": settings.CLINIC_FALLBACK_NAME,
        "phone": phone,
        "phone_uri": f"tel:+1{digits}" if len(digits) == 10 else f"tel:{digits}",
    }


def site(request):
    return {
        "clinic": clinic_fallback(),
        "nav_items": [],
        "site_url": settings.SITE_URL,
    }
