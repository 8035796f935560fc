"""The forms that take a second factor: the admin's sign-in form with its code field,
the second step after the password, and the first code of a new authenticator app."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp import verify_token as verify_device_token
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice

from iop_site.models import RecoveryCodeDevice
from iop_site.two_factor.access import has_usable_passkey, may_enrol, requires_second_factor


class StaffAuthenticationForm(AdminAuthenticationForm):
    """The admin's sign-in form with one more field, the code from an authenticator app
    (or a recovery code), asked of every account that `requires_second_factor`."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=24,
        help_text=_(
            "Six digits. Needed if your account uses two-factor sign-in. Without your "
            "phone, enter one of your recovery codes instead. If you use a passkey, "
            "leave this empty: you are asked for it next."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def clean(self):
        """Check the password, then the second factor. On success the device used is
        left on `user.otp_device`, which django-otp keeps in the session at login."""
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None or not requires_second_factor(user):
            return cleaned_data
        token = cleaned_data.get("otp_token", "")
        if may_enrol(user) or (not token.strip() and has_usable_passkey(user)):
            # Signed in by password only: the admin sends the account on to set up its
            # second factor, or to confirm with its passkey.
            return cleaned_data
        user.otp_device = verify_code(user, token)
        return cleaned_data


CODE_ERRORS = {
    "token_required": _("Enter the six-digit code from your authenticator app."),
    "invalid_token": _("That code is not right. Check it and try again."),
    "throttled": _("Too many wrong codes. Wait a minute, then try again."),
    "no_device": _(
        "Your account needs two-factor sign-in but has no authenticator app set up, "
        "and the 24 hours in which you could set one up yourself have passed. Ask a "
        "superuser to reset your password; you then have 24 hours to set it up."
    ),
}


def verify_code(user, token):
    """The device of `user` that accepts `token` (a code from the authenticator app, or
    a recovery code), or a ValidationError."""
    token = "".join(token.split())
    devices = list(devices_for_user(user))
    if not devices:
        raise forms.ValidationError(CODE_ERRORS["no_device"], code="no_device")
    if not token:
        raise forms.ValidationError(CODE_ERRORS["token_required"], code="token_required")
    # Six digits are an authenticator app's; anything else can only be a recovery
    # code. Trying a code on the wrong kind would only slow that kind's next try.
    kind = TOTPDevice if token.isdigit() and len(token) == 6 else RecoveryCodeDevice
    for device in devices:
        if not isinstance(device, kind):
            continue
        allowed, details = device.verify_is_allowed()
        if not allowed:
            if details.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
                raise forms.ValidationError(CODE_ERRORS["throttled"], code="throttled")
            continue
        # Atomic, with the device row locked: one code cannot be used twice at once.
        verified = verify_device_token(user, device.persistent_id, token)
        if verified is not None:
            return verified
    raise forms.ValidationError(CODE_ERRORS["invalid_token"], code="invalid_token")


class CodeForm(forms.Form):
    """The second step for an account signed in by password: a code from the
    authenticator app or a recovery code (the passkey goes through the same page)."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        required=False,
        max_length=24,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        self.device = None
        super().__init__(*args, **kwargs)

    def clean_otp_token(self):
        self.device = verify_code(self.user, self.cleaned_data["otp_token"])
        return self.cleaned_data["otp_token"]


class EnrolmentForm(forms.Form):
    """The first code from a newly added authenticator app, which confirms it."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        help_text=_("The six digits the app shows now for this account."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split())
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("That code is not right. Check the time on your phone and try again."),
                code="invalid_token",
            )
        return token
