"""Pages: the site's text, edited in Markdown and published now or at a set time."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import RendersMarkdown, Scheduled, ScheduledQuerySet
from .images import library_image_field


def reserved_slugs():
    """First path segments that other routes own; a page with one of these slugs
    could never be reached."""
    return {
        "contact",
        "articles",
        "team",
        # Kept for the Spanish pages.
        "es",
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


class PageQuerySet(ScheduledQuerySet):
    def in_navigation(self, now=None):
        return self.published(now).filter(show_in_nav=True).order_by("nav_order", "title")


class Page(RendersMarkdown, Scheduled):
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
    lead_image = library_image_field(
        _("lead image"),
        _(
            "Optional. A picture from the image library shown at the top of the page, and "
            "when the page is shared."
        ),
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
            "caption. ![what it shows](image:12) shows picture 12 of the image library "
            "(its number is on its page there). Scripts and styles are removed."
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

    markdown_fields = {"body": "body_html"}

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

    def get_absolute_url(self):
        if self.layout == self.Layout.HOME:
            return reverse("programs:home")
        return reverse("programs:page", kwargs={"slug": self.slug})

    @property
    def menu_label(self):
        return self.nav_label or self.title


class PageSection(RendersMarkdown, models.Model):
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

    markdown_fields = {"body": "body_html"}

    history = HistoricalRecords()

    class Meta:
        ordering = ["page", "order", "id"]
        verbose_name = _("page section")
        verbose_name_plural = _("page sections")

    def __str__(self):
        return self.heading


def privacy_notice_version():
    """A short string naming the privacy notice visitors see now (the time it was last
    changed), recorded with each consent; "" if no privacy notice is published."""
    updated_at = (
        Page.objects.published().filter(slug="privacy").values_list("updated_at", flat=True).first()
    )
    return updated_at.isoformat(timespec="seconds") if updated_at else ""
