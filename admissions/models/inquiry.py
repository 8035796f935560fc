"""The inquiry: what a person told admissions, and its workflow (Inquiry.move_to)."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from admissions.crisis import RULE_LABELS, crisis_rule

from .choices import InquiryPriority, InquiryStatus
from .history import InquiryHistory, InquiryHistoryQuerySet

# No 0/O, 1/I/L: a reference is read aloud over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8


def mentions_crisis(text):
    return crisis_rule(text) is not None


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class InquiryQuerySet(InquiryHistoryQuerySet, models.QuerySet):
    def open(self):
        return self.filter(status__in=Inquiry.OPEN_STATUSES)

    def closed(self):
        return self.exclude(status__in=Inquiry.OPEN_STATUSES)

    def same_person_as(self, inquiry):
        """Other inquiries sharing `inquiry`'s phone number or email address (compared
        without case): most likely the same person writing again."""
        match = Q()
        if inquiry.phone:
            match |= Q(phone=inquiry.phone)
        if inquiry.email:
            match |= Q(email_lower=inquiry.email.lower())
        if not match:
            return self.none()
        return self.alias(email_lower=Lower("email")).filter(match).exclude(pk=inquiry.pk)

    def overdue(self, now=None):
        """Open inquiries past their first-contact deadline with no first contact."""
        return self.open().filter(
            first_contact_at__isnull=True, first_contact_due_at__lt=now or timezone.now()
        )


class Inquiry(InquiryHistory, models.Model):
    class SafeNow(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        NOT_SURE = "not_sure", _("Not sure")

    class For(models.TextChoices):
        MYSELF = "myself", _("Myself")
        SOMEONE_ELSE = "someone_else", _("Someone I care about")

    class ContactMethod(models.TextChoices):
        CALL = "call", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class BestTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning (8 am to noon)")
        AFTERNOON = "afternoon", _("Afternoon (noon to 5 pm)")
        EVENING = "evening", _("Evening (5 pm to 9 pm)")

    class Program(models.TextChoices):
        EVENING = "evening", _("Evening program, in person")
        VIRTUAL = "virtual", _("Virtual program")
        NOT_SURE = "not_sure", _("Not sure yet")

    class HeardAbout(models.TextChoices):
        SEARCH = "search", _("Web search")
        DOCTOR = "doctor", _("Doctor, therapist or counselor")
        FAMILY = "family", _("Family or friend")
        INSURANCE = "insurance", _("Insurance company")
        TREATMENT = "treatment", _("Another treatment program")
        SOCIAL = "social", _("Social media")
        OTHER = "other", _("Somewhere else")

    class Language(models.TextChoices):
        # The site's languages (settings.LANGUAGES): the one an inquiry came in.
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")

    class Source(models.TextChoices):
        WEBSITE = "website", _("Website form")
        PHONE = "phone", _("Phone call")
        REFERRAL = "referral", _("Professional referral")
        WALK_IN = "walk_in", _("Walk-in")

    Status = InquiryStatus
    Priority = InquiryPriority

    # Answers to the safety question that make an inquiry urgent: when in doubt, call.
    UNSAFE_ANSWERS = (SafeNow.NO, SafeNow.NOT_SURE)

    OPEN_STATUSES = (Status.NEW, Status.CONTACTED, Status.ASSESSMENT_SCHEDULED)

    # The whole workflow: from each status, where an inquiry may go next.
    ALLOWED_MOVES = {
        Status.NEW: (Status.CONTACTED, Status.UNREACHABLE, Status.SPAM),
        Status.CONTACTED: (
            Status.ASSESSMENT_SCHEDULED,
            Status.REFERRED,
            Status.NOT_A_FIT,
            Status.UNREACHABLE,
        ),
        Status.ASSESSMENT_SCHEDULED: (
            Status.ADMITTED,
            Status.CONTACTED,
            Status.REFERRED,
            Status.NOT_A_FIT,
            Status.UNREACHABLE,
        ),
        # They called back, or a closed inquiry was closed by mistake.
        Status.UNREACHABLE: (Status.CONTACTED,),
        Status.REFERRED: (Status.CONTACTED,),
        Status.NOT_A_FIT: (Status.CONTACTED,),
        Status.SPAM: (Status.NEW,),
        Status.ADMITTED: (),
        # Only Inquiry.merge_into leads here, and a merge is for good.
        Status.MERGED: (),
    }

    # What the visitor typed: read-only for staff once stored (see InquiryAdmin).
    VISITOR_FIELDS = (
        "safe_now",
        "inquiry_for",
        "first_name",
        "phone",
        "email",
        "contact_method",
        "best_time",
        "voicemail_ok",
        "texts_ok",
        "insurance_provider",
        "program_interest",
        "heard_about",
        "message",
    )

    reference = models.CharField(
        _("reference"),
        max_length=REFERENCE_LENGTH,
        unique=True,
        editable=False,
        help_text=_("Short code the person was given; read it back to them on the phone."),
    )
    submission_token = models.UUIDField(
        _("submission token"),
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("One per rendered form, so a resubmitted form never creates a second row."),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=Source.choices,
        default=Source.WEBSITE,
        help_text=_("How the inquiry reached us."),
    )

    safe_now = models.CharField(
        _("safe right now"),
        max_length=10,
        choices=SafeNow.choices,
        blank=True,
        help_text=_(
            "Their answer to \u201cAre you, or the person you are asking about, safe right "
            "now?\u201d. No or not sure makes the inquiry urgent. Empty: not answered."
        ),
    )
    inquiry_for = models.CharField(
        _("inquiry is for"),
        max_length=20,
        choices=For.choices,
        blank=True,
        help_text=_("Empty when the person did not say."),
    )
    first_name = models.CharField(
        _("first name"),
        max_length=100,
        help_text=_("Any name the person gave; it may not be their legal name."),
    )
    phone = PhoneNumberField(_("phone"), blank=True, region="US")
    email = models.EmailField(_("email"), blank=True, max_length=254)
    contact_method = models.CharField(
        _("preferred contact method"),
        max_length=10,
        choices=ContactMethod.choices,
        default=ContactMethod.CALL,
    )
    best_time = models.CharField(
        _("best time to reach them"), max_length=10, choices=BestTime.choices, default=BestTime.ANY
    )
    voicemail_ok = models.BooleanField(
        _("voicemail naming the clinic is OK"),
        default=False,
        help_text=_("If not, never leave a message that names the clinic."),
    )
    texts_ok = models.BooleanField(_("texts are OK"), default=False)
    insurance_provider = models.CharField(
        _("insurance provider"), max_length=80, blank=True, help_text=_("A name only.")
    )
    program_interest = models.CharField(
        _("program of interest"), max_length=10, choices=Program.choices, default=Program.NOT_SURE
    )
    heard_about = models.CharField(
        _("heard about us from"), max_length=10, choices=HeardAbout.choices, blank=True
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(
        _("consent given"),
        null=True,
        blank=True,
        help_text=_("When the person agreed to be contacted (website form)."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_(
            "The language the inquiry came in (the form's, or the call's): call or write "
            "back in it."
        ),
    )
    privacy_notice_language = models.CharField(
        _("privacy notice language"),
        max_length=8,
        choices=Language.choices,
        blank=True,
        help_text=_("The language of the privacy notice they agreed to (website form)."),
    )
    privacy_notice_version = models.CharField(
        _("privacy notice version"),
        max_length=40,
        blank=True,
        help_text=_("The privacy notice in force when they agreed."),
    )

    priority = models.CharField(
        _("priority"),
        max_length=10,
        choices=Priority.choices,
        default=Priority.ROUTINE,
        help_text=_(
            "Urgent when they said they may not be safe or the message reads as a crisis; "
            "call first, 988/911 if needed."
        ),
    )
    crisis_rule = models.CharField(
        _("crisis wording"),
        max_length=40,
        blank=True,
        editable=False,
        help_text=_(
            "The name of the crisis-wording rule that fired on the message, if any "
            "(never the words themselves)."
        ),
    )
    held_for_review = models.BooleanField(
        _("held for review"),
        default=False,
        editable=False,
        help_text=_(
            "Sent from an address that had already sent many inquiries within the hour: "
            "check it is not spam. It keeps its deadline and its place in the queue."
        ),
    )
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.NEW, editable=False
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_inquiries",
        # Indexed with the status instead (inquiry_assignee_idx), which also serves
        # lookups by assignee alone.
        db_index=False,
    )
    next_follow_up_at = models.DateTimeField(
        _("next follow-up"), null=True, blank=True, help_text=_("When to try them next.")
    )
    first_contact_due_at = models.DateTimeField(
        _("first contact due"),
        editable=False,
        help_text=_("Deadline for the first contact, from receipt and priority."),
    )
    first_contact_at = models.DateTimeField(_("first contacted"), null=True, editable=False)
    assessment_scheduled_at = models.DateTimeField(
        _("assessment first scheduled"), null=True, editable=False
    )
    closed_at = models.DateTimeField(_("closed"), null=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="merged_duplicates",
        help_text=_("The earlier inquiry from the same person this one was merged into."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The staff member who entered an inquiry taken by phone."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # First-party attribution, read from the attribution cookie when the form is sent.
    landing_page = models.CharField(_("landing page"), max_length=200, blank=True)
    referrer = models.CharField(_("referrer"), max_length=300, blank=True)
    utm_source = models.CharField("utm_source", max_length=100, blank=True)
    utm_medium = models.CharField("utm_medium", max_length=100, blank=True)
    utm_campaign = models.CharField("utm_campaign", max_length=100, blank=True)
    utm_term = models.CharField("utm_term", max_length=100, blank=True)
    utm_content = models.CharField("utm_content", max_length=100, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-priority", "received_at"]
        permissions = [
            ("view_inquiry_report", _("Can view the admissions report (counts only)")),
            ("export_inquiry", _("Can export inquiries to CSV")),
            ("view_staff_figures", _("Can see admissions figures by staff member")),
        ]
        indexes = [
            models.Index(fields=["status", "-priority", "received_at"], name="inquiry_queue_idx"),
            models.Index(fields=["status", "first_contact_due_at"], name="inquiry_due_idx"),
            models.Index(fields=["status", "closed_at"], name="inquiry_closed_idx"),
            # The report counts one period's inquiries whatever their status.
            models.Index(fields=["received_at"], name="inquiry_received_idx"),
            # My work: one coordinator's open inquiries, not every one they ever had (an
            # index on the assignee alone made SQLite walk all of those).
            models.Index(fields=["assigned_to", "status"], name="inquiry_assignee_idx"),
            # Returning people: the same phone number or email address.
            models.Index(fields=["phone"], name="inquiry_phone_idx"),
            models.Index(Lower("email"), name="inquiry_email_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(phone="") & Q(email="")),
                name="inquiry_phone_or_email",
                violation_error_message=_("Give a phone number or an email address."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=InquiryStatus.values),
                name="inquiry_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(priority__in=InquiryPriority.values),
                name="inquiry_priority_valid",
            ),
        ]

    def __str__(self):
        return self.reference or str(_("new inquiry"))

    def save(self, *args, **kwargs):
        """Derives the reference, priority and first-contact deadline of a new inquiry;
        retries with a fresh reference if one collides."""
        if self._state.adding:
            self.derive_priority()
            if self.first_contact_due_at is None:
                self.first_contact_due_at = self.first_contact_deadline()
            if not self.reference:
                for _attempt in range(10):
                    self.reference = new_reference()
                    try:
                        with transaction.atomic():
                            super().save(*args, **kwargs)
                        return
                    except IntegrityError:
                        if not Inquiry.objects.filter(reference=self.reference).exists():
                            raise
                raise IntegrityError("Could not find a free inquiry reference.")
        super().save(*args, **kwargs)

    def derive_priority(self):
        """Urgent when they said they may not be safe, or when the message reads as a
        crisis (`crisis_rule` names the rule that fired). Only ever raises the priority;
        saves nothing. Returns whether the inquiry is urgent."""
        self.crisis_rule = crisis_rule(self.message, language=self.language) or ""
        if self.safe_now in self.UNSAFE_ANSWERS or self.crisis_rule:
            self.priority = self.Priority.URGENT
        return self.is_urgent

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def is_urgent(self):
        return self.priority == self.Priority.URGENT

    @property
    def urgent_because(self):
        """Why the inquiry is urgent, for staff: the answer given or the name of the rule
        that fired, never the words of the message. "" when it is not urgent."""
        if not self.is_urgent:
            return ""
        if self.safe_now in self.UNSAFE_ANSWERS:
            return _("Answered \u201c%(answer)s\u201d to \u201csafe right now?\u201d") % {
                "answer": self.get_safe_now_display()
            }
        if self.crisis_rule:
            return _("Message reads as a crisis: %(rule)s") % {
                "rule": RULE_LABELS.get(self.crisis_rule, self.crisis_rule)
            }
        return _("Set by staff")

    @property
    def is_overdue(self):
        return (
            self.is_open
            and self.first_contact_at is None
            and self.first_contact_due_at is not None
            and self.first_contact_due_at < timezone.now()
        )

    def allowed_moves(self):
        return self.ALLOWED_MOVES[self.Status(self.status)]

    def contact_deadline_minutes(self):
        if self.is_urgent:
            return settings.ADMISSIONS_URGENT_DEADLINE_MINUTES
        return settings.ADMISSIONS_DEADLINE_MINUTES

    def first_contact_deadline(self):
        """The one rule for the first-contact deadline: receipt plus the priority's
        allowance (ADMISSIONS_URGENT_DEADLINE_MINUTES or ADMISSIONS_DEADLINE_MINUTES)."""
        return self.received_at + timedelta(minutes=self.contact_deadline_minutes())
