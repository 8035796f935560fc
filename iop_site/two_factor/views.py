"""The admin's two-factor pages: set up a second factor, give it after the password,
add passkeys, and see or renew recovery codes."""

import base64

import segno
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from iop_site.models import (
    EnrolmentWindow,
    Passkey,
    PasskeyError,
    RecoveryCodeDevice,
    relying_party,
)
from iop_site.two_factor.access import has_usable_passkey, is_verified, may_enrol
from iop_site.two_factor.forms import CodeForm, EnrolmentForm

# Where a passkey ceremony's challenge waits between the page and the browser's answer.
PASSKEY_REGISTRATION_CHALLENGE = "iop_site.passkey_registration_challenge"
PASSKEY_AUTHENTICATION_CHALLENGE = "iop_site.passkey_authentication_challenge"


def authenticator_secret(device):
    """The device's secret as an authenticator app takes it when typed (base32)."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class TwoFactorViews:
    """The two-factor pages as methods of the admin site, which mixes them in and routes
    them (`iop_site.admin.StaffAdminSite`): they use its `each_context`,
    `has_permission` and `name`."""

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
