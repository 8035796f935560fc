"""The admin index's note to publishers of what waits for their approval."""

from django import template
from django.urls import reverse

from programs.models import Revision
from programs.revisions import PUBLISH_PERMISSION

register = template.Library()


@register.simple_tag
def waiting_for_approval(user):
    """{"count", "url"} for a publisher, None for anyone else. One query."""
    if not user.has_perm(PUBLISH_PERMISSION):
        return None
    return {
        "count": Revision.objects.waiting_for_approval().count(),
        "url": reverse("admin:programs_revision_changelist") + "?state=waiting",
    }
