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
