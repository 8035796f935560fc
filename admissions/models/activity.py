"""An inquiry's activity: events (ids, statuses, actors, times), staff notes and
contact attempts. Notes and attempts are append-only for staff."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .choices import InquiryPriority, InquiryStatus


class InquiryEvent(models.Model):
    """One line of an inquiry's activity history. Ids, statuses, actors and times only."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Received")
        STATUS_CHANGED = "status_changed", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        NOTE_ADDED = "note_added", _("Note added")
        CONTACT_LOGGED = "contact_logged", _("Contact attempt logged")
        DETAILS_CORRECTED = "details_corrected", _("Contact details corrected")
        EXPORTED = "exported", _("Exported to CSV")
        HOLD_RELEASED = "hold_released", _("Released from hold")
        PRIORITY_CHANGED = "priority_changed", _("Priority changed")
        APPOINTMENT_BOOKED = "appointment_booked", _("Assessment booked")
        APPOINTMENT_UPDATED = "appointment_updated", _("Assessment updated")
        MERGED_INTO = "merged_into", _("Merged into an earlier inquiry")
        MERGED_FROM = "merged_from", _("A later inquiry merged in")

    inquiry = models.ForeignKey(
        "admissions.Inquiry", on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("what happened"), max_length=24, choices=Kind.choices)
    from_status = models.CharField(
        _("from status"), max_length=24, choices=InquiryStatus.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=24, choices=InquiryStatus.choices, blank=True
    )
    from_priority = models.CharField(
        _("from priority"), max_length=10, choices=InquiryPriority.choices, blank=True
    )
    to_priority = models.CharField(
        _("to priority"), max_length=10, choices=InquiryPriority.choices, blank=True
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for the visitor or the system."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    appointment = models.ForeignKey(
        "admissions.Appointment",
        verbose_name=_("appointment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    related_inquiry = models.ForeignKey(
        "admissions.Inquiry",
        verbose_name=_("other inquiry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a merge: the inquiry on the other side."),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activity history")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["inquiry", "-created_at"], name="inquiry_event_idx")]

    def __str__(self):
        if self.kind == self.Kind.STATUS_CHANGED:
            return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
        if self.kind == self.Kind.PRIORITY_CHANGED:
            return f"{self.get_from_priority_display()} → {self.get_to_priority_display()}"
        return str(self.get_kind_display())


class Note(models.Model):
    """A staff note on an inquiry. Append-only: never edited or deleted by staff."""

    inquiry = models.ForeignKey(
        "admissions.Inquiry", on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(
        _("note"), max_length=4000, help_text=_("Visible to admissions staff only.")
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        when = date_format(timezone.localtime(self.created_at), "SHORT_DATETIME_FORMAT")
        return str(_("Note of %(when)s")) % {"when": when}


class ContactAttempt(models.Model):
    class Channel(models.TextChoices):
        CALL = "call", _("Call")
        TEXT = "text", _("Text")
        EMAIL = "email", _("Email")

    class Outcome(models.TextChoices):
        REACHED = "reached", _("Reached them")
        VOICEMAIL = "voicemail", _("Voicemail left")
        NO_ANSWER = "no_answer", _("No answer")
        WRONG_NUMBER = "wrong_number", _("Wrong number")

    inquiry = models.ForeignKey(
        "admissions.Inquiry", on_delete=models.CASCADE, related_name="contact_attempts"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("contact attempt")
        verbose_name_plural = _("contact attempts")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.get_outcome_display()}"
