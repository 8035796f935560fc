"""Revisions of pages, articles and the clinic settings: each is the whole item (its
fields, its many-to-many links and the rows that belong to it, such as a page's
sections) as it was saved, kept outside the live row.

A change to a live item is saved as a draft revision; visitors keep seeing the live
row until the revision is published, at once or at a set time. How revisions are
made, shown and published is in programs/revisions.py.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


def staff_member(verbose_name):
    """Who did something to a revision. Kept as nothing when their account is deleted:
    the revision stays."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class RevisionQuerySet(models.QuerySet):
    def for_item(self, item):
        return self.filter(
            content_type=ContentType.objects.get_for_model(item, for_concrete_model=False),
            object_id=item.pk,
        )

    def pending(self):
        """Drafts and scheduled revisions: saved, not published yet."""
        return self.filter(status__in=[Revision.Status.DRAFT, Revision.Status.SCHEDULED])

    def waiting_for_approval(self):
        return self.pending().filter(needs_publisher=True)


class Revision(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        REPLACED = "replaced", _("Replaced by a later draft")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of item")
    )
    object_id = models.PositiveBigIntegerField(_("item id"))
    title = models.CharField(
        _("title"), max_length=200, help_text=_("The item's name when this was saved.")
    )
    data = models.JSONField(
        _("content"),
        encoder=DjangoJSONEncoder,
        help_text=_("The whole item as saved, in Django's serialization format."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    needs_publisher = models.BooleanField(
        _("needs a publisher"),
        default=False,
        help_text=_(
            "Changes a legal page or the clinic details patients rely on: only a member "
            "of the Publisher group may publish it."
        ),
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    created_by = staff_member(_("saved by"))
    publish_at = models.DateTimeField(
        _("publish at"), null=True, blank=True, help_text=_("When a scheduled revision goes live.")
    )
    scheduled_by = staff_member(_("scheduled by"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = staff_member(_("published by"))
    problem = models.CharField(
        _("problem"),
        max_length=500,
        blank=True,
        help_text=_("Why a scheduled revision could not be published, if it could not."),
    )

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"]),
            models.Index(fields=["status", "publish_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="scheduled") | models.Q(publish_at__isnull=False),
                name="programs_revision_scheduled_has_time",
            ),
        ]
        permissions = [
            (
                "publish_protected",
                _("Can publish changes to legal pages and to the clinic details patients use"),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_pending(self):
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)
