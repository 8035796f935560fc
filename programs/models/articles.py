"""The resource library: articles and their topics. The people who write and clinically
review them are in people.py."""

import calendar
import math
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .base import RendersMarkdown, Scheduled, ScheduledQuerySet, with_derived_fields
from .images import library_image_field
from .people import Person
from .seo import SearchListing

# How many months after its last clinical review an article is due for another one.
# Settable as ARTICLE_REVIEW_INTERVAL_MONTHS.
DEFAULT_REVIEW_INTERVAL_MONTHS = 12
# A calm reading pace for health information, in words a minute.
READING_WORDS_PER_MINUTE = 200
# Addresses under /articles/ that the library itself uses.
RESERVED_ARTICLE_SLUGS = frozenset({"feed", "page", "topic"})


def review_interval_months():
    return getattr(settings, "ARTICLE_REVIEW_INTERVAL_MONTHS", DEFAULT_REVIEW_INTERVAL_MONTHS)


def add_months(day, months):
    """`day` moved by `months` (negative: back), on the month's last day if the month is
    shorter (January 31 + 1 month = February 28 or 29)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last_day))


def reading_minutes(markdown_text):
    """Minutes a visitor needs to read `markdown_text`, at least 1."""
    words = len(re.findall(r"\w+", markdown_text or ""))
    return max(1, math.ceil(words / READING_WORDS_PER_MINUTE))


def validate_article_slug(value):
    if value.lower() in RESERVED_ARTICLE_SLUGS:
        raise ValidationError(
            _(
                "The address “%(slug)s” is used by the library itself. "
                "Please choose a different one."
            ),
            code="reserved",
            params={"slug": value},
        )


# --- Topics ----------------------------------------------------------------------------


class TopicQuerySet(models.QuerySet):
    def with_published_articles(self, now=None):
        live = Article.objects.published(now).filter(topics=OuterRef("pk"))
        return self.filter(Exists(live))


class Topic(models.Model):
    name = models.CharField(
        _("name"), max_length=60, help_text=_("A few words, e.g. “For families”.")
    )
    slug = models.SlugField(
        _("address"),
        max_length=60,
        unique=True,
        help_text=_(
            "Lowercase letters, numbers and hyphens: “family” lists the topic's articles "
            "at /articles/topic/family/."
        ),
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("One plain sentence shown above the topic's articles. Optional."),
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programs:articles_topic", kwargs={"topic": self.slug})


# --- Articles --------------------------------------------------------------------------


class ArticleQuerySet(ScheduledQuerySet):
    def newest_first(self):
        return self.order_by(F("published_at").desc(nulls_last=True), "-pk")

    def for_list(self):
        """What a list of articles shows, without the text, with its lead image."""
        return self.defer("body", "body_html").select_related("lead_image")

    def related_to(self, article, topic_ids, now=None):
        """Other published articles, those sharing the most of `topic_ids` first."""
        shared = Count("topics", filter=Q(topics__in=topic_ids), distinct=True)
        return (
            self.published(now)
            .exclude(pk=article.pk)
            .for_list()
            .annotate(shared_topics=shared)
            .order_by("-shared_topics", F("published_at").desc(nulls_last=True), "-pk")
        )

    def due_for_review(self, today=None):
        """Articles whose last clinical review is older than the review interval."""
        today = today or timezone.localdate()
        return self.filter(last_reviewed__lte=add_months(today, -review_interval_months()))


class Article(RendersMarkdown, Scheduled, SearchListing):
    title = models.CharField(
        _("title"),
        max_length=120,
        help_text=_("The article's heading and the start of the browser tab's title."),
    )
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        validators=[validate_article_slug],
        help_text=_(
            "Lowercase letters, numbers and hyphens: “what-is-iop” for "
            "/articles/what-is-iop/. When a published article's address changes, the old "
            "address redirects to the new one (see Redirects)."
        ),
    )
    summary = models.CharField(
        _("summary"),
        max_length=160,
        help_text=_(
            "One plain sentence, at most 160 characters: shown in the library, by search "
            "engines and when the article is shared."
        ),
    )
    lead_image = library_image_field(
        _("lead image"),
        _(
            "Optional. A picture from the image library shown above the text, in the lists "
            "of articles and when the article is shared."
        ),
    )
    body = models.TextField(
        _("text"),
        help_text=_("Markdown, as for pages: ## for a heading, - for a list, [words](https://…)."),
    )
    body_html = models.TextField(editable=False, blank=True)
    topics = models.ManyToManyField(
        Topic,
        blank=True,
        related_name="articles",
        verbose_name=_("topics"),
        help_text=_("Visitors can list the articles of a topic; related articles share one."),
    )
    author = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="articles_written",
        verbose_name=_("written by"),
    )
    reviewer = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles_reviewed",
        verbose_name=_("clinically reviewed by"),
        help_text=_(
            "A licensed clinician other than the author, with credentials. Needed to publish."
        ),
    )
    last_reviewed = models.DateField(
        _("clinically reviewed on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the reviewer last checked the article. Needed to publish. Articles are "
            "flagged for a new review when this is too long ago."
        ),
    )
    published_at = models.DateTimeField(
        _("first published"),
        null=True,
        editable=False,
        help_text=_("Set when the article is first published, or its go-live time."),
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )

    markdown_fields = {"body": "body_html"}

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(reviewer__isnull=False, last_reviewed__isnull=False),
                name="programs_article_published_is_reviewed",
                violation_error_message=_(
                    "A published article needs a clinical reviewer and the date of the review."
                ),
            ),
            models.CheckConstraint(
                condition=Q(reviewer__isnull=True) | ~Q(reviewer=F("author")),
                name="programs_article_reviewer_is_not_author",
                violation_error_message=_(
                    "The clinical reviewer must be someone other than the author."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "publish_at"]),
            models.Index(fields=["published_at"]),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        # The same rules as the constraints, with the error beside the field to fix.
        errors = {}
        if self.status == self.Status.PUBLISHED:
            if self.reviewer_id is None:
                errors["reviewer"] = _("Choose the clinician who reviewed the article.")
            if self.last_reviewed is None:
                errors["last_reviewed"] = _("Enter the day of the clinical review.")
        if self.reviewer_id is not None:
            if self.reviewer_id == self.author_id:
                errors["reviewer"] = _(
                    "The clinical reviewer must be someone other than the author."
                )
            elif not self.reviewer.credentials:
                errors["reviewer"] = _(
                    "%(name)s has no credentials on their profile. A clinical reviewer "
                    "needs them, e.g. LCSW."
                ) % {"name": self.reviewer.name}
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = _("The review date cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and (self.publish_at or not self.published_at):
            # A go-live time is the publication time; otherwise the first publication.
            self.published_at = self.publish_at or timezone.now()
        self.reading_minutes = reading_minutes(self.body)
        kwargs["update_fields"] = with_derived_fields(
            kwargs.get("update_fields"),
            {
                "status": ["published_at"],
                "publish_at": ["published_at"],
                "body": ["reading_minutes"],
            },
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("programs:article", kwargs={"slug": self.slug})

    @property
    def review_due_on(self):
        """The day the next clinical review is due, or None before the first one."""
        if self.last_reviewed is None:
            return None
        return add_months(self.last_reviewed, review_interval_months())

    def is_due_for_review(self, today=None):
        """As ArticleQuerySet.due_for_review, for this article."""
        today = today or timezone.localdate()
        cutoff = add_months(today, -review_interval_months())
        return self.last_reviewed is not None and self.last_reviewed <= cutoff
