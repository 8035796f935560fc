"""The clinic's own details: one record, shown in the header, footer and structured data."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .images import library_image_field

# --- The clinic ------------------------------------------------------------------------

# Numbers used in fiction and demos, which libphonenumber rightly calls invalid: the
# unassigned area code 555 (the demo clinic's (555) 010-0199) and 555-0100 to 555-0199
# in any area code.
FICTIONAL_US_NUMBER = re.compile(r"\+1(555\d{7}|\d{3}55501\d{2})")


PHONE_ERROR = _("Enter a phone number that can be dialed, e.g. (201) 555-0123.")


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


def _e164(number):
    phone = parse_phone(number) if number else None
    return phonenumbers.format_number(phone, phonenumbers.PhoneNumberFormat.E164) if phone else ""


class ClinicSettings(models.Model):
    """The clinic's details, shown in the header, footer and structured data.
    There is exactly one row (primary key 1)."""

    SINGLETON_ID = 1
    # What patients rely on to reach the clinic and trust it: a change to any of these
    # is published by a member of the Publisher group only.
    PATIENT_FACING_FIELDS = (
        "admissions_phone",
        "spanish_phone",
        "street_address",
        "city",
        "region",
        "postal_code",
        "license_number",
        "license_expires",
    )

    name = models.CharField(_("clinic name"), max_length=120)
    admissions_phone = ClinicPhoneField(
        _("admissions phone"),
        region="US",
        help_text=_("The 24/7 admissions line, shown on every page, e.g. (555) 010-0199."),
    )
    spanish_phone = ClinicPhoneField(
        _("Spanish-speaking admissions line"),
        region="US",
        blank=True,
        help_text=_(
            "Optional. Where a Spanish-speaking admissions counselor answers: the admissions "
            "phone again if that line answers in Spanish too. When set, search engines are "
            "told the clinic answers in English and Spanish."
        ),
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
    license_authority = models.CharField(
        _("licensing agency"),
        max_length=120,
        blank=True,
        help_text=_(
            "The state agency that licenses or approves the program, e.g. “Oregon Health "
            "Authority”. Named in the footer's license line."
        ),
    )
    license_title = models.CharField(
        _("license name"),
        max_length=80,
        blank=True,
        help_text=_(
            "What the agency calls it, e.g. “Certificate of Approval”. Left empty, the "
            "footer says “State license”."
        ),
    )
    license_number = models.CharField(_("state license number"), max_length=60, blank=True)
    license_expires = models.DateField(_("license valid until"), null=True, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram profile"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    sharing_image = library_image_field(
        _("default sharing image"),
        _(
            "The picture shown when a page without a lead image is shared (in a message "
            "or on social media). Best at least 1200 pixels wide."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

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

    def changes_need_publisher(self, draft):
        """Whether publishing `draft` (a revision of these settings) needs a publisher."""
        return any(
            getattr(self, name) != getattr(draft, name) for name in self.PATIENT_FACING_FIELDS
        )

    @classmethod
    def load(cls):
        """The clinic's settings, or None before anyone has entered them."""
        return cls.objects.select_related("sharing_image").filter(pk=cls.SINGLETON_ID).first()

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
            "spanish_phone_e164": _e164(self.spanish_phone),
            "address": f"{self.street_address}\n{self.city}, {self.region} {self.postal_code}",
            "street_address": self.street_address,
            "city": self.city,
            "region": self.region,
            "postal_code": self.postal_code,
            "opening_hours": self.opening_hours,
            "opening_hours_spec": [
                line.strip() for line in self.opening_hours_spec.splitlines() if line.strip()
            ],
            "license_authority": self.license_authority,
            "license_title": self.license_title,
            "license_number": self.license_number,
            "license_expires": self.license_expires,
            "social_links": self.social_links,
            "sharing_image": self.sharing_image,
        }
