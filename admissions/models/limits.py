"""Per-address submission counters for when the shared cache is the database."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionCount(models.Model):
    """How many inquiries one client address sent in one time window. The address is
    only in `key`, as a keyed hash. Rows are incremented with F("count") + 1 under a
    row lock, so two simultaneous posts never read the same count (the database cache's
    own incr is a get then a set). Expired rows are deleted as new ones are made."""

    key = models.CharField(_("key"), max_length=64, unique=True)
    count = models.PositiveIntegerField(_("count"), default=0)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        verbose_name = _("submission count")
        verbose_name_plural = _("submission counts")
        ordering = ["expires_at"]

    def __str__(self):
        return f"{self.count}"
