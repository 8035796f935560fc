"""Small factory helpers for tests: make_<thing>(**overrides) returns a saved object."""

from django.contrib.auth import get_user_model


def make_user(username="staff", groups=(), password="a long test password 123", **fields):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, password=password, is_staff=True, **fields
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


# --- programs ------------------------------------------------------------------------


def admin_form(model, data, **inlines):
    """`data` (a POST to `model`'s admin, with its inlines' {prefix: model}) with each
    translated field named as the admin's form names it, in English: the admin shows a
    translated field once per language (title_en, title_es; programs/translation.py).
    "_preview" names a field too."""
    from modeltranslation.translator import NotRegistered, translator

    def translated(of):
        try:
            return set(translator.get_options_for_model(of).all_fields)
        except NotRegistered:
            return set()

    fields = translated(model)
    inline_fields = {prefix: translated(inline) for prefix, inline in inlines.items()}

    def english(key):
        prefix, _, name = key.rpartition("-")
        names = inline_fields.get(prefix.split("-")[0], set()) if prefix else fields
        return f"{key}_en" if name in names else key

    renamed = {english(key): value for key, value in data.items()}
    if "_preview" in renamed:
        renamed["_preview"] = english(renamed["_preview"])
    return renamed


def make_page(slug="about-us", **overrides):
    """A published page in the main menu, unless overridden."""
    from programs.models import Page

    fields = {
        "title": "About us",
        "meta_description": "Who we are.",
        "body": "We run an evening program.",
        "status": Page.Status.PUBLISHED,
        "show_in_nav": True,
    }
    fields.update(overrides)
    return Page.objects.create(slug=slug, **fields)


def make_track(slug="evening", sessions=((0, "18:00", "21:00"),), **overrides):
    """A published track with sessions given as (weekday, start, end) tuples."""
    import datetime

    from programs.models import Session, Track

    fields = {
        "name": "Evening track",
        "description": "Three evenings a week.",
        "is_published": True,
    }
    fields.update(overrides)
    track = Track.objects.create(slug=slug, **fields)
    for weekday, start, end in sessions:
        Session.objects.create(
            track=track,
            weekday=weekday,
            start_time=datetime.time.fromisoformat(start),
            end_time=datetime.time.fromisoformat(end),
        )
    return track


def make_therapy(slug="group-therapy", **overrides):
    from programs.models import Therapy

    fields = {"title": "Group therapy", "summary": "Together.", "is_published": True}
    fields.update(overrides)
    return Therapy.objects.create(slug=slug, **fields)


def make_faq(slug="how-long", **overrides):
    from programs.models import FaqEntry

    fields = {"question": "How long?", "answer": "Eight to twelve weeks.", "is_published": True}
    fields.update(overrides)
    return FaqEntry.objects.create(slug=slug, **fields)


def make_clinic_settings(**overrides):
    import datetime

    from programs.models import ClinicSettings

    fields = {
        "name": "Test Clinic",
        "admissions_phone": "+15550100142",
        "street_address": "1 Test Street",
        "city": "Testville",
        "region": "OR",
        "postal_code": "97001",
        "opening_hours": "Office: Monday to Friday, 9 am to 5 pm",
        "opening_hours_spec": "Mo-Fr 09:00-17:00",
        "license_number": "TEST123",
        "license_expires": datetime.date(2030, 1, 31),
    }
    fields.update(overrides)
    return ClinicSettings.objects.create(**fields)


def make_accreditation(**overrides):
    """A published accreditation, shown in the footer."""
    from programs.models import Accreditation

    fields = {
        "name": "Behavioral Health Care Accreditation",
        "issuer": "The Joint Commission",
        "mark": "TJC",
        "url": "https://www.qualitycheck.org/",
        "is_published": True,
    }
    fields.update(overrides)
    return Accreditation.objects.create(**fields)


# --- admissions ----------------------------------------------------------------------


def make_inquiry(**overrides):
    """A saved website inquiry with plausible defaults; any field can be overridden."""
    from django.utils import timezone

    from admissions.models import Inquiry

    fields = {
        "first_name": "Sam",
        "phone": "+12025550143",
        "email": "",
        "contact_method": Inquiry.ContactMethod.CALL,
        "consent_at": timezone.now(),
    }
    fields.update(overrides)
    return Inquiry.objects.create(**fields)


def move(inquiry, status, by=None):
    """Walk `inquiry` one step to `status` as staff would: Assessment scheduled is
    reached by booking the appointment (tomorrow, in person)."""
    import datetime

    from django.utils import timezone

    from admissions.models import Inquiry

    if status == Inquiry.Status.ASSESSMENT_SCHEDULED:
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        return inquiry.book_appointment(tomorrow, mode="in_person", by=by)
    return inquiry.move_to(status, by=by)
