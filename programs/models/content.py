"""Therapies and questions and answers: ordered, publishable records."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import OrderedPublishable, RendersMarkdown

# --- Therapies and questions -----------------------------------------------------------


class Therapy(RendersMarkdown, OrderedPublishable):
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

    markdown_fields = {"body": "body_html"}

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("therapy")
        verbose_name_plural = _("therapies")

    def __str__(self):
        return self.title


class FaqEntry(RendersMarkdown, OrderedPublishable):
    question = models.CharField(_("question"), max_length=200)
    slug = models.SlugField(
        _("short name"),
        max_length=80,
        unique=True,
        help_text=_("Used to link straight to this question."),
    )
    answer = models.TextField(_("answer"), help_text=_("Markdown, as for pages."))
    answer_html = models.TextField(editable=False, blank=True)

    markdown_fields = {"answer": "answer_html"}

    class Meta:
        ordering = ["order", "question"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self):
        return self.question
