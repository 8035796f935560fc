"""The public inquiry form and the staff report's period form."""

import functools
import time
import unicodedata
import uuid
from datetime import date, timedelta

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property, lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from .models import Appointment, ContactAttempt, Inquiry, Note

TOKEN_SALT = "admissions.inquiry.form"  # noqa: S105 - a signing salt, not a secret
# A form rendered more than a day ago is sent again, with its input kept.
FORM_MAX_AGE_SECONDS = 24 * 60 * 60
MESSAGE_MAX_LENGTH = 1000
# Short names for the error summary where a field's label is long or holds a link.
SUMMARY_LABELS = {
    "safe_now": _("Safe right now"),
    "inquiry_for": _("Who the inquiry is for"),
    "first_name": _("Name"),
    "contact_method": _("Contact method"),
    "best_time": _("Best time"),
    "voicemail_ok": _("Voicemail"),
    "texts_ok": _("Text messages"),
    "insurance_provider": _("Insurance provider"),
    "program_interest": _("Program"),
    "heard_about": _("How you heard about us"),
    "message": _("Message"),
    "consent": _("Agreement to be contacted"),
}
CHOOSE_ONE = {"required": _("Please choose one.")}
YES_NO = [("no", _("No")), ("yes", _("Yes"))]


# The notices the consent links to, by their English addresses (content pages).
PRIVACY_NOTICE = "privacy"
NOTICES = (PRIVACY_NOTICE, "privacy-practices")


def page_url(slug, language):
    """The address of the content page at English address `slug` in `language`, for a
    notice that is not published (/privacy/, /es/privacy/)."""
    with override(language):
        try:
            return reverse("programs:page", kwargs={"slug": slug})
        except NoReverseMatch:
            return f"/{slug}/"


def notice_pages(slugs=NOTICES):
    """{English address: page} of the published notices among `slugs`, with their texts
    in each language (to tell which languages they have) and addresses. One query."""
    # Imported here: the programs app provides them and must not be needed at import time.
    from programs.models import Page
    from programs.translation import localized

    english = localized("slug", settings.LANGUAGE_CODE)
    pages = (
        Page.objects.published()
        .filter(**{f"{english}__in": slugs})
        .only("slug", "layout", "title", "body")
    )
    return {getattr(page, english): page for page in pages}


def notice_language(page, language):
    """The language a notice is shown in to a visitor reading `language`: that one if
    the notice (a published content page, or None) has a version in it, else English."""
    from programs.translation import has_translation

    english = Inquiry.Language.ENGLISH
    if language == english or page is None or not has_translation(page, language):
        return english
    return language


def notice_link(slug, text, page):
    """A link to one of the privacy notices (`page`, or None if it is not published) at
    its address in the language it is shown in, saying "(in English)" before the visitor
    follows it, and to screen readers (hreflang), when that is not the form's."""
    language = form_language()
    shown_in = notice_language(page, language)
    if page is None:
        href = page_url(slug, shown_in)
    else:
        with override(shown_in):
            href = page.get_absolute_url()
    if shown_in == language:
        return format_html('<a href="{}">{}</a>', href, text)
    return format_html(
        '<a href="{}" hreflang="{}">{}</a> {}', href, shown_in, text, _("(in English)")
    )


def consent_label():
    """The consent's label, linking the two notices. Asks for the notices (one query)
    only on a form in another language than English: every notice has English."""
    pages = notice_pages() if form_language() != Inquiry.Language.ENGLISH else {}
    return format_html(
        "{} {} {} {}{}",
        _("I agree to be contacted by the admissions team about this inquiry, and I have read the"),
        notice_link(PRIVACY_NOTICE, _("website privacy notice"), pages.get(PRIVACY_NOTICE)),
        _("and the"),
        notice_link(
            "privacy-practices", _("Notice of Privacy Practices"), pages.get("privacy-practices")
        ),
        ".",
    )


# A label worked out when it is first shown, once per form: called with the function
# that works it out (see InquiryForm.__init__). Made once here: each lazy() call builds
# a class (50 against 2 us a form).
shown_when_rendered = lazy(lambda work_out: work_out(), SafeString)


def privacy_notice_language():
    """The language of the website privacy notice the form links to, recorded with the
    consent: the form's language when the notice has a version in it, else English.
    One query on a form in another language than English, none in English."""
    language = form_language()
    if language == Inquiry.Language.ENGLISH:
        return language
    return notice_language(notice_pages((PRIVACY_NOTICE,)).get(PRIVACY_NOTICE), language)


def form_language():
    """The language of the form being shown or sent: the one its address named."""
    language = get_language()
    return language if language in Inquiry.Language.values else Inquiry.Language.ENGLISH


def reject_control_characters(value, allow_newlines=False):
    # NUL has its own error from Django's ProhibitNullCharactersValidator.
    allowed = {"\x00", "\n", "\r", "\t"} if allow_newlines else {"\x00"}
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
        raise ValidationError(
            _("This contains invisible control characters. Please type it again."),
            code="control_characters",
        )


def single_line(value):
    reject_control_characters(value)


def multi_line(value):
    reject_control_characters(value, allow_newlines=True)


def new_form_token(ready=False):
    """A signed hidden value: one submission id per rendered form, and when it was
    rendered (too-fast and too-old submissions are refused). A `ready` token counts as
    rendered long enough ago to be sent at once: it replaces a stale one on a form the
    visitor has already filled in, so one more press of "Send" works."""
    rendered_at = int(time.time())
    if ready:
        rendered_at -= settings.ADMISSIONS_MIN_FILL_SECONDS
    return signing.dumps({"id": uuid.uuid4().hex, "at": rendered_at}, salt=TOKEN_SALT)


def read_form_token(value):
    """(submission uuid, seconds since render) or raises signing.BadSignature."""
    data = signing.loads(value, salt=TOKEN_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("at"), int):
        raise signing.BadSignature("Malformed form token")
    try:
        token = uuid.UUID(str(data.get("id")))
    except ValueError as exc:
        raise signing.BadSignature("Malformed form token") from exc
    return token, time.time() - data["at"]


def yes_no_field(label, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="no",
        error_messages=CHOOSE_ONE,
    )


class InquiryForm(forms.ModelForm):
    """What a visitor tells admissions. Spam checks (honeypot, signed render time) and
    the submission id for duplicate detection ride along as extra fields."""

    safe_now = forms.ChoiceField(
        label=_("Are you, or the person you are asking about, safe right now?"),
        choices=Inquiry.SafeNow.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    inquiry_for = forms.ChoiceField(
        label=_("Who is this inquiry for?"),
        choices=Inquiry.For.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    first_name = forms.CharField(
        label=_("First name, or any name you like"),
        max_length=100,
        validators=[single_line],
        help_text=_("It does not have to be your real name."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    phone = PhoneNumberField(
        label=_("Phone number"),
        region="US",
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        error_messages={
            "invalid": _("Enter a US phone number with area code, for example 202 555 0143.")
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    contact_method = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=Inquiry.ContactMethod.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("If you do not choose, we call the phone number, or else email you."),
    )
    best_time = forms.ChoiceField(
        label=_("Best time to reach you"),
        choices=Inquiry.BestTime.choices,
        initial=Inquiry.BestTime.ANY,
        widget=forms.RadioSelect,
        error_messages=CHOOSE_ONE,
    )
    voicemail_ok = yes_no_field(
        _("Is it safe to leave a voicemail that names our clinic?"),
        _("If you say no, we will never leave a message that mentions treatment or our name."),
    )
    texts_ok = yes_no_field(_("Is it OK to send you text messages?"))
    insurance_provider = forms.CharField(
        label=_("Insurance provider (optional)"),
        required=False,
        max_length=80,
        validators=[single_line],
        help_text=_("Just the company name. Please do not type a member or policy number."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    program_interest = forms.ChoiceField(
        label=_("Which program are you interested in?"),
        choices=Inquiry.Program.choices,
        initial=Inquiry.Program.NOT_SURE,
        widget=forms.RadioSelect,
        error_messages=CHOOSE_ONE,
    )
    heard_about = forms.ChoiceField(
        label=_("How did you hear about us? (optional)"),
        choices=[("", _("Choose one, or leave blank")), *Inquiry.HeardAbout.choices],
        required=False,
    )
    message = forms.CharField(
        label=_("Anything you would like us to know? (optional)"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        validators=[multi_line],
        help_text=_(
            "Up to 1000 characters. Please do not include medical details; we will ask "
            "what we need when we talk."
        ),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX_LENGTH}),
        error_messages={
            "max_length": _(
                "Please keep your message to %(limit_value)d characters or fewer "
                "(it has %(show_value)d)."
            )
        },
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("Please agree to be contacted, so that we can get back to you.")
        },
    )
    # Honeypot: hidden from people (CSS, aria-hidden, no tab stop); bots fill it in.
    confirm_details = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Inquiry
        fields = Inquiry.VISITOR_FIELDS

    # Asked first: what a callback needs. Everything else has a safe default and sits
    # in a folded "More details" group (a <details> element: no JavaScript needed).
    DETAIL_FIELDS = (
        "inquiry_for",
        "contact_method",
        "best_time",
        "voicemail_ok",
        "texts_ok",
        "program_interest",
        "insurance_provider",
        "heard_about",
        "message",
    )

    def __init__(self, *args, form_token=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Set before validation: the crisis wording is read in this language first.
        self.instance.language = form_language()
        if not self.is_bound:
            self.initial.update(
                voicemail_ok="no", texts_ok="no", form_token=form_token or new_form_token()
            )
        self.fields["safe_now"].help_text = format_html(
            '{} <a href="tel:911">911</a> {} <a href="tel:988">988</a> {}',
            _("You may skip this. If the answer is no, please call"),
            _("or"),
            _("now."),
        )
        # Worked out when the label is first shown, not here: the blank form's fields
        # are a shared fragment (templates/admissions/inquiry.html), so a visitor served
        # it from the cache costs no query for the notices' languages.
        self.fields["consent"].label = shown_when_rendered(functools.cache(consent_label))
        self.submission_token = None

    @cached_property
    def helper(self):
        """How crispy-forms lays the fields out: built only when the form is shown, not
        for a post that is stored and answered with the confirmation."""
        helper = FormHelper(self)
        # The page writes the <form> tag and the per-visitor token itself, so the
        # fields can be rendered once and shared (templates/admissions/inquiry.html).
        helper.form_tag = False
        helper.disable_csrf = True
        helper.template = "admissions/_crispy_form.html"
        helper.layout = Layout(
            # A question of its own (its legend), before the contact details.
            "safe_now",
            HTML(render_to_string("admissions/_crisis_now.html", {"shown": self.unsafe()})),
            Fieldset(
                _("How we can reach you"),
                "first_name",
                HTML(
                    format_html(
                        '<p class="form-text">{}</p>',
                        _("Give a phone number, an email address, or both."),
                    )
                ),
                "phone",
                "email",
            ),
            Fieldset(
                _("More details (optional)"),
                *self.DETAIL_FIELDS,
                template="admissions/_details.html",
                open=self.details_wanted(),
            ),
            Div("confirm_details", css_class="honeypot", aria_hidden="true"),
            "consent",
            Submit("submit", _("Send to admissions"), css_class="btn-lg"),
        )
        return helper

    def unsafe(self):
        """Whether the visitor answered no or not sure to the safety question."""
        return self.is_bound and self.data.get(self.add_prefix("safe_now")) in (
            Inquiry.UNSAFE_ANSWERS
        )

    def details_wanted(self):
        """Open the "More details" group when the visitor already used it (any answer
        other than its default), or when one of its answers needs correcting."""
        if not self.is_bound:
            return False
        if any(name in self.errors for name in self.DETAIL_FIELDS):
            return True
        for name in self.DETAIL_FIELDS:
            default = self.get_initial_for_field(self.fields[name], name)
            value = self.data.get(self.add_prefix(name), "")
            if value not in ("", str(default if default is not None else "")):
                return True
        return False

    def clean_form_token(self):
        try:
            token, age = read_form_token(self.cleaned_data["form_token"])
        except signing.BadSignature:
            raise ValidationError(
                _(
                    "Something went wrong with this form. "
                    "Please check your answers and send it again."
                ),
                code="tampered",
            ) from None
        if age > FORM_MAX_AGE_SECONDS:
            raise ValidationError(
                _(
                    "This form was opened a long time ago. "
                    "Please check your answers and send it again."
                ),
                code="expired",
            )
        if age < settings.ADMISSIONS_MIN_FILL_SECONDS:
            raise ValidationError(
                _("That was very quick. Please check your answers and send the form again."),
                code="too_fast",
            )
        self.submission_token = token
        return self.cleaned_data["form_token"]

    def honeypot_filled(self):
        """True when the hidden field people never see was filled in: a bot."""
        return bool(self.data.get(self.add_prefix("confirm_details"), "").strip())

    def error_summary(self):
        """[(field id to link to, or None; message)] in the order of the form."""
        items = [(None, error) for error in self.non_field_errors()]
        for name, field in self.fields.items():
            bound = self[name]
            for error in bound.errors:
                if field.widget.is_hidden:
                    items.append((None, error))
                    continue
                anchor = bound.id_for_label or f"{bound.auto_id}_0"
                label = SUMMARY_LABELS.get(name, field.label)
                items.append((anchor, f"{label}: {error}"))
        return items

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        method = cleaned.get("contact_method")
        if not phone and not email and not {"phone", "email"} & set(self.errors):
            message = _("Please give a phone number or an email address, so we can reach you.")
            self.add_error("phone", message)
            self.add_error("email", message)
        if not method:
            # Not chosen (it sits in "More details"): call the number given, else email.
            cleaned["contact_method"] = (
                Inquiry.ContactMethod.CALL if phone else Inquiry.ContactMethod.EMAIL
            )
            return cleaned
        if (
            method in (Inquiry.ContactMethod.CALL, Inquiry.ContactMethod.TEXT)
            and not phone
            and "phone" not in self.errors
        ):
            self.add_error(
                "contact_method",
                _("You chose a call or a text: please give a phone number too."),
            )
        if method == Inquiry.ContactMethod.EMAIL and not email and "email" not in self.errors:
            self.add_error(
                "contact_method", _("You chose email: please give an email address too.")
            )
        if method == Inquiry.ContactMethod.TEXT and cleaned.get("texts_ok") is False:
            self.add_error(
                "texts_ok",
                _("You chose text messages: please say yes to texts, or choose another way."),
            )
        return cleaned

    def token_errors(self):
        """The codes of the form-token errors: an expired or broken token needs a new one."""
        return {error.code for error in self.errors.as_data().get("form_token", [])}

    def replace_token(self):
        """Re-render with a fresh token (the old one expired or was tampered with)."""
        self.data = self.data.copy()
        self.data[self.add_prefix("form_token")] = new_form_token(ready=True)

    def save(self, commit=True, attribution=None, held_for_review=False, notice_version=None):
        """The inquiry from the website; with `commit`, received (stored with its first
        event, see Inquiry.receive). `notice_version`: the privacy notice's version, if
        the caller knows it already."""
        inquiry = super().save(commit=False)
        inquiry.held_for_review = held_for_review
        inquiry.source = Inquiry.Source.WEBSITE
        inquiry.submission_token = self.submission_token
        inquiry.consent_at = timezone.now()
        inquiry.privacy_notice_version = (
            current_privacy_notice_version() if notice_version is None else notice_version
        )
        inquiry.privacy_notice_language = privacy_notice_language()
        for field, value in (attribution or {}).items():
            setattr(inquiry, field, value)
        if commit:
            inquiry.receive()
        return inquiry


def current_privacy_notice_version():
    # Imported here: the programs app provides it and must not be needed at import time.
    try:
        from programs.models import privacy_notice_version
    except ImportError:
        return ""
    return (privacy_notice_version() or "")[:40]


class ReportPeriodForm(forms.Form):
    """Which month the admissions report covers: one whole calendar month that has
    ended, picked from a list (a plain <select>, no JavaScript). Never a free range or a
    month still running: two periods that overlap differ by a few people, and that
    difference is exactly what the report must not show."""

    MONTHS_OFFERED = 36

    month = forms.TypedChoiceField(
        label=_("Month"),
        coerce=lambda value: date.fromisoformat(f"{value}-01"),
        error_messages={
            "required": _("Please choose a month from the list."),
            "invalid_choice": _("Please choose a month from the list."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [
            (f"{first:%Y-%m}", date_format(first, "YEAR_MONTH_FORMAT"))
            for first in self.months_offered()
        ]

    @classmethod
    def months_offered(cls):
        """The first days of the last MONTHS_OFFERED months that have ended, newest first."""
        first = timezone.localdate().replace(day=1)
        months = []
        for _month in range(cls.MONTHS_OFFERED):
            first = (first - timedelta(days=1)).replace(day=1)
            months.append(first)
        return months

    @classmethod
    def default_period(cls):
        """Last month."""
        return {"month": f"{cls.months_offered()[0]:%Y-%m}"}

    def period(self):
        """(first day, last day) of the chosen month, once the form is valid."""
        first = self.cleaned_data["month"]
        following = (first + timedelta(days=31)).replace(day=1)
        return first, following - timedelta(days=1)


# --- Staff forms of an inquiry's page (admissions/admin/page.py) ---------------------------

NOTE_MAX_LENGTH = Note._meta.get_field("text").max_length
# The contact attempt's channel that matches each preferred contact method.
CHANNEL_FOR_METHOD = {
    Inquiry.ContactMethod.CALL: ContactAttempt.Channel.CALL,
    Inquiry.ContactMethod.TEXT: ContactAttempt.Channel.TEXT,
    Inquiry.ContactMethod.EMAIL: ContactAttempt.Channel.EMAIL,
}


def staff_note_field(label, required):
    return forms.CharField(
        label=label,
        required=required,
        max_length=NOTE_MAX_LENGTH,
        validators=[multi_line],
        help_text=Note._meta.get_field("text").help_text,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MoveForm(forms.Form):
    """Change status, on the inquiry's page: the moves the workflow allows from here
    (Inquiry.move_to)."""

    status = forms.ChoiceField(label=_("Move to"))
    note = staff_note_field(_("Note (optional)"), required=False)

    def __init__(self, inquiry, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Assessment scheduled is reached by booking the appointment (BookAppointmentForm).
        self.fields["status"].choices = [
            (s.value, s.label)
            for s in inquiry.allowed_moves()
            if s != Inquiry.Status.ASSESSMENT_SCHEDULED
        ]
        if inquiry.is_open and inquiry.status != Inquiry.Status.ASSESSMENT_SCHEDULED:
            self.fields["status"].help_text = _(
                "To schedule the assessment, book it under Appointments below: that moves "
                "the inquiry to “Assessment scheduled”."
            )


class LogContactForm(forms.Form):
    """Log a call, text or email in one step (Inquiry.log_contact): the channel starts on
    the person's preferred method; the outcome has no default, so that nothing is logged
    as "reached" by accident; a note and the next follow-up are optional."""

    prefix = "contact"

    channel = forms.ChoiceField(
        label=capfirst(ContactAttempt._meta.get_field("channel").verbose_name),
        choices=ContactAttempt.Channel.choices,
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label=capfirst(ContactAttempt._meta.get_field("outcome").verbose_name),
        choices=ContactAttempt.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happened: the outcome.")},
    )
    note = staff_note_field(_("Note (optional)"), required=False)
    next_follow_up_at = forms.DateTimeField(
        label=_("Next follow-up (optional)"),
        required=False,
        help_text=Inquiry._meta.get_field("next_follow_up_at").help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, inquiry, *args, **kwargs):
        kwargs.setdefault("initial", {"channel": CHANNEL_FOR_METHOD.get(inquiry.contact_method)})
        super().__init__(*args, **kwargs)
        # The browser offers only times to come (a server-side check follows).
        self.fields["next_follow_up_at"].widget.attrs["min"] = timezone.localtime().strftime(
            "%Y-%m-%dT%H:%M"
        )

    def clean_next_follow_up_at(self):
        follow_up = self.cleaned_data["next_follow_up_at"]
        if follow_up is not None and follow_up <= timezone.now():
            raise ValidationError(
                _("The next follow-up must be a time to come."), code="follow_up_past"
            )
        return follow_up


class NoteForm(forms.Form):
    """Add a note to an inquiry's timeline (Inquiry.add_note). Notes are append-only."""

    prefix = "note"

    text = staff_note_field(_("New note"), required=True)


def local_input_value(when):
    """A time as a datetime-local input holds it: local time, to the minute."""
    return timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")


# How far ahead an assessment may be booked: further is a typo in the year.
BOOKING_DAYS_AHEAD = 365


class BookAppointmentForm(forms.Form):
    """Book an assessment (Inquiry.book_appointment): when (a time to come, within
    BOOKING_DAYS_AHEAD), with whom (one of `staff`, the active Admissions staff) and in
    person or virtual. The mode has no default, so that nobody is sent to the wrong
    place by accident."""

    prefix = "booking"

    starts_at = forms.DateTimeField(
        label=capfirst(Appointment._meta.get_field("starts_at").verbose_name),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"required": _("Enter the date and time of the assessment.")},
    )
    with_staff = forms.ModelChoiceField(
        queryset=None,
        label=capfirst(Appointment._meta.get_field("with_staff").verbose_name),
        help_text=Appointment._meta.get_field("with_staff").help_text,
        error_messages={"required": _("Choose who holds the assessment.")},
    )
    mode = forms.ChoiceField(
        label=capfirst(Appointment._meta.get_field("mode").verbose_name),
        choices=Appointment.Mode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose in person or virtual.")},
    )

    def __init__(self, staff, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["with_staff"].queryset = staff
        self.fields["with_staff"].label_from_instance = lambda user: user.get_username()
        # The browser offers only times to come (the checks below follow on the server).
        now = timezone.now()
        self.fields["starts_at"].widget.attrs.update(
            min=local_input_value(now),
            max=local_input_value(now + timedelta(days=BOOKING_DAYS_AHEAD)),
        )

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        now = timezone.now()
        if starts_at <= now:
            raise ValidationError(
                _("The assessment must be at a time to come: a past time cannot be booked."),
                code="starts_at_past",
            )
        if starts_at > now + timedelta(days=BOOKING_DAYS_AHEAD):
            raise ValidationError(
                _("An assessment is booked at most a year ahead: check the year."),
                code="starts_at_far",
            )
        return starts_at


class AppointmentOutcomeForm(forms.Form):
    """What became of a booked assessment (Inquiry.update_appointment): one button per
    outcome on the inquiry's page."""

    OUTCOMES = (
        Appointment.Status.ATTENDED,
        Appointment.Status.NO_SHOW,
        Appointment.Status.CANCELLED,
    )

    status = forms.ChoiceField(
        label=capfirst(Appointment._meta.get_field("status").verbose_name),
        choices=[(outcome.value, outcome.label) for outcome in OUTCOMES],
        error_messages={"required": _("Choose what became of the assessment.")},
    )


class MergeForm(forms.Form):
    """Merge an inquiry into an earlier one from the same person (Inquiry.merge_into):
    one of `candidates` (Inquiry objects), and a tick that says someone checked it is the
    same person, about the same person: one phone may be a family's, asking about
    different people."""

    prefix = "merge"

    into = forms.TypedChoiceField(
        label=_("Merge into"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the earlier inquiry to merge into.")},
    )
    same_person = forms.BooleanField(
        label=_(
            "I have checked that both inquiries are from the same person, about the same person."
        ),
        error_messages={"required": _("Tick the box once you have checked it is the same person.")},
    )

    def __init__(self, candidates, *args, **kwargs):
        self.candidates = {candidate.pk: candidate for candidate in candidates}
        if len(self.candidates) == 1:
            kwargs.setdefault("initial", {"into": next(iter(self.candidates))})
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [
            (
                candidate.pk,
                _("%(reference)s, received %(received)s, %(status)s")
                % {
                    "reference": candidate.reference,
                    "received": date_format(
                        timezone.localtime(candidate.received_at), "DATETIME_FORMAT"
                    ),
                    "status": candidate.get_status_display(),
                },
            )
            for candidate in candidates
        ]

    @property
    def only_candidate(self):
        """The one inquiry it can be merged into, when there is only one."""
        return next(iter(self.candidates.values())) if len(self.candidates) == 1 else None

    def clean_into(self):
        return self.candidates[self.cleaned_data["into"]]
