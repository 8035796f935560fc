"""The staff admin site: Django's admin with two-factor sign-in where settings ask for it.

With STAFF_REQUIRE_2FA on, every account that can see inquiry data (see
`can_view_inquiry_data`) must give a second factor after its password to use the
admin: a code from its authenticator app (a TOTP device, the path that needs no
JavaScript), a passkey, or one of its recovery codes. Other staff may add a device too;
once they have one, it is asked for as well. The rule is checked on every admin
request, not only at sign-in.
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.admin import display as admin_display
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.utils import unquote
from django.contrib.auth import REDIRECT_FIELD_NAME, get_permission_codename, get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp import verify_token as verify_device_token
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice

from admissions.models import ContactAttempt, Inquiry, InquiryEvent, Note, Notification

from .models import EnrolmentWindow, Passkey, PasskeyError, RecoveryCodeDevice, relying_party

# Where a passkey ceremony's challenge waits between the page and the browser's answer.
PASSKEY_REGISTRATION_CHALLENGE = "iop_site.passkey_registration_challenge"
PASSKEY_AUTHENTICATION_CHALLENGE = "iop_site.passkey_authentication_challenge"

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


def has_usable_passkey(user):
    return relying_party() is not None and Passkey.objects.filter(user=user).exists()


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


def authenticator_secret(device):
    """The device's secret as an authenticator app takes it when typed (base32)."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class RecoveryCodeDeviceAdmin(ModelAdmin):
    """For a superuser resetting someone's second factor: see and delete, nothing else."""

    list_display = ("user", "unused_codes")
    list_select_related = ("user",)
    fields = ("user", "name")
    readonly_fields = ("user", "name")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(unused=Count("codes", filter=Q(codes__used_at__isnull=True)))
        )

    @admin_display(description=_("unused codes"), ordering="unused")
    def unused_codes(self, device):
        return device.unused

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PasskeyAdmin(ModelAdmin):
    """For a superuser resetting someone's second factor: see and delete, nothing else."""

    list_display = ("name", "user", "created_at", "last_used_at")
    list_select_related = ("user",)
    fields = ("user", "name", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StaffAdminSite(AdminSite):
    site_header = _("Harbor Light Recovery staff")
    site_title = _("Staff")
    index_title = _("Admissions and content")
    login_form = StaffAuthenticationForm
    login_template = "admin/staff_login.html"

    def __init__(self, name="admin"):
        super().__init__(name)
        # This module is the site's own, imported before the site exists, so the
        # site's models are registered here rather than with @admin.register.
        self.register(RecoveryCodeDevice, RecoveryCodeDeviceAdmin)
        self.register(Passkey, PasskeyAdmin)

    def has_permission(self, request):
        """Active staff, who gave their second factor in this session if their account
        needs one. Checked on every request, so an account given access to inquiries
        after it signed in is stopped at its next page until it signs in again."""
        if not super().has_permission(request):
            return False
        return is_verified(request.user) or not requires_second_factor(request.user)

    def get_urls(self):
        user_opts = get_user_model()._meta
        return [
            # Not behind admin_view: the account has not given its second factor yet.
            path("two-factor/set-up/", self.enrol_view, name="two_factor_enrol"),
            path("two-factor/verify/", self.verify_view, name="two_factor_verify"),
            path("two-factor/passkeys/add/", self.add_passkey_view, name="two_factor_add_passkey"),
            path(
                "two-factor/passkeys/",
                self.admin_view(self.passkeys_view),
                name="two_factor_passkeys",
            ),
            path(
                "two-factor/recovery-codes/",
                self.admin_view(self.recovery_codes_view),
                name="two_factor_recovery_codes",
            ),
            # Before the user admin's own route, which it wraps.
            path(
                f"{user_opts.app_label}/{user_opts.model_name}/<id>/password/",
                self.admin_view(self.set_password_view),
            ),
            *super().get_urls(),
        ]

    def login(self, request, extra_context=None):
        """The admin's login. An account signed in by password that still owes its
        second factor is sent on, keeping where it was going: to set one up (within its
        enrolment window), or to confirm with its passkey."""
        response = super().login(request, extra_context)
        user = request.user
        if request.method == "POST" and response.status_code != 302:
            return response  # the form with its errors
        if is_verified(user) or not requires_second_factor(user):
            return response
        if may_enrol(user):
            step = "admin:two_factor_enrol"
        elif user_has_device(user):
            step = "admin:two_factor_verify"
        else:
            return response
        next_url = request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME))
        query = f"?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else ""
        return redirect(reverse(step, current_app=self.name) + query)

    def passkey_registration_context(self, request):
        """Options for adding a passkey to this account, their challenge kept in the
        session; empty where the site's address cannot have passkeys."""
        if relying_party() is None:
            return {}
        options, challenge = Passkey.registration_options(request.user)
        request.session[PASSKEY_REGISTRATION_CHALLENGE] = challenge
        return {"passkey_registration_options": options}

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def verify_view(self, request):
        """The second step after the password, for an account that has a second factor:
        its passkey (with JavaScript), or a code from its authenticator app or a
        recovery code (without). Side effect: marks the session as verified."""
        user = request.user
        if not user.is_authenticated or not user.is_active or not user.is_staff:
            return redirect(reverse("admin:login", current_app=self.name))
        next_url = self._next_url(request)
        if is_verified(user) or not user_has_device(user):
            return redirect(next_url)
        form = CodeForm(user, request.POST if "otp_token" in request.POST else None)
        if request.method == "POST" and "credential" in request.POST:
            challenge = request.session.pop(PASSKEY_AUTHENTICATION_CHALLENGE, None)
            try:
                if challenge is None or relying_party() is None:
                    raise PasskeyError(_("That passkey did not sign you in. Try again."))
                with transaction.atomic():
                    device = Passkey.verify(user, request.POST["credential"], challenge)
            except PasskeyError as error:
                messages.error(request, str(error))
            else:
                otp_login(request, device)
                return redirect(next_url)
        elif request.method == "POST" and form.is_valid():
            otp_login(request, form.device)
            return redirect(next_url)
        context = {
            **self.each_context(request),
            "title": _("Confirm it is you"),
            "next": next_url,
            "form": form,
            "has_codes": any(not isinstance(device, Passkey) for device in devices_for_user(user)),
        }
        if has_usable_passkey(user):
            options, challenge = Passkey.authentication_options(user)
            request.session[PASSKEY_AUTHENTICATION_CHALLENGE] = challenge
            context["passkey_authentication_options"] = options
        return TemplateResponse(request, "admin/two_factor_verify.html", context)

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def add_passkey_view(self, request):
        """POST only: the browser's answer to the registration options a page gave.
        For a verified session, adds a passkey beside its other factors; for an account
        setting up its first factor (`may_enrol`), the passkey is that factor, and ten
        recovery codes are made as for the authenticator app. Side effects: saves the
        passkey; when enrolling, closes the window and marks the session verified."""
        user = request.user
        enrolling = not is_verified(user) and may_enrol(user)
        adding = is_verified(user) and self.has_permission(request)
        if request.method != "POST" or not (enrolling or adding):
            return redirect(reverse("admin:login", current_app=self.name))
        next_url = self._next_url(request)
        back = reverse(
            "admin:two_factor_enrol" if enrolling else "admin:two_factor_passkeys",
            current_app=self.name,
        )
        challenge = request.session.pop(PASSKEY_REGISTRATION_CHALLENGE, None)
        try:
            if challenge is None or relying_party() is None:
                raise PasskeyError(_("The passkey could not be checked. Try again."))
            with transaction.atomic():
                passkey = Passkey.register(user, request.POST.get("credential", ""), challenge)
                if enrolling:
                    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                    EnrolmentWindow.close_for(user)
                    codes = RecoveryCodeDevice.replace_for(user)
        except PasskeyError as error:
            messages.error(request, str(error))
            return redirect(f"{back}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        if enrolling:
            otp_login(request, passkey)
            return self.recovery_codes_response(request, codes, next_url)
        messages.success(request, _("Your passkey was added."))
        return redirect(back)

    @method_decorator(never_cache)
    def passkeys_view(self, request):
        """This account's passkeys, and a button to add one. Only for a session that
        gave its second factor."""
        if not is_verified(request.user):
            return redirect(reverse("admin:index", current_app=self.name))
        context = {
            **self.each_context(request),
            "title": _("Passkeys"),
            "passkeys": Passkey.objects.filter(user=request.user),
            "next": reverse("admin:two_factor_passkeys", current_app=self.name),
            **self.passkey_registration_context(request),
        }
        return TemplateResponse(request, "admin/two_factor_passkeys.html", context)

    def _next_url(self, request):
        next_url = request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME, ""))
        if url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return next_url
        return reverse("admin:index", current_app=self.name)

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def enrol_view(self, request):
        """Set up an authenticator app: a QR code and the secret as text, then the first
        code to confirm it. Only for an account signed in by password that `may_enrol`;
        any other is told to ask a superuser. Side effects: creates the account's
        unconfirmed TOTP device; on a right code confirms it, closes the enrolment
        window, makes ten recovery codes (shown once, in the response) and marks the
        session as verified."""
        user = request.user
        if not user.is_authenticated:
            return redirect(reverse("admin:login", current_app=self.name))
        if is_verified(user) or user_has_device(user):
            return redirect(self._next_url(request))
        context = {
            **self.each_context(request),
            "title": _("Set up two-factor sign-in"),
            "next": self._next_url(request),
        }
        if not may_enrol(user):
            context["closed"] = True
            return TemplateResponse(request, "admin/two_factor_enrol.html", context, status=403)
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name=str(_("Authenticator app")), confirmed=False
            )
        form = EnrolmentForm(device, request.POST or None)
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                EnrolmentWindow.close_for(user)
                codes = RecoveryCodeDevice.replace_for(user)
            otp_login(request, device)
            return self.recovery_codes_response(request, codes, context["next"])
        context.update(
            form=form,
            qr_code=segno.make(device.config_url, error="m").svg_data_uri(scale=4),
            secret=authenticator_secret(device),
            closes_at=user.enrolment_window.closes_at,
            **self.passkey_registration_context(request),
        )
        return TemplateResponse(request, "admin/two_factor_enrol.html", context)

    def recovery_codes_response(self, request, codes, next_url):
        """The one page that ever shows these recovery codes."""
        context = {
            **self.each_context(request),
            "title": _("Your recovery codes"),
            "codes": codes,
            "next": next_url,
        }
        return TemplateResponse(request, "admin/two_factor_recovery_codes.html", context)

    @method_decorator(never_cache)
    def recovery_codes_view(self, request):
        """How many recovery codes are left; on POST, ten new ones (the old ones stop
        working). Only for a session that gave its second factor."""
        user = request.user
        if not is_verified(user):
            return redirect(reverse("admin:index", current_app=self.name))
        if request.method == "POST":
            codes = RecoveryCodeDevice.replace_for(user)
            return self.recovery_codes_response(
                request, codes, reverse("admin:index", current_app=self.name)
            )
        device = RecoveryCodeDevice.objects.filter(user=user).first()
        context = {
            **self.each_context(request),
            "title": _("Recovery codes"),
            "remaining": device.remaining() if device is not None else 0,
        }
        return TemplateResponse(request, "admin/two_factor_recovery_codes.html", context)

    def set_password_view(self, request, id):
        """django.contrib.auth's own "set password" page for an account. When a
        superuser sets another account's password with it, that account may set up its
        second factor itself for the next 24 hours (its EnrolmentWindow opens)."""
        user_model = get_user_model()
        user_admin = self.get_model_admin(user_model)
        before = user_admin.get_object(request, unquote(id))
        old_password = before.password if before is not None else None
        response = user_admin.user_change_password(request, id)
        if request.method == "POST" and request.user.is_superuser and before is not None:
            after = user_admin.get_object(request, unquote(id))
            if after.password != old_password and after.has_usable_password():
                EnrolmentWindow.open_for(after, by=request.user)
        return response
