"""The clinic's public content: pages, the evening schedule, therapies, FAQ and the
clinic's own details, all edited by marketing staff in the admin.

Markdown typed by staff is rendered once, on save, into a stored and sanitized HTML
field (`*_html`), so a public request never parses Markdown.
"""

from .clinic import ClinicSettings, parse_phone, validate_clinic_phone
from .content import FaqEntry, PublishedQuerySet, Therapy
from .pages import Page, PageSection, privacy_notice_version, reserved_slugs
from .schedule import Mode, Session, Track, hours_label

__all__ = [
    "ClinicSettings",
    "FaqEntry",
    "Mode",
    "Page",
    "PageSection",
    "PublishedQuerySet",
    "Session",
    "Therapy",
    "Track",
    "hours_label",
    "parse_phone",
    "privacy_notice_version",
    "reserved_slugs",
    "validate_clinic_phone",
]
