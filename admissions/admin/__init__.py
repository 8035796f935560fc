"""The admissions queue in the Django admin.

Admissions staff work inquiries here; only they see inquiries (Marketing sees the
counts-only report). Status moves go through Inquiry.move_to (actions and the
"Move to" form on the change page); nothing edits `status` directly. Notes and contact
attempts are append-only; what the visitor submitted is read-only except the phone
number and email address, which staff correct when a call reveals a typo. Every page
that shows an inquiry writes its access records (access.RecordsAccess); superusers read
the trail under *Access trail*.
"""

from .access import AccessRecordAdmin
from .inquiry import InquiryAdmin
from .notification import NotificationAdmin

__all__ = ["AccessRecordAdmin", "InquiryAdmin", "NotificationAdmin"]
