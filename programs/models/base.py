"""The shapes every publishable record shares: Markdown rendered on save, an ordered
record with a "published" tick box, and a record published now or at a set time."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from programs.markdown import image_reference_errors, render_markdown
from programs.placeholders import validate_placeholders


def with_derived_fields(update_fields, derived):
    """`update_fields` widened by the fields derived from those being saved.

    `derived` maps a source field to the fields save() derives from it. None (a full
    save) stays None."""
    if update_fields is None:
        return None
    update_fields = set(update_fields)
    for source, targets in derived.items():
        if source in update_fields:
            update_fields.update(targets)
    return update_fields


def translated_columns(model):
    """{field: [(language, column)]} of the fields of `model` kept once per language
    (programs/translation.py): {"title": [("en", "title_en"), ("es", "title_es")]}.
    The original column of such a field only mirrors one language."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        fields = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return {}
    return {
        name: sorted((field.language, field.name) for field in columns)
        for name, columns in fields.items()
    }


def columns_of(model, name):
    """[(language, column)] holding field `name`: one per language for a translated
    field, else the field itself in the default language."""
    return translated_columns(model).get(name) or [(settings.LANGUAGE_CODE, name)]


def markdown_columns(model, source=None):
    """[(language, Markdown column, HTML column)] of a RendersMarkdown model, for one
    Markdown field or all: one per language for a translated field ("body_es",
    "body_html_es"), else the field itself with the default language."""
    return [
        (language, column, column.replace(name, target, 1))
        for name, target in model.markdown_fields.items()
        if source is None or name == source
        for language, column in columns_of(model, name)
    ]


class RendersMarkdown:
    """Stores sanitised HTML for each Markdown field on save, so a public request never
    parses Markdown. A save limited by `update_fields` renders (and saves) the HTML of
    the Markdown fields it saves, and only those.

    `markdown_fields` maps each Markdown field to the field holding its HTML.
    """

    markdown_fields: dict[str, str] = {}

    def clean_fields(self, exclude=None):
        """Also refuses, beside the field, an unknown placeholder ({{ … }},
        programs/placeholders.py) and a picture in the Markdown that is not one of the image
        library's (it would otherwise vanish from the page unseen)."""
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for _language, source, _target in markdown_columns(type(self)):
            if (exclude and source in exclude) or source in errors:
                continue
            text = getattr(self, source) or ""
            problems = image_reference_errors(text)
            try:
                validate_placeholders(text)
            except ValidationError as error:
                problems = [*error.error_list, *problems]
            if problems:
                errors[source] = problems
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        derived = {}
        for source, target in self.markdown_fields.items():
            columns = markdown_columns(type(self), source)
            # Saving "body" saves the active language's "body_es" too (modeltranslation).
            derived[source] = [column_target for _, _, column_target in columns] + [target]
            for language, column, column_target in columns:
                derived[column] = [column_target]
                if update_fields is None or {source, column} & set(update_fields):
                    # In the text's own language: a picture's text alternative is.
                    with translation.override(language):
                        html = render_markdown(getattr(self, column) or "")
                    setattr(self, column_target, html)
        if update_fields is not None:
            kwargs["update_fields"] = with_derived_fields(update_fields, derived)
        super().save(*args, **kwargs)


# --- Ordered records with a "published" tick box ---------------------------------------


class PublishedQuerySet(models.QuerySet):
    """For models with a plain "published" tick box."""

    def published(self):
        return self.filter(is_published=True)


class OrderedPublishable(models.Model):
    """A record listed in the editors' order and shown once its box is ticked."""

    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published entries are shown on the site; the others only here."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True


# --- Records published now or at a set time --------------------------------------------


class ScheduledQuerySet(models.QuerySet):
    def published(self, now=None):
        """Records a visitor may see now: published, and live if a go-live time is set."""
        now = now or timezone.now()
        return self.filter(status=self.model.Status.PUBLISHED).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=now)
        )

    def scheduled(self, now=None):
        """Published records waiting for their go-live time."""
        now = now or timezone.now()
        return self.filter(status=self.model.Status.PUBLISHED, publish_at__gt=now)

    def next_go_live(self, now=None):
        """When the next record scheduled for later goes live, or None."""
        return (
            self.scheduled(now).order_by("publish_at").values_list("publish_at", flat=True).first()
        )


class Scheduled(models.Model):
    """A record that is a draft (seen by staff only, as a preview) or published, either
    at once or from a go-live time, with its created and updated times."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

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
            "Optional. When published with a time here, it stays hidden until that time, "
            "then appears by itself."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ScheduledQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_live(self, now=None):
        now = now or timezone.now()
        return self.status == self.Status.PUBLISHED and (
            self.publish_at is None or self.publish_at <= now
        )


def scheduled_models():
    """Every kind of record published at a set time (pages, articles, ...)."""
    from django.apps import apps

    return [
        model
        for model in apps.get_app_config("programs").get_models()
        if issubclass(model, Scheduled)
    ]


def next_go_live(now=None):
    """When the next record of any kind scheduled for later goes live, or the next
    scheduled revision is published (one already due comes first), or None: a page
    rendered now (its menu, its lists of articles) is current until then at most.
    One query, however many kinds there are."""
    from .revisions import Revision

    now = now or timezone.now()
    times = [
        model.objects.scheduled(now).order_by().values_list("publish_at", flat=True)
        for model in scheduled_models()
    ]
    times.append(
        Revision.objects.filter(status=Revision.Status.SCHEDULED)
        .order_by()
        .values_list("publish_at", flat=True)
    )
    return times[0].union(*times[1:]).order_by("publish_at").first()
