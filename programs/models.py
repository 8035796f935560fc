"""The clinic's public content: pages, the evening schedule, therapies, FAQ and the
clinic's own details, all edited by marketing staff in the admin.

Markdown typed by staff is rendered once, on save, into a stored and sanitized HTML
field (`*_html`), so a public request never parses Markdown.
"""

import math
import re

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords

from .markdown import render_markdown

# --- Shared ----------------------------------------------------------------------------


class PublishedQuerySet(models.QuerySet):
    """For models with a plain "published" tick box."""

    def published(self):
        return self.filter(is_published=True)


def reserved_slugs():
    """First path segments that other routes own; a page with one of these slugs
    could never be reached."""
    return {
        "contact",
        settings.ADMIN_PATH.strip("/").split("/")[0],
        "static",
        "healthz",
        "readyz",
        "sitemap.xml",
        "robots.txt",
    }


def validate_page_slug(value):
    if value.lower() in reserved_slugs():
        raise ValidationError(
            _(
                "The address “%(slug)s” is used by another part of the site. "
                "Please choose a different one."
            ),
            code="reserved",
            params={"slug": value},
        )


# --- Pages -----------------------------------------------------------------------------


class PageQuerySet(models.QuerySet):
    def published(self, now=None):
        """Pages a visitor may see now: published, and live if a go-live time is set."""
        now = now or timezone.now()
        return self.filter(status=Page.Status.PUBLISHED).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=now)
        )

    def in_navigation(self, now=None):
        return self.published(now).filter(show_in_nav=True).order_by("nav_order", "title")

    def next_go_live(self, now=None):
        """When the next page scheduled for later goes live, or None."""
        now = now or timezone.now()
        return (
            self.filter(status=Page.Status.PUBLISHED, publish_at__gt=now)
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first()
        )


class Page(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Layout(models.TextChoices):
        STANDARD = "standard", _("Standard page")
        HOME = "home", _("Home page (shown at the site's address)")
        SCHEDULE = "schedule", _("Schedule (adds the tracks and sessions)")
        THERAPIES = "therapies", _("Therapies (adds the published therapies)")
        FAQ = "faq", _("Questions (adds the published questions and answers)")

    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("The main heading of the page and the start of the browser tab's title."),
    )
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        validators=[validate_page_slug],
        help_text=_(
            "The page's web address: lowercase letters, numbers and hyphens, e.g. "
            "“what-is-iop” for /what-is-iop/. Changing it breaks links people saved."
        ),
    )
    layout = models.CharField(
        _("layout"),
        max_length=20,
        choices=Layout.choices,
        default=Layout.STANDARD,
        help_text=_(
            "Most pages are standard. The special layouts add the schedule, therapies or "
            "questions below the text; each can be used by one page only."
        ),
    )
    intro = models.CharField(
        _("introduction"),
        max_length=300,
        blank=True,
        help_text=_("One or two plain sentences shown large under the heading. Optional."),
    )
    meta_description = models.CharField(
        _("search and sharing description"),
        max_length=160,
        help_text=_(
            "Shown by search engines and when the page is shared: one plain sentence, "
            "at most 160 characters."
        ),
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Markdown: ## for a heading, - for a list, [words](https://…) for a link, "
            "a table with | columns |. A line “Table: …” just above a table becomes its "
            "caption. Scripts and styles are removed."
        ),
    )
    body_html = models.TextField(editable=False, blank=True)
    nav_label = models.CharField(
        _("menu label"),
        max_length=40,
        blank=True,
        help_text=_("A short name for the main menu. Leave empty to use the title."),
    )
    nav_order = models.PositiveSmallIntegerField(
        _("menu position"), default=100, help_text=_("Lower numbers come first in the menu.")
    )
    show_in_nav = models.BooleanField(
        _("show in main menu"), default=False, help_text=_("List this page in the main menu.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Drafts are only visible to staff, as a preview."),
    )
    publish_at = models.DateTimeField(
        _("go live at"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. A published page with a time here stays hidden until that time, "
            "then appears by itself."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    history = HistoricalRecords()
    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["nav_order", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(
                fields=["layout"],
                condition=~Q(layout="standard"),
                name="programs_page_one_page_per_special_layout",
                violation_error_message=_("Another page already uses this layout."),
            ),
        ]
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.layout == self.Layout.HOME:
            return reverse("programs:home")
        return reverse("programs:page", kwargs={"slug": self.slug})

    @property
    def menu_label(self):
        return self.nav_label or self.title

    def is_live(self, now=None):
        now = now or timezone.now()
        return self.status == self.Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= now
        )


class PageSection(models.Model):
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="sections", verbose_name=_("page")
    )
    heading = models.CharField(
        _("heading"), max_length=120, help_text=_("The section's heading on the page.")
    )
    body = models.TextField(
        _("text"), help_text=_("Markdown, as for the page text. Shown under the heading.")
    )
    body_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["page", "order", "id"]
        verbose_name = _("page section")
        verbose_name_plural = _("page sections")

    def __str__(self):
        return self.heading

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


def privacy_notice_version():
    """A short string naming the privacy notice visitors see now (the time it was last
    changed), recorded with each consent; "" if no privacy notice is published."""
    updated_at = (
        Page.objects.published().filter(slug="privacy").values_list("updated_at", flat=True).first()
    )
    return updated_at.isoformat(timespec="seconds") if updated_at else ""


# --- Schedule --------------------------------------------------------------------------


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    VIRTUAL = "virtual", _("Virtual (video)")


class Track(models.Model):
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
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published tracks are shown.")
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    history = HistoricalRecords()
    objects = PublishedQuerySet.as_manager()

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

    history = HistoricalRecords()

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


# --- Therapies and questions -----------------------------------------------------------


class Therapy(models.Model):
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(
        _("short name"),
        max_length=80,
        unique=True,
        help_text=_("Used to link to this therapy on the therapies page."),
    )
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two plain sentences.")
    )
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown, as for pages."))
    body_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published therapies are shown.")
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    history = HistoricalRecords()
    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("therapy")
        verbose_name_plural = _("therapies")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


class FaqEntry(models.Model):
    question = models.CharField(_("question"), max_length=200)
    slug = models.SlugField(
        _("short name"),
        max_length=80,
        unique=True,
        help_text=_("Used to link straight to this question."),
    )
    answer = models.TextField(_("answer"), help_text=_("Markdown, as for pages."))
    answer_html = models.TextField(editable=False, blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Only published questions are shown.")
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    history = HistoricalRecords()
    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "question"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = render_markdown(self.answer)
        super().save(*args, **kwargs)


# --- The clinic ------------------------------------------------------------------------

# Numbers used in fiction and demos, which libphonenumber rightly calls invalid: the
# unassigned area code 555 (the demo clinic's (555) 010-0199) and 555-0100 to 555-0199
# in any area code.
FICTIONAL_US_NUMBER = re.compile(r"\+1(555\d{7}|\d{3}55501\d{2})")


PHONE_ERROR = _("Enter a phone number that can be dialled, e.g. (201) 555-0123.")


def parse_phone(value):
    """A phonenumbers.PhoneNumber for what was typed (US by default), or None."""
    text = getattr(value, "raw_input", None) or str(value or "")
    try:
        return phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        return None


def validate_clinic_phone(value):
    number = parse_phone(value)
    if number is not None and phonenumbers.is_valid_number(number):
        return
    if number is not None and phonenumbers.is_possible_number(number):
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if FICTIONAL_US_NUMBER.fullmatch(e164):
            return
    raise ValidationError(PHONE_ERROR, code="invalid")


class ClinicPhoneField(PhoneNumberField):
    """A phone number field that also accepts the fictional 555-01xx range."""

    default_validators = [validate_clinic_phone]

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.validators = [validate_clinic_phone]
        field.error_messages["invalid"] = PHONE_ERROR
        return field


OPENING_HOURS_LINE = r"(Mo|Tu|We|Th|Fr|Sa|Su)([-,](Mo|Tu|We|Th|Fr|Sa|Su))* \d\d:\d\d-\d\d:\d\d"


def validate_opening_hours_spec(value):
    for line in value.splitlines():
        if line.strip() and not re.fullmatch(OPENING_HOURS_LINE, line.strip()):
            raise ValidationError(
                _(
                    "“%(line)s” is not in the form search engines read. Write one line per "
                    "rule, e.g. “Mo-Fr 09:00-17:00” or “Mo,We,Th 18:00-21:00”."
                ),
                code="invalid",
                params={"line": line.strip()},
            )


class ClinicSettings(models.Model):
    """The clinic's details, shown in the header, footer and structured data.
    There is exactly one row (primary key 1)."""

    SINGLETON_ID = 1

    name = models.CharField(_("clinic name"), max_length=120)
    admissions_phone = ClinicPhoneField(
        _("admissions phone"),
        region="US",
        help_text=_("The 24/7 admissions line, shown on every page, e.g. (555) 010-0199."),
    )
    street_address = models.CharField(
        _("street address"), max_length=200, help_text=_("E.g. “120 Harbor Street, Suite 4”.")
    )
    city = models.CharField(_("city"), max_length=80)
    region = models.CharField(_("state"), max_length=40, help_text=_("E.g. “OR” or “Oregon”."))
    postal_code = models.CharField(_("ZIP code"), max_length=20)
    opening_hours = models.TextField(
        _("opening hours"),
        help_text=_(
            "As visitors read them, one line each, e.g. “Office: Monday to Friday, 9 am to 5 pm”."
        ),
    )
    opening_hours_spec = models.TextField(
        _("opening hours for search engines"),
        blank=True,
        validators=[validate_opening_hours_spec],
        help_text=_(
            "The same hours in the form search engines read: one rule per line, e.g. "
            "“Mo-Fr 09:00-17:00”. Days: Mo Tu We Th Fr Sa Su."
        ),
    )
    licence_number = models.CharField(_("state licence number"), max_length=60, blank=True)
    licence_expires = models.DateField(_("licence valid until"), null=True, blank=True)
    accreditations = models.CharField(
        _("accreditations"),
        max_length=300,
        blank=True,
        help_text=_("Shown in the footer, e.g. the accrediting bodies' names."),
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("clinic settings")
        verbose_name_plural = _("clinic settings")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="programs_clinicsettings_singleton"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The clinic's settings, or None before anyone has entered them."""
        return cls.objects.filter(pk=cls.SINGLETON_ID).first()

    @property
    def social_links(self):
        links = [
            (_("Facebook"), self.facebook_url),
            (_("Instagram"), self.instagram_url),
            (_("LinkedIn"), self.linkedin_url),
            (_("YouTube"), self.youtube_url),
        ]
        return [{"label": label, "url": url} for label, url in links if url]

    def as_context(self):
        """What templates read as `clinic`."""
        phone = parse_phone(self.admissions_phone)
        e164 = (
            phonenumbers.format_number(phone, phonenumbers.PhoneNumberFormat.E164) if phone else ""
        )
        return {
            "name": self.name,
            "phone": (
                phonenumbers.format_number(phone, phonenumbers.PhoneNumberFormat.NATIONAL)
                if phone
                else str(self.admissions_phone)
            ),
            "phone_e164": e164,
            "phone_uri": f"tel:{e164}" if e164 else "",
            "address": f"{self.street_address}\n{self.city}, {self.region} {self.postal_code}",
            "street_address": self.street_address,
            "city": self.city,
            "region": self.region,
            "postal_code": self.postal_code,
            "opening_hours": self.opening_hours,
            "opening_hours_spec": [
                line.strip() for line in self.opening_hours_spec.splitlines() if line.strip()
            ],
            "licence_number": self.licence_number,
            "licence_expires": self.licence_expires,
            "accreditations": self.accreditations,
            "social_links": self.social_links,
        }


def hours_label(hours):
    """3.0 -> "3", 2.5 -> "2.5"."""
    if hours is None:
        return ""
    return str(int(hours)) if math.isclose(hours, round(hours)) else f"{hours:g}"
