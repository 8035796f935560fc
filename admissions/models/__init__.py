"""Admissions inquiries and their workflow.

An inquiry holds what a prospective patient (or someone who cares about them) told
us, which is health information: it stays in the database and is shown only to
admissions staff. Events, access records, notifications and log lines hold ids,
references, statuses, actors and times, never the text a visitor typed.
"""

from .access import AccessRecord
from .activity import ContactAttempt, InquiryEvent, Note
from .appointment import Appointment
from .choices import InquiryPriority, InquiryStatus
from .history import WorkflowError
from .inquiry import (
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    Inquiry,
    InquiryQuerySet,
    mentions_crisis,
    new_reference,
)
from .limits import SubmissionCount
from .notification import Notification

__all__ = [
    "REFERENCE_ALPHABET",
    "REFERENCE_LENGTH",
    "AccessRecord",
    "Appointment",
    "ContactAttempt",
    "Inquiry",
    "InquiryEvent",
    "InquiryPriority",
    "InquiryQuerySet",
    "InquiryStatus",
    "Note",
    "Notification",
    "SubmissionCount",
    "WorkflowError",
    "mentions_crisis",
    "new_reference",
]
