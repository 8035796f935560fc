"""The people who write and clinically review the articles, shown on the team page."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import RendersMarkdown
from .images import library_image_field

# One credential: "LCSW", "PMHNP-BC", "Ph.D.", "CADC III".
CREDENTIAL = re.compile(r"[A-Z][A-Za-z0-9.\-/]*(?: [A-Z0-9][A-Za-z0-9.\-/]*)*")


def validate_credentials(value):
    parts = [part.strip() for part in value.split(",")]
    if not all(CREDENTIAL.fullmatch(part) for part in parts):
        raise ValidationError(
            _(
                "Write the credentials as their letters, separated by commas, e.g. "
                "“LCSW, LAADC” or “MD”."
            ),
            code="invalid",
        )


# --- People ----------------------------------------------------------------------------


class PersonQuerySet(models.QuerySet):
    def by_role(self):
        """In the team page's order: by role (in the order roles are listed), then by
        the editors' order and name."""
        rank = Case(
            *(When(role=role, then=Value(index)) for index, role in enumerate(Person.Role)),
            default=Value(len(Person.Role)),
        )
        return self.alias(role_rank=rank).order_by("role_rank", "order", "name")

    def on_team_page(self):
        return self.filter(on_team_page=True).by_role()

    def public(self, now=None):
        """People with a page a visitor may open: those on the team page, and anyone
        credited on a published article (a byline always links somewhere)."""
        from .articles import Article

        live = Article.objects.published(now)
        return self.filter(
            Q(on_team_page=True)
            | Exists(live.filter(author=OuterRef("pk")))
            | Exists(live.filter(reviewer=OuterRef("pk")))
        )


class Person(RendersMarkdown, models.Model):
    class Role(models.TextChoices):
        # The team page lists the roles in this order.
        LEADERSHIP = "leadership", _("Clinical leadership")
        MEDICAL = "medical", _("Medical care")
        THERAPY = "therapy", _("Counselors and therapists")
        ADMISSIONS = "admissions", _("Admissions and support")

    name = models.CharField(
        _("name"), max_length=120, help_text=_("As the person likes it written, e.g. “Dana Reyes”.")
    )
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        help_text=_("E.g. “dana-reyes” for the person's page at /team/dana-reyes/."),
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=80,
        blank=True,
        validators=[validate_credentials],
        help_text=_(
            "Licenses and degrees after the name, separated by commas, e.g. “LCSW, LAADC” "
            "or “MD”. Shown in bylines. A clinical reviewer must have some."
        ),
    )
    job_title = models.CharField(
        _("job title"), max_length=120, help_text=_("E.g. “Clinical director”.")
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.THERAPY,
        help_text=_("Groups people on the team page, in the order of this list."),
    )
    photo = library_image_field(
        _("photo"),
        _(
            "Optional. A picture from the image library, shown on the team page and the "
            "person's page. Only with the person's written permission."
        ),
    )
    bio = models.TextField(
        _("short biography"),
        blank=True,
        help_text=_("A few sentences in Markdown, shown on the team page and the person's page."),
    )
    bio_html = models.TextField(editable=False, blank=True)
    on_team_page = models.BooleanField(
        _("show on the team page"),
        default=True,
        help_text=_(
            "Untick for someone who should not be listed. Their page still opens from the "
            "bylines of articles they wrote or reviewed."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first within a role.")
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    markdown_fields = {"bio": "bio_html"}

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name_with_credentials

    def get_absolute_url(self):
        return reverse("programs:person", kwargs={"slug": self.slug})

    @property
    def name_with_credentials(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name
