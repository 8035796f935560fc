"""Search engines and old addresses: the search listing fields of pages and articles,
and the redirects that keep an old address working after it changed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from .images import library_image_field

# What search engines show of a title and a description before they cut it.
SEO_TITLE_SHOWN = 60
DESCRIPTION_SHOWN = 155


class SearchListing(models.Model):
    """How a page or an article appears in search results and whether it may."""

    seo_title = models.CharField(
        _("search title"),
        max_length=70,
        blank=True,
        help_text=_(
            "The title search results and the browser tab show, at most 70 characters "
            "(search engines show about the first 60). Leave empty to use the title "
            "followed by the clinic's name."
        ),
    )
    noindex = models.BooleanField(
        _("hide from search engines"),
        default=False,
        help_text=_(
            "Asks search engines not to list this (a “noindex” tag) and leaves it out of "
            "the sitemap. Visitors with the address can still open it."
        ),
    )

    # PROTECT (library_image_field): a picture chosen here cannot be deleted from the
    # library while in use (the library says where), rather than a page quietly being
    # shared without it. A revision holding a picture deleted since drops it on publishing.
    sharing_image = library_image_field(
        _("sharing image"),
        _(
            "Optional. The picture shown when this is shared in a message or on social "
            "media (1200 pixels wide or more is best). Without one, the lead image is "
            "shared, or else the clinic's sharing image."
        ),
    )

    class Meta:
        abstract = True

    @property
    def shared_image(self):
        """The picture a link to this shows: its sharing image, else its lead image, or
        None (the clinic's sharing image then, see the og_image tag)."""
        return self.sharing_image or getattr(self, "lead_image", None)

    def search_title(self, clinic_name):
        """The <title> of the record's page, as search results show it."""
        return self.seo_title or f"{self.title} · {clinic_name}"


# --- Redirects -------------------------------------------------------------------------


def site_path(value):
    """`value` as a path on this site: an address typed with the site's own origin
    (https://…/old/) is cut to its path."""
    value = (value or "").strip()
    if value.startswith(settings.SITE_URL + "/"):
        value = value[len(settings.SITE_URL) :]
    return value


def validate_site_path(value):
    # "//host" and "/\\host" would send visitors to another site.
    if (
        not value.startswith("/")
        or value.startswith(("//", "/\\"))
        or any(c.isspace() for c in value)
    ):
        raise ValidationError(
            _("Enter an address on this site starting with “/”, e.g. “/what-is-iop/”."),
            code="invalid",
        )


class RedirectQuerySet(models.QuerySet):
    def record_move(self, old_path, new_path, keep_old=True):
        """What was at `old_path` is now at `new_path`: a redirect from the old address
        (if `keep_old`), redirects that led to the old address now lead straight to the
        new one (no chains), and a redirect away from the new address is deleted (the
        record lives there again: no loops). Writes redirect rows, nothing else."""
        if old_path == new_path:
            return
        with transaction.atomic():
            self.filter(old_path=new_path).delete()
            self.filter(new_path=old_path).update(new_path=new_path)
            if keep_old:
                self.update_or_create(
                    old_path=old_path, defaults={"new_path": new_path, "automatic": True}
                )


class Redirect(models.Model):
    old_path = models.CharField(
        _("old address"),
        max_length=200,
        unique=True,
        validators=[validate_site_path],
        help_text=_(
            "The address that no longer has a page, starting with “/”, e.g. "
            "“/what-is-iop/”. A page or article published at this address is shown "
            "instead of the redirect."
        ),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=200,
        validators=[validate_site_path],
        help_text=_("Where visitors and search engines are sent (a permanent, 301 redirect)."),
    )
    automatic = models.BooleanField(
        _("made automatically"),
        default=False,
        editable=False,
        help_text=_("Made when a page's or article's address was changed."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(old_path=models.F("new_path")),
                name="programs_redirect_not_to_itself",
                violation_error_message=_("A redirect cannot lead to its own address."),
            ),
        ]
        indexes = [models.Index(fields=["new_path"])]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        if self.old_path and self.old_path == self.new_path:
            raise ValidationError(
                {"new_path": _("A redirect cannot lead to its own address.")}, code="loop"
            )
        onward = (
            Redirect.objects.exclude(pk=self.pk)
            .filter(old_path=self.new_path)
            .values_list("new_path", flat=True)
            .first()
        )
        if onward is not None:
            # Refused rather than followed: two hops are slower for visitors and
            # search engines, and a loop would never arrive.
            raise ValidationError(
                {
                    "new_path": _(
                        "“%(path)s” itself redirects to “%(onward)s”. Enter “%(onward)s” "
                        "so visitors get there in one step."
                    )
                    % {"path": self.new_path, "onward": onward}
                },
                code="chain",
            )

    def save_collapsing_chains(self):
        """Save, and point redirects that led to this one's old address straight at its
        new address (so no visitor is sent twice). Writes redirect rows only."""
        with transaction.atomic():
            self.save()
            Redirect.objects.filter(new_path=self.old_path).exclude(pk=self.pk).update(
                new_path=self.new_path
            )
