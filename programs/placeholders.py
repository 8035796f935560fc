"""Placeholders: facts the site knows, written in text as {{ name }} and shown with their
current value, so the prose never contradicts the schedule or the phone number.

Double curly braces mean nothing in Markdown, so a placeholder passes through rendering
untouched and stays in the saved HTML as typed. It is filled in each time a page is
shown (the page cache keeps the filled page only until the schedule or the clinic's
details change: both are content models, which change the cache's version), with the
value escaped. An unknown placeholder is refused when the text is saved.

Track facts name the first published track on the schedule, or one track by its short
name: {{ virtual-evening: days-per-week }}. In a track's own description they name that
track.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Anything in double braces is meant as a placeholder, so a typo is refused, not shown.
PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")

CLINIC_FACTS = {
    "phone": gettext_lazy("the 24/7 admissions phone number"),
    "clinic-name": gettext_lazy("the clinic's name"),
}
TRACK_FACTS = {
    "days-per-week": gettext_lazy("days a week, in words (“three”)"),
    "session-days": gettext_lazy("the days (“Monday, Wednesday and Thursday”)"),
    "session-times": gettext_lazy("the session times (“6 p.m. \N{EN DASH} 9 p.m.”)"),
    "hours-per-session": gettext_lazy("hours of a session (“3”)"),
    "hours-per-week": gettext_lazy("hours a week (“9”)"),
    "weeks": gettext_lazy("the typical length (“8 to 12 weeks”)"),
}

NUMBER_WORDS = [
    gettext_lazy("no"),
    gettext_lazy("one"),
    gettext_lazy("two"),
    gettext_lazy("three"),
    gettext_lazy("four"),
    gettext_lazy("five"),
    gettext_lazy("six"),
    gettext_lazy("seven"),
]


def parse(token):
    """(track slug or "", fact name) for the inside of {{ … }}."""
    track, _sep, fact = token.rpartition(":")
    return track.strip(), fact.strip()


def validate_placeholders(text):
    """Refuse any {{ … }} in `text` that is not a known placeholder. One query when a
    placeholder names a track."""
    tokens = {match.group(1) for match in PLACEHOLDER.finditer(text or "")}
    if not tokens:
        return
    from .models import Track

    named = {parse(token)[0] for token in tokens} - {""}
    tracks = set(Track.objects.filter(slug__in=named).values_list("slug", flat=True))
    unknown = []
    for token in sorted(tokens):
        track, fact = parse(token)
        known = fact in TRACK_FACTS if track else fact in CLINIC_FACTS or fact in TRACK_FACTS
        if not known or (track and track not in tracks):
            unknown.append("{{" + token + "}}")
    if unknown:
        raise ValidationError(
            _(
                "Unknown placeholder %(unknown)s. The placeholders are %(known)s; a track's "
                "facts can name the track, e.g. {{ virtual-evening: days-per-week }}."
            )
            % {
                "unknown": get_text_list([f"“{item}”" for item in unknown], _("and")),
                "known": ", ".join(f"{{{{ {name} }}}}" for name in [*CLINIC_FACTS, *TRACK_FACTS]),
            },
            code="unknown_placeholder",
        )


def track_facts(track):
    days = track.days_per_week
    from .models import hours_label

    return {
        "days-per-week": str(NUMBER_WORDS[days]) if days < len(NUMBER_WORDS) else str(days),
        "session-days": get_text_list([str(day) for day in track.day_names], _("and")),
        "session-times": get_text_list(track.time_ranges, _("or")),
        "hours-per-session": hours_label(track.hours_per_session),
        "hours-per-week": hours_label(track.hours_per_week),
        "weeks": str(track.weeks_label),
    }


class Facts:
    """The current values, worked out on first use from the clinic's details (the
    `clinic` template context) and the published tracks with their sessions (passed in,
    or two queries)."""

    def __init__(self, clinic, tracks=None):
        self.clinic = clinic or {}
        self._tracks = tracks
        self._by_track = None

    def tracks(self, published=True):
        """The published tracks (or every track) with their sessions, in order."""
        from django.db.models import Prefetch

        from .models import Session, Track

        if published and self._tracks is not None:
            return self._tracks
        tracks = Track.objects.published() if published else Track.objects.all()
        tracks = list(
            tracks.prefetch_related(
                Prefetch("sessions", queryset=Session.objects.order_by("weekday", "start_time"))
            )
        )
        if published:
            self._tracks = tracks
        return tracks

    def track(self, slug):
        """The track named in a placeholder: on the schedule, or else (rare: two more
        queries) one not published."""
        found = next((track for track in self.tracks() if track.slug == slug), None)
        if found is None:
            found = next(
                (track for track in self.tracks(published=False) if track.slug == slug), None
            )
        return found

    def value(self, token, default_track=None):
        """The text for the inside of {{ … }}, or None when unknown."""
        track_slug, fact = parse(token)
        if not track_slug:
            if fact == "phone":
                return str(self.clinic.get("phone", ""))
            if fact == "clinic-name":
                return str(self.clinic.get("name", ""))
        if fact not in TRACK_FACTS:
            return None
        if self._by_track is None:
            self._by_track = {}
        if track_slug:
            track = self.track(track_slug)
        else:
            track = default_track or next(iter(self.tracks()), None)
        if track is None:
            return None
        if track.slug not in self._by_track:
            self._by_track[track.slug] = track_facts(track)
        return self._by_track[track.slug][fact]

    def fill(self, html, default_track=None):
        """`html` (already safe) with every known placeholder replaced by its escaped
        value; an unknown one (a track since deleted) is left as typed."""
        if "{{" not in html:
            return mark_safe(html)  # noqa: S308 - sanitised when saved

        def replace(match):
            value = self.value(match.group(1), default_track)
            return match.group(0) if value is None else escape(value)

        return mark_safe(PLACEHOLDER.sub(replace, html))  # noqa: S308 - values escaped

    def help_rows(self):
        """(placeholder, what it is, its value now) for the editor's help."""
        rows = []
        for name, meaning in [*CLINIC_FACTS.items(), *TRACK_FACTS.items()]:
            rows.append((f"{{{{ {name} }}}}", meaning, self.value(name) or ""))
        return rows
