"""Therapies and questions and answers: ordered, publishable records."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programs.markdown import render_markdown


class PublishedQuerySet(models.QuerySet):
    """For models with a plain "published" tick box."""

    def published(self):
        return self.filter(is_published=True)


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
