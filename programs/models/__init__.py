"""The clinic's public content: pages, the evening schedule, therapies, FAQ, the
articles of the resource library with the people who write and review them, and the
clinic's own details, all edited by marketing staff in the admin.

Markdown typed by staff is rendered once, on save, into a stored and sanitized HTML
field (`*_html`), so a public request never parses Markdown.
"""

from .accreditations import Accreditation
from .articles import Article, Topic
from .base import next_go_live
from .clinic import ClinicSettings, parse_phone, validate_clinic_phone
from .content import FaqEntry, Therapy
from .images import Image
from .pages import Page, PageSection, privacy_notice_version, reserved_slugs
from .people import Person
from .revisions import Revision
from .schedule import Mode, Session, Track, hours_label
from .seo import Redirect

__all__ = [
    "Accreditation",
    "Article",
    "ClinicSettings",
    "FaqEntry",
    "Image",
    "Mode",
    "Page",
    "PageSection",
    "Person",
    "Redirect",
    "Revision",
    "Session",
    "Therapy",
    "Topic",
    "Track",
    "hours_label",
    "next_go_live",
    "parse_phone",
    "privacy_notice_version",
    "reserved_slugs",
    "validate_clinic_phone",
]
