"""Who must give a second factor to use the admin, and whether they have given it."""

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django_otp import user_has_device

from admissions.models import (
    AccessRecord,
    Appointment,
    ContactAttempt,
    Inquiry,
    InquiryEvent,
    Note,
    Notification,
)
from iop_site.models import EnrolmentWindow, Passkey, relying_party

# What a visitor told the clinic, everything written about it, and who looked at it.
INQUIRY_DATA_MODELS = (
    Inquiry,
    InquiryEvent,
    Note,
    ContactAttempt,
    Appointment,
    Notification,
    AccessRecord,
)
# Permissions on those models that show no inquiry: the report is counts only.
COUNTS_ONLY_PERMISSIONS = frozenset({"admissions.view_inquiry_report"})


def inquiry_data_permissions():
    """Every permission ("app_label.codename") that opens some inquiry data: the add,
    change, delete and view permissions of the inquiry models and their own extra
    ones (such as export), less the counts-only report."""
    permissions = set()
    for model in INQUIRY_DATA_MODELS:
        opts = model._meta
        codenames = [get_permission_codename(action, opts) for action in opts.default_permissions]
        codenames += [codename for codename, _name in opts.permissions]
        permissions.update(f"{opts.app_label}.{codename}" for codename in codenames)
    return permissions - COUNTS_ONLY_PERMISSIONS


def can_view_inquiry_data(user):
    """Whether `user` can see any inquiry data: a superuser, or anyone holding one of
    `inquiry_data_permissions()` through a group or directly. The one rule for who
    needs two-factor sign-in."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return not inquiry_data_permissions().isdisjoint(user.get_all_permissions())


def requires_second_factor(user):
    """Whether `user` may only use the admin after giving a second factor: anyone who
    has one, and with STAFF_REQUIRE_2FA on anyone who can see inquiry data."""
    if not user.is_authenticated:
        return False
    if user_has_device(user):
        return True
    return settings.STAFF_REQUIRE_2FA and can_view_inquiry_data(user)


def may_enrol(user):
    """Whether `user`, signed in with a password, may set up its first second factor
    itself: only within its EnrolmentWindow (24 hours after its account was created or
    a superuser set its password), so that a stolen password cannot add a phone."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and not user_has_device(user)
        and EnrolmentWindow.is_open_for(user)
    )


def is_verified(user):
    """Whether this request's user gave a second factor in this session. django-otp's
    middleware (or its `login`) sets `user.otp_device` to the device they used."""
    return getattr(user, "otp_device", None) is not None


def has_usable_passkey(user):
    """Whether `user` has a passkey and the site's address can have passkeys (see
    `relying_party`), so that it can be asked for one."""
    return relying_party() is not None and Passkey.objects.filter(user=user).exists()
