"""Crisis wording in an inquiry's message: the rules, by language, in one place.

An inquiry whose message fires a rule is urgent (see `Inquiry.derive_priority`); staff
see the rule's label, never the words. The rules are regular expressions run on a
normalised copy of the text (lower case, accents dropped, straight apostrophes, single
spaces): no model, nothing downloaded, and every decision can be read here. Each
language has its table (english.py, spanish.py) of the same named rules, and its own
words of denial.

They lean towards flagging. A false alarm costs admissions a quick call; a miss can
cost a life. A match is set aside only for a plain negation shortly before it in the
same clause, with nothing but small words in between ("I'm not suicidal", "no
thoughts of self-harm", "no tengo pensamientos suicidas"). "Not sure I want to live"
still fires, and so does "I'm not suicidal but I took too many pills": the overdose is
in a clause of its own. For the same reason a message is read with every language's
table, its own first: people write in the language they think in, whichever form
they found.
"""

import re
import unicodedata

from . import english, spanish
from .rules import RULE_LABELS, Rule

__all__ = ["RULES", "RULE_LABELS", "Rule", "crisis_rule", "normalise"]

RULES = {"en": english.RULES, "es": spanish.RULES}
VOCABULARIES = {"en": english.VOCABULARY, "es": spanish.VOCABULARY}

MAX_BRIDGE_WORDS = 5
WINDOW = 200  # characters either side of a match read for negation
WORD = re.compile(r"[\w']+")
# Curly and look-alike apostrophes, and Unicode hyphens, as typed on phones.
TYPOGRAPHY = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u0060\u00b4\u2032", "'"))
TYPOGRAPHY.update(str.maketrans(dict.fromkeys("\u2010\u2011", "-")))


def _compile(rules):
    # A space in a pattern matches one space or line break of the normalised text.
    return tuple(
        (
            rule.name,
            re.compile(r"(?<!\w)(?:" + "|".join(rule.patterns).replace(" ", r"\s") + r")(?!\w)"),
        )
        for rule in rules
    )


COMPILED_RULES = {language: _compile(rules) for language, rules in RULES.items()}


def normalise(text):
    """Lower case, accents dropped ("suicidarme" for "SUICIDARMÉ", "n" for "ñ"),
    straight apostrophes, single spaces, and line breaks kept (they end a clause)."""
    text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY).casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = re.sub(r"[^\S\n]+", " ", text)
    return re.sub(r" ?\n\s*", "\n", text).strip()


def is_negated(text, match):
    """Whether `match` in normalised `text` is plainly denied: a negation shortly
    before it, in the same clause, with only small words between, in the words of any
    language (read with the Spanish table, "I'm not suicidal" is still denied
    in English), and nothing after it, in any of them, that says the danger is still
    there ("no me he hecho daño todavía", "I haven't yet")."""
    vocabularies = VOCABULARIES.values()
    found = WORD.findall(match.group())
    if any(vocabulary.negations.intersection(found) for vocabulary in vocabularies):
        return False  # "not breathing", "no respira": the negation is the danger
    # Only a few words either side matter; a bounded window keeps long texts cheap.
    after = text[match.end() : match.end() + WINDOW]
    before = text[max(0, match.start() - WINDOW) : match.start()]
    for vocabulary in vocabularies:
        if vocabulary.still_there.search(vocabulary.clause_break.split(after, maxsplit=1)[0]):
            return False
    return any(negation_before(before, vocabulary) for vocabulary in vocabularies)


def negation_before(before, vocabulary):
    """Whether the clause ending `before` ends with a negation of `vocabulary` and at
    most a few of its small words."""
    before = WORD.findall(vocabulary.clause_break.split(before)[-1])
    for distance, word in enumerate(reversed(before)):
        if word in vocabulary.negations:
            earlier = before[-distance - 2] if distance + 2 <= len(before) else ""
            return earlier not in vocabulary.undoes_negation
        if word not in vocabulary.bridge_words or distance >= MAX_BRIDGE_WORDS:
            return False
    return False


def crisis_rule(text, language="en"):
    """The name (a short slug like "overdose") of the first rule that fires on `text`, or None.

    The table of `language` is tried first ("en-us" is English; a language without a
    table of its own starts with English), then every other one; within a table the
    rules go most urgent first.
    """
    if not text:
        return None
    first = language.split("-")[0].lower()
    if first not in COMPILED_RULES:
        first = "en"
    text = normalise(text)
    for code in (first, *(code for code in COMPILED_RULES if code != first)):
        for name, pattern in COMPILED_RULES[code]:
            if any(not is_negated(text, match) for match in pattern.finditer(text)):
                return name
    return None
