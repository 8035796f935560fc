"""The staff admin site: Django's admin with two-factor sign-in where settings ask for it.

With STAFF_REQUIRE_2FA on, every account that can see inquiry data (see
`can_view_inquiry_data`) must give a code from its authenticator app (a TOTP device)
to use the admin. Other staff may add a device too; once they have one, it is asked
for as well. The rule is checked on every admin request, not only at sign-in.
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_permission_codename
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import verify_token as verify_device_token
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice

from admissions.models import ContactAttempt, Inquiry, InquiryEvent, Note, Notification

# What a visitor told the clinic, and everything written about it.
INQUIRY_DATA_MODELS = (Inquiry, InquiryEvent, Note, ContactAttempt, Notification)
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


def is_verified(user):
    """Whether this request's user gave a second factor in this session. django-otp's
    middleware (or its `login`) sets `user.otp_device` to the device they used."""
    return getattr(user, "otp_device", None) is not None


class StaffAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form with one more field, the code from an authenticator app,
    asked of every account that `requires_second_factor`."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=12,
        help_text=_("Six digits. Needed if your account uses two-factor sign-in."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    otp_error_messages = {
        "token_required": _("Enter the six-digit code from your authenticator app."),
        "invalid_token": _("That code is not right. Check it and try again."),
        "throttled": _("Too many wrong codes. Wait a minute, then try again."),
        "no_device": _(
            "Your account needs two-factor sign-in but has no authenticator app set up. "
            "Ask a superuser to set one up for you."
        ),
    }

    def clean(self):
        """Check the password, then the second factor. On success the device used is
        left on `user.otp_device`, which django-otp keeps in the session at login."""
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and requires_second_factor(user):
            user.otp_device = self.verified_device(user, cleaned_data.get("otp_token", ""))
        return cleaned_data

    def verified_device(self, user, token):
        """The device of `user` that accepts `token`, or a ValidationError."""
        token = "".join(token.split())
        devices = list(devices_for_user(user))
        if not devices:
            raise forms.ValidationError(self.otp_error_messages["no_device"], code="no_device")
        if not token:
            raise forms.ValidationError(
                self.otp_error_messages["token_required"], code="token_required"
            )
        for device in devices:
            if not isinstance(device, TOTPDevice):
                continue
            allowed, details = device.verify_is_allowed()
            if not allowed:
                if details.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
                    raise forms.ValidationError(
                        self.otp_error_messages["throttled"], code="throttled"
                    )
                continue
            # Atomic, with the device row locked: one code cannot be used twice at once.
            verified = verify_device_token(user, device.persistent_id, token)
            if verified is not None:
                return verified
        raise forms.ValidationError(self.otp_error_messages["invalid_token"], code="invalid_token")


class StaffAdminSite(AdminSite):
    site_header = _("Harbor Light Recovery staff")
    site_title = _("Staff")
    index_title = _("Admissions and content")
    login_form = StaffAuthenticationForm
    login_template = "admin/staff_login.html"

    def has_permission(self, request):
        """Active staff, who gave their second factor in this session if their account
        needs one. Checked on every request, so an account given access to inquiries
        after it signed in is stopped at its next page until it signs in again."""
        if not super().has_permission(request):
            return False
        return is_verified(request.user) or not requires_second_factor(request.user)
