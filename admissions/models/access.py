"""The access trail: who was shown which inquiries, when, and through which page.

A record names its inquiry by reference, never by a foreign key and never by anything
the visitor wrote, so it outlives the inquiry (`purge_inquiries` keeps it for
ADMISSIONS_ACCESS_RETENTION_DAYS) and holds no health information itself.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .inquiry import REFERENCE_LENGTH


class AccessView(models.TextChoices):
    """The page or export that showed an inquiry."""

    LIST = "list", _("Queue list")
    SEARCH = "search", _("Queue search result")
    MY_WORK = "my_work", _("My work")
    APPOINTMENTS = "appointments", _("Week of appointments")
    CHANGE = "change", _("Inquiry page")
    CHANGE_WITH_ERRORS = "change_errors", _("Inquiry page shown back with errors")
    HISTORY = "history", _("Change history page")
    DELETE = "delete", _("Delete confirmation")
    EXPORT = "export", _("CSV export")
    NOTIFICATIONS = "notifications", _("Notification outbox")


class AccessRecord(models.Model):
    """One inquiry shown to one staff member by one response."""

    View = AccessView

    inquiry_reference = models.CharField(
        _("inquiry reference"),
        max_length=REFERENCE_LENGTH,
        help_text=_("The inquiry shown. Kept after the inquiry itself is deleted."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty once the account is deleted; the user name below remains."),
    )
    actor_username = models.CharField(
        _("by"),
        max_length=AbstractUser._meta.get_field("username").max_length,
        help_text=_("The user name of the staff member shown the inquiry, at that time."),
    )
    view = models.CharField(
        _("shown on"),
        max_length=20,
        choices=View.choices,
        help_text=_(
            "The admin page or export that showed it (for a search, never what was searched)."
        ),
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("access record")
        verbose_name_plural = _("access trail")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["inquiry_reference", "-at"], name="access_reference_idx"),
            models.Index(fields=["actor_username", "-at"], name="access_actor_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(view__in=AccessView.values), name="access_view_valid"
            ),
        ]

    def __str__(self):
        return f"{self.inquiry_reference} · {self.get_view_display()} · {self.actor_username}"

    @classmethod
    def record(cls, user, references, view):
        """Record that `user` was just shown the inquiries with these `references`
        through `view`. The one writer of access records.

        Side effect: one bulk insert, one row per distinct reference, all with the same
        time; nothing at all when `references` is empty. Returns the records.
        """
        references = [reference for reference in dict.fromkeys(references) if reference]
        if not references:
            return []
        now = timezone.now()
        view = cls.View(view)
        return cls.objects.bulk_create(
            cls(
                inquiry_reference=reference,
                actor=user,
                actor_username=user.get_username(),
                view=view,
                at=now,
            )
            for reference in references
        )
