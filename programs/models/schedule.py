"""The evening schedule: tracks and their weekly sessions."""

import math

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _

from programs.placeholders import validate_placeholders

from .base import OrderedPublishable, columns_of

# --- Schedule --------------------------------------------------------------------------


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual (video)")


class Track(OrderedPublishable):
    name = models.CharField(
        _("name"), max_length=80, help_text=_("E.g. “In-person evening program”.")
    )
    slug = models.SlugField(
        _("short name"),
        max_length=80,
        unique=True,
        help_text=_("Used to link to this track on the schedule page."),
    )
    mode = models.CharField(
        _("mode"),
        max_length=20,
        choices=Mode.choices,
        default=Mode.IN_PERSON,
        help_text=_("How this track mostly meets."),
    )
    description = models.CharField(
        _("short description"),
        max_length=300,
        help_text=_("One or two plain sentences about who this track suits."),
    )
    weeks_min = models.PositiveSmallIntegerField(
        _("typical length from (weeks)"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(104)],
    )
    weeks_max = models.PositiveSmallIntegerField(
        _("typical length to (weeks)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(104)],
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("schedule track")
        verbose_name_plural = _("schedule tracks")
        constraints = [
            models.CheckConstraint(
                condition=Q(weeks_max__gte=models.F("weeks_min")),
                name="programs_track_weeks_max_not_below_min",
                violation_error_message=_(
                    "The longest typical length cannot be shorter than the shortest."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude)
        # Each language's description (programs/translation.py).
        for _language, column in columns_of(type(self), "description"):
            if not exclude or column not in exclude:
                try:
                    validate_placeholders(getattr(self, column) or "")
                except ValidationError as error:
                    raise ValidationError({column: error.error_list}) from None

    def _sessions(self):
        # Uses the prefetched sessions when the view prefetched them.
        return list(self.sessions.all())

    @property
    def days_per_week(self):
        return len({session.weekday for session in self._sessions()})

    @property
    def hours_per_session(self):
        """Hours of the typical (longest) session, e.g. 3 or 2.5; None without sessions."""
        lengths = [session.hours for session in self._sessions()]
        return max(lengths) if lengths else None

    @property
    def hours_per_week(self):
        return sum(session.hours for session in self._sessions())

    @property
    def day_names(self):
        weekdays = sorted({session.weekday for session in self._sessions()})
        return [Session.Weekday(day).label for day in weekdays]

    @property
    def time_ranges(self):
        """The distinct session times, in order, e.g. ["6 p.m. to 9 p.m."]."""
        return list(dict.fromkeys(session.time_range for session in self._sessions()))

    @property
    def weeks_label(self):
        if self.weeks_min == self.weeks_max:
            return _("%(weeks)s weeks") % {"weeks": self.weeks_min}
        return _("%(low)s to %(high)s weeks") % {"low": self.weeks_min, "high": self.weeks_max}


class Session(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    track = models.ForeignKey(
        Track, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("track")
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    start_time = models.TimeField(_("starts"), help_text=_("Local time, e.g. 18:00."))
    end_time = models.TimeField(_("ends"), help_text=_("Local time, e.g. 21:00."))
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    location = models.CharField(
        _("location"),
        max_length=120,
        blank=True,
        help_text=_("E.g. “Group room 2” or “Secure video link sent by your counselor”."),
    )

    class Meta:
        ordering = ["track", "weekday", "start_time"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="programs_session_ends_after_it_starts",
                violation_error_message=_("A session must end after it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.time_range}"

    @property
    def hours(self):
        start = self.start_time.hour * 60 + self.start_time.minute
        end = self.end_time.hour * 60 + self.end_time.minute
        return (end - start) / 60

    @property
    def time_range(self):
        return f"{time_format(self.start_time)} \N{EN DASH} {time_format(self.end_time)}"


def hours_label(hours):
    """3.0 -> "3", 2.5 -> "2.5"."""
    if hours is None:
        return ""
    return str(int(hours)) if math.isclose(hours, round(hours)) else f"{hours:g}"
