"""What every language's table of crisis wording is made of (admissions/crisis)."""

import re
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

# What staff see about a message, by rule name. The names are shared by every
# language's table, and stored on the inquiry (Inquiry.crisis_rule).
RULE_LABELS = {
    "not_breathing": _("Someone not breathing or not waking up"),
    "naloxone_used": _("Narcan (naloxone) used"),
    "overdose": _("Overdose or too much taken"),
    "plan_or_means": _("A plan or the means to die"),
    "kill_oneself": _("Killing oneself"),
    "suicide": _("Suicide or suicidal thoughts"),
    "ending_life": _("Ending one's life"),
    "wish_to_die": _("Wanting to die or not to live"),
    "self_harm": _("Self-harm or cutting"),
}


class Rule(NamedTuple):
    name: str  # a key of RULE_LABELS
    patterns: tuple[str, ...]  # matched as whole words; a space matches any line break too

    @property
    def label(self):
        return RULE_LABELS[self.name]


class Vocabulary(NamedTuple):
    """The words a language denies a danger with, and those that may stand between the
    denial and the danger (see `is_negated` in admissions/crisis/__init__.py)."""

    negations: frozenset[str]  # "*not* suicidal", "*denies* self-harm"
    # Small words that may stand between a negation and what it negates: "no *thoughts
    # of* self-harm". Any other word between them ("I don't *know what to do* I want to
    # die") keeps the match.
    bridge_words: frozenset[str]
    # A negation that is itself negated or questioned affirms: "I *can't* deny it".
    undoes_negation: frozenset[str]
    # Words after a match that say the danger is still there: "I haven't killed myself
    # *yet*", "I'm not suicidal *anymore*" (so I was).
    still_there: re.Pattern
    # What ends a clause: a negation never reaches across one.
    clause_break: re.Pattern


def words(text):
    return frozenset(text.split())
