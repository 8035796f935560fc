"""Assessment appointments: when, with whom, how, and what became of them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class Appointment(models.Model):
    """An assessment booked for an inquiry. Booked and updated only through the
    inquiry (Inquiry.book_appointment, Inquiry.update_appointment), which records each
    change in its history."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIRTUAL = "virtual", _("Virtual (video)")

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("No-show")
        CANCELLED = "cancelled", _("Canceled")

    inquiry = models.ForeignKey(
        "admissions.Inquiry", on_delete=models.CASCADE, related_name="appointments"
    )
    starts_at = models.DateTimeField(_("date and time"))
    with_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("with"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="assessment_appointments",
        help_text=_("The staff member who holds the assessment."),
    )
    mode = models.CharField(_("in person or virtual"), max_length=10, choices=Mode.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BOOKED
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("booked"), default=timezone.now)

    class Meta:
        verbose_name = _("assessment appointment")
        verbose_name_plural = _("assessment appointments")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"], name="appointment_due_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["booked", "attended", "no_show", "cancelled"]),
                name="appointment_status_valid",
            ),
        ]

    def __str__(self):
        when = date_format(timezone.localtime(self.starts_at), "SHORT_DATETIME_FORMAT")
        return f"{when} · {self.get_mode_display()} · {self.get_status_display()}"
