"""Status and priority of an inquiry, shared by the inquiry and its activity rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _


# "-priority" sorts urgent first: keep every other value alphabetically before "urgent".
class InquiryPriority(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    URGENT = "urgent", _("Urgent")


class InquiryStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    ASSESSMENT_SCHEDULED = "assessment_scheduled", _("Assessment scheduled")
    ADMITTED = "admitted", _("Admitted")
    REFERRED = "referred", _("Referred elsewhere")
    NOT_A_FIT = "not_a_fit", _("Not a fit")
    UNREACHABLE = "unreachable", _("Unreachable")
    SPAM = "spam", _("Spam")
    MERGED = "merged", _("Merged into an earlier inquiry")
