"""Pages: the site's text, edited in Markdown and published now or at a set time."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import RendersMarkdown, Scheduled, ScheduledQuerySet
from .images import library_image_field
from .seo import SearchListing


def reserved_slugs():
    """First path segments that other routes own; a page with one of these slugs
    could never be reached."""
    return {
        "contact",
        "articles",
        "team",
        # Their Spanish addresses (/es/contacto/, /es/articulos/, /es/equipo/).
        "contacto",
        "articulos",
        "equipo",
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

# Pages the clinic is bound by. A new page at one of these addresses starts flagged as
# legal (Page.is_legal): only a publisher publishes changes to it.
LEGAL_PAGE_SLUGS = frozenset(
    {"privacy", "privacy-practices", "notice-of-privacy-practices", "terms", "accessibility"}
)


class PageQuerySet(ScheduledQuerySet):
    def in_navigation(self, now=None):
        return self.published(now).filter(show_in_nav=True).order_by("nav_order", "title")


class Page(RendersMarkdown, Scheduled, SearchListing):
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
            "“what-is-iop” for /what-is-iop/. When a published page's address changes, "
            "the old address redirects to the new one (see Redirects)."
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

    is_legal = models.BooleanField(
        _("legal page"),
        default=False,
        help_text=_(
            "A notice the clinic is bound by (privacy, terms, accessibility): changes to it "
            "are published by a member of the Publisher group only, and it cannot be "
            "deleted. Only publishers can set or clear this."
        ),
    )

    markdown_fields = {"body": "body_html"}

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
        if self._state.adding and self.slug in LEGAL_PAGE_SLUGS:
            self.is_legal = True
        super().save(*args, **kwargs)

    def changes_need_publisher(self, draft):
        """Whether publishing `draft` (a revision of this page) needs a publisher."""
        return self.is_legal or draft.is_legal

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

    class Meta:
        ordering = ["page", "order", "id"]
        verbose_name = _("page section")
        verbose_name_plural = _("page sections")

    def __str__(self):
        return self.heading


def privacy_notice_version():
    """A short string naming the privacy notice visitors see now, recorded with each
    consent; "" if no privacy notice is published. It is the time the notice's live
    revision was published (a saved draft changes nothing), or for a notice never
    published through a revision, the time it was last saved."""
    from .revisions import Revision

    published = Revision.objects.filter(
        content_type__app_label="programs",
        content_type__model="page",
        object_id=OuterRef("pk"),
        status=Revision.Status.PUBLISHED,
    ).order_by("-published_at")
    changed = (
        Page.objects.published()
        # Its English address, whatever the language: `slug` alone would be read as the
        # active language's (slug_es on the Spanish form), and find nothing.
        .filter(**{f"slug_{settings.LANGUAGE_CODE}": "privacy"})
        .annotate(version=Coalesce(Subquery(published.values("published_at")[:1]), "updated_at"))
        .values_list("version", flat=True)
        .first()
    )
    return changed.isoformat(timespec="seconds") if changed else ""
