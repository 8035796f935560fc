"""Accreditations and memberships: the trust marks in the footer and on the home page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import OrderedPublishable


class Accreditation(OrderedPublishable):
    """One accreditation, license or membership the clinic holds, shown as a plain
    text mark (never an image of text alone) with a link to where a visitor can check
    it."""

    class Kind(models.TextChoices):
        ACCREDITATION = "accreditation", _("Accreditation")
        MEMBERSHIP = "membership", _("Membership")

    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.ACCREDITATION
    )
    name = models.CharField(
        _("name"),
        max_length=150,
        help_text=_("What the clinic holds, e.g. “Behavioral Health Care Accreditation”."),
    )
    issuer = models.CharField(
        _("issuing body"),
        max_length=150,
        help_text=_("Who grants it, e.g. “The Joint Commission”."),
    )
    mark = models.CharField(
        _("badge text"),
        max_length=12,
        help_text=_(
            "A few letters drawn as the badge, e.g. “TJC” or “NAATP”. The full name is "
            "always written beside it, so the badge is never the only way to read it."
        ),
    )
    badge = models.ForeignKey(
        "programs.Image",
        verbose_name=_("badge picture"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Optional: a picture of the badge from the image library, shown instead of the "
            "drawn letters. The name and issuer are always written beside it."
        ),
    )
    url = models.URLField(
        _("link"),
        blank=True,
        help_text=_("Where a visitor can check it, e.g. the issuing body's page about the clinic."),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("accreditation or membership")
        verbose_name_plural = _("accreditations and memberships")

    def __str__(self):
        return f"{self.issuer}: {self.name}"
