"""The staff admin site: Django's admin with two-factor sign-in where settings ask for it.

With STAFF_REQUIRE_2FA on, members of the groups in STAFF_2FA_GROUPS (Admissions by
default: they see health information) must give a code from their authenticator app
(a TOTP device, enrolled by a superuser under "OTP TOTP > TOTP devices"). Other staff
may add a device too; once they have one, it is asked for as well.
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp.forms import OTPAuthenticationFormMixin


def requires_second_factor(user):
    """Whether `user` may only use the admin after giving a one-time code."""
    if not user.is_authenticated:
        return False
    if user_has_device(user):
        return True
    return (
        settings.STAFF_REQUIRE_2FA
        and user.groups.filter(name__in=settings.STAFF_2FA_GROUPS).exists()
    )


class StaffAuthenticationForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=12,
        help_text=_("Six digits. Needed if your account uses two-factor sign-in."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Enter the six-digit code from your authenticator app."),
        "no_device": _(
            "Your account needs two-factor sign-in but has no authenticator app set up. "
            "Ask an administrator to set one up for you."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and requires_second_factor(user):
            if not user_has_device(user):
                raise forms.ValidationError(self.otp_error_messages["no_device"], code="no_device")
            self.clean_otp(user)
        return cleaned_data

    def _chosen_device(self, user):
        # Most staff have one authenticator; use it rather than asking them to pick.
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user, confirmed=True))
            if len(devices) == 1:
                device = devices[0]
        return device


class StaffAdminSite(AdminSite):
    site_header = _("Harbor Light Recovery staff")
    site_title = _("Staff")
    index_title = _("Admissions and content")
    login_form = StaffAuthenticationForm
    login_template = "admin/staff_login.html"

    def has_permission(self, request):
        user = request.user
        return super().has_permission(request) and (
            not requires_second_factor(user) or user.is_verified()
        )
