"""The outbox of emails to the admissions mailboxes (see admissions/notifications.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An email to the admissions mailboxes about one inquiry, written in the same
    transaction as the inquiry and delivered after commit (retried by
    `manage.py send_notifications`). The email holds the reference, priority and a link."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, will retry")

    inquiry = models.ForeignKey(
        "admissions.Inquiry", on_delete=models.CASCADE, related_name="notifications"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.CharField(
        _("last error"),
        max_length=100,
        blank=True,
        help_text=_("The kind of error only (e.g. ConnectionRefusedError); see the mail server."),
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "created_at"], name="notification_state_idx")]

    def __str__(self):
        return str(_("Notification for %(reference)s")) % {"reference": self.inquiry.reference}
