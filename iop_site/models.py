"""Staff sign-in records: when an account may set up its own second factor, its
recovery codes and its passkeys.

(This module also makes Django send post_migrate for the app, which syncs the staff
groups: iop_site/apps.py.)
"""

import hashlib
import hmac
import ipaddress
import json
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)


class EnrolmentWindow(models.Model):
    """The 24 hours in which an account without a second factor may set one up itself,
    opened when the account is created and when a superuser sets its password. Outside
    it, a password alone (perhaps a stolen one) cannot enrol a new phone."""

    LIFETIME = timedelta(hours=24)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolment_window",
        help_text=_("The account that may set up its second factor."),
    )
    opened_at = models.DateTimeField(
        default=timezone.now,
        help_text=_("When the account was created or a superuser last set its password."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The superuser who set the password; empty when the account was created."),
    )

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("second-factor enrollment window")
        verbose_name_plural = _("second-factor enrollment windows")
        indexes = [models.Index(fields=["opened_at"])]

    def __str__(self):
        return _("%(user)s may set up a second factor until %(closes_at)s") % {
            "user": self.user,
            "closes_at": timezone.localtime(self.closes_at).strftime("%Y-%m-%d %H:%M"),
        }

    @property
    def closes_at(self):
        return self.opened_at + self.LIFETIME

    @classmethod
    def open_for(cls, user, by=None):
        """Open (or restart) the window of `user` from now."""
        window, _created = cls.objects.update_or_create(
            user=user, defaults={"opened_at": timezone.now(), "opened_by": by}
        )
        return window

    @classmethod
    def is_open_for(cls, user):
        return cls.objects.filter(user=user, opened_at__gt=timezone.now() - cls.LIFETIME).exists()

    @classmethod
    def close_for(cls, user):
        """Close the window of `user` (it has set up its second factor)."""
        cls.objects.filter(user=user).delete()


class RecoveryCodeDevice(ThrottlingMixin, Device):
    """A django-otp device made of single-use recovery codes, for signing in when the
    authenticator app or passkey is not at hand. Ten are made at enrolment (and on
    request) and shown once; only their salted SHA-256 hashes are kept.

    Why not Django's password hashers: they are slow on purpose, to protect passwords
    people choose. These codes are 80 random bits each, which no search of a stolen
    hash can reach, and a sign-in may check all ten, which at PBKDF2's cost would make
    every wrong attempt take seconds of the server's time."""

    CODE_COUNT = 10
    # No 0/o, 1/l/i: read off paper and typed by a person.
    ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
    CODE_LENGTH = 16  # 31**16 is about 2**79

    class Meta:
        ordering = ["user", "pk"]
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")
        constraints = [
            models.UniqueConstraint(fields=["user"], name="one_set_of_recovery_codes_per_user")
        ]

    def __str__(self):
        return _("Recovery codes of %(user)s") % {"user": self.user}

    def get_throttle_factor(self):
        return 1  # seconds, doubled after each wrong code in a row (django-otp's throttle)

    @classmethod
    def normalize(cls, code):
        """A code as typed ("ABCD-efgh jkmn…") in the form it is hashed in."""
        return "".join(character for character in code.lower() if character.isalnum())

    @classmethod
    def replace_for(cls, user):
        """Give `user` ten new recovery codes and return them (the only time they exist
        in the clear). Side effects: deletes the user's earlier recovery codes."""
        codes = [
            "".join(secrets.choice(cls.ALPHABET) for _ in range(cls.CODE_LENGTH))
            for _ in range(cls.CODE_COUNT)
        ]
        with transaction.atomic():
            cls.objects.filter(user=user).delete()
            device = cls.objects.create(user=user, name=str(_("Recovery codes")))
            RecoveryCode.objects.bulk_create([RecoveryCode.hashed(device, code) for code in codes])
        return ["-".join(code[i : i + 4] for i in range(0, len(code), 4)) for code in codes]

    def remaining(self):
        return self.codes.filter(used_at__isnull=True).count()

    def verify_token(self, token):
        """Whether `token` is one of the unused codes; if so it is used up. A wrong code
        slows the next try (django-otp's throttle). Call inside a transaction with the
        device locked, as django_otp.verify_token does."""
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        typed = self.normalize(token)
        for code in self.codes.filter(used_at__isnull=True).select_for_update():
            if code.matches(typed):
                code.used_at = timezone.now()
                code.save(update_fields=["used_at"])
                self.throttle_reset()
                return True
        self.throttle_increment()
        return False


class RecoveryCode(models.Model):
    """One single-use recovery code, kept as a salted SHA-256 hash."""

    device = models.ForeignKey(
        RecoveryCodeDevice,
        on_delete=models.CASCADE,
        related_name="codes",
        help_text=_("The set of recovery codes this one belongs to."),
    )
    salt = models.CharField(max_length=32, help_text=_("Random, different for every code."))
    digest = models.CharField(
        max_length=64, help_text=_("SHA-256 of the salt and the code; the code is not kept.")
    )
    used_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the code was used to sign in; empty if unused.")
    )

    class Meta:
        ordering = ["device", "pk"]
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self):
        state = _("used") if self.used_at else _("unused")
        return _("Recovery code %(number)s of %(user)s (%(state)s)") % {
            "number": self.pk,
            "user": self.device.user,
            "state": state,
        }

    @staticmethod
    def _digest(salt, normalized_code):
        return hashlib.sha256(f"{salt}:{normalized_code}".encode()).hexdigest()

    @classmethod
    def hashed(cls, device, code):
        """An unsaved row holding `code`'s hash."""
        salt = secrets.token_hex(16)
        return cls(
            device=device,
            salt=salt,
            digest=cls._digest(salt, RecoveryCodeDevice.normalize(code)),
        )

    def matches(self, normalized_code):
        return hmac.compare_digest(self._digest(self.salt, normalized_code), self.digest)


def relying_party():
    """(id, origin) of the site for passkeys: SITE_URL's host and origin, or None when
    that host is an IP address, which cannot be a WebAuthn relying-party id."""
    parts = urlsplit(settings.SITE_URL)
    host = parts.hostname or ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return (host, f"{parts.scheme}://{parts.netloc}") if host else None
    return None


class PasskeyError(Exception):
    """A passkey ceremony that did not verify (wrong origin, replayed challenge,
    unknown credential, malformed answer...). The message is safe to show."""


class Passkey(TimestampMixin, Device):
    """A passkey (a WebAuthn credential) used as the second factor after the password,
    never instead of it. Phishing-resistant: the browser only uses it on this site.
    Built on py_webauthn (`webauthn`), which checks every signature and challenge."""

    credential_id = models.CharField(
        max_length=1400,
        unique=True,
        help_text=_("The credential's id from the authenticator (base64url)."),
    )
    public_key = models.BinaryField(help_text=_("The credential's public key (COSE)."))
    sign_count = models.PositiveBigIntegerField(
        default=0, help_text=_("The authenticator's signature counter, to spot a cloned key.")
    )
    transports = models.JSONField(
        default=list, blank=True, help_text=_("How the browser reaches the authenticator.")
    )

    class Meta:
        ordering = ["user", "-created_at"]
        verbose_name = _("passkey")
        verbose_name_plural = _("passkeys")

    def __str__(self):
        return _("%(name)s of %(user)s") % {"name": self.name, "user": self.user}

    def descriptor(self):
        transports = []
        for transport in self.transports:
            try:
                transports.append(AuthenticatorTransport(transport))
            except ValueError:
                continue  # one this version of py_webauthn does not know
        return PublicKeyCredentialDescriptor(
            id=base64url_to_bytes(self.credential_id), transports=transports or None
        )

    @classmethod
    def registration_options(cls, user):
        """(options for navigator.credentials.create, as JSON-ready data; challenge) to
        add a passkey to `user`'s account."""
        rp_id, _origin = relying_party()
        options = generate_registration_options(
            rp_id=rp_id,
            rp_name=settings.OTP_TOTP_ISSUER,
            user_name=user.get_username(),
            user_id=str(user.pk).encode(),
            user_display_name=user.get_full_name() or user.get_username(),
            exclude_credentials=[passkey.descriptor() for passkey in cls.objects.filter(user=user)],
            authenticator_selection=AuthenticatorSelectionCriteria(
                resident_key=ResidentKeyRequirement.PREFERRED,
                user_verification=UserVerificationRequirement.PREFERRED,
            ),
        )
        return json.loads(options_to_json(options)), bytes_to_base64url(options.challenge)

    @classmethod
    def register(cls, user, credential_json, challenge):
        """Check the browser's answer to `registration_options` and save the passkey.
        Raises PasskeyError."""
        rp_id, origin = relying_party()
        try:
            verified = verify_registration_response(
                credential=credential_json,
                expected_challenge=base64url_to_bytes(challenge),
                expected_rp_id=rp_id,
                expected_origin=origin,
            )
            transports = json.loads(credential_json).get("response", {}).get("transports", [])
        except (WebAuthnException, ValueError, TypeError, AttributeError) as exc:
            raise PasskeyError(_("The passkey could not be checked. Try again.")) from exc
        credential_id = bytes_to_base64url(verified.credential_id)
        if cls.objects.filter(credential_id=credential_id).exists():
            raise PasskeyError(_("This passkey is already registered."))
        return cls.objects.create(
            user=user,
            name=str(_("Passkey added %(date)s") % {"date": timezone.localdate().isoformat()}),
            credential_id=credential_id,
            public_key=verified.credential_public_key,
            sign_count=verified.sign_count,
            transports=[str(transport) for transport in transports if isinstance(transport, str)],
        )

    @classmethod
    def authentication_options(cls, user):
        """(options for navigator.credentials.get, as JSON-ready data; challenge)
        limited to the passkeys of `user`, who has already given their password."""
        rp_id, _origin = relying_party()
        options = generate_authentication_options(
            rp_id=rp_id,
            allow_credentials=[passkey.descriptor() for passkey in cls.objects.filter(user=user)],
            user_verification=UserVerificationRequirement.PREFERRED,
        )
        return json.loads(options_to_json(options)), bytes_to_base64url(options.challenge)

    @classmethod
    def verify(cls, user, credential_json, challenge):
        """The passkey of `user` that signed the browser's answer to
        `authentication_options`. Side effect: stores its new signature counter and
        last use. Raises PasskeyError."""
        rp_id, origin = relying_party()
        try:
            credential_id = json.loads(credential_json)["id"]
            passkey = cls.objects.select_for_update().get(user=user, credential_id=credential_id)
            verified = verify_authentication_response(
                credential=credential_json,
                expected_challenge=base64url_to_bytes(challenge),
                expected_rp_id=rp_id,
                expected_origin=origin,
                credential_public_key=bytes(passkey.public_key),
                credential_current_sign_count=passkey.sign_count,
            )
        except (cls.DoesNotExist, KeyError, WebAuthnException, ValueError, TypeError) as exc:
            raise PasskeyError(_("That passkey did not sign you in. Try again.")) from exc
        passkey.sign_count = verified.new_sign_count
        passkey.last_used_at = timezone.now()
        passkey.save(update_fields=["sign_count", "last_used_at"])
        return passkey


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="open_enrolment_window")
def open_enrolment_window_for_a_new_account(sender, instance, created, raw=False, **kwargs):
    """A new account, made by a superuser in the admin or by `createsuperuser` on the
    server, may set up its second factor within its first 24 hours."""
    if created and not raw:
        EnrolmentWindow.open_for(instance)
