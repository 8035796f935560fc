"""Staff sign-in records: when an account may set up its own second factor.

(This module also makes Django send post_migrate for the app, which syncs the staff
groups: iop_site/apps.py.)
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="open_enrolment_window")
def open_enrolment_window_for_a_new_account(sender, instance, created, raw=False, **kwargs):
    """A new account, made by a superuser in the admin or by `createsuperuser` on the
    server, may set up its second factor within its first 24 hours."""
    if created and not raw:
        EnrolmentWindow.open_for(instance)
