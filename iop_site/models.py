"""Staff sign-in records: when an account may set up its own second factor, and its
recovery codes.

(This module also makes Django send post_migrate for the app, which syncs the staff
groups: iop_site/apps.py.)
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin


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
        verbose_name = _("second-factor enrolment window")
        verbose_name_plural = _("second-factor enrolment windows")
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


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="open_enrolment_window")
def open_enrolment_window_for_a_new_account(sender, instance, created, raw=False, **kwargs):
    """A new account, made by a superuser in the admin or by `createsuperuser` on the
    server, may set up its second factor within its first 24 hours."""
    if created and not raw:
        EnrolmentWindow.open_for(instance)
