"""Crisis wording in an inquiry's message (admissions.crisis)."""

import pytest

from admissions.crisis import RULE_LABELS, RULES, crisis_rule

# Messages as people write them: someone who may be in danger now. The first four
# are word for word from the user test that missed them.
URGENT = [
    "I don't want to live anymore. I took a bunch of pills tonight.",
    "Thinking of ending it",
    "he is not breathing",
    "I'm not suicidal but I took too many pills",
    "not sure I want to live",
    # Also how despair sounds: when in doubt, a call.
    "I don't want to live like this anymore, I need help with my drinking",
    "I'm tired of living like this, I need to stop",
    "i dont want to live",
    "I don\u2019t want to be alive anymore",  # a curly apostrophe, as phones type it
    "im sucidal and i dont know who to call",
    "been feeling suicidle for weeks now",
    "my son took too many pills and hes acting weird",
    "she is not breathing please help",
    "My boyfriend OD'd last night and I don't know what to do",
    "I think my brother overdoes on fentanyl last weekend",
    "we gave him narcon and he came back but I'm scared",
    "used naloxone on my daughter twice this week",
    "can't wake him up, he used tonight",
    "My husband is unresponsive and his lips are turning blue",
    "I want to kill myself",
    "wanna kms honestly",
    "my sister keeps saying she wants to die",
    "I wish I was dead",
    "There's no reason to live anymore",
    "my family would be better off without me",
    "I have been cutting myself again",
    "my daughter has been cutting and I just found out",
    "I keep hurting myself when I drink",
    "he has a gun and says he is done with everything",
    "I have a bunch of pills saved up",
    "I'm going to jump off the bridge by my house",
    "My brother says he wants to end his life.",
    "She took all her pills at once",
    "i took too much i think",
    "o.d. on friday, just got out of the hospital",
    "i dont know what to do i want to die",
    "No one knows I'm suicidal",
    "I haven't hurt myself yet",
    "I'M NOT OK AND I'VE BEEN THINKING ABOUT SUICIDE",
    "life isnt worth living",
    "I DON'T WANT TO WAKE UP TOMORROW",
    "my son wont wake up after taking xanax",
    "I can't keep myself safe tonight",
    "no hes not breathing",
]

# Ordinary messages to an addiction-treatment program, some with a denial in them.
NOT_URGENT = [
    "I'm not suicidal, I just want to stop drinking",
    "I don't want to live with my parents anymore, can I still do the program?",
    "no thoughts of self-harm",
    "never been suicidal",
    "I don't want to die, I want help",
    "I want to quit drinking",
    "my husband drinks too much",
    "I used to cut back on weekends",
    "I need to end my addiction",
    "Can I start at the end of the month?",
    "Is the evening group any good for someone with odd work hours?",
    "What method do you use, is it 12-step?",
    "I take pills for blood pressure, is that a problem?",
    "Do you take Aetna?",
    "I have never overdosed, but I drink every day",
    "He has never OD'd, thank god, but he uses every day",
    "She denies any suicidal thoughts, she just needs help with alcohol",
    "I'm cutting down on drinking but it's hard",
    "I'm killing time until my shift, can someone call me after 5?",
    "My job is killing me and I drink to cope",
    "I want to take my life back from alcohol",
    "Do you give out Narcan kits?",
    "I carry naloxone because my brother uses",
    "He won't wake up for work after drinking all night",
    "In the end it was my wife who made me call",
    "I ended it with my boyfriend because he drinks",
    "I'm going to jump at the chance to get into the evening program",
    "I took two pills for my back last night",
    "I take my meds every morning like prescribed",
    "I've had too many DUIs",
    "I swallowed my pride and decided to reach out",
    "no history of overdose or self harm",
    "I would never hurt myself, I just need to stop drinking",
    "I drink a bottle of wine every night",
    "My wife took my keys because I drank too much",
    "i dont want to go on methadone",
    "Needing help with a suboxone taper, no thoughts of hurting myself",
    "My odometer says I drive too much to make morning groups",
    "He took a bottle of wine to the party and it went downhill",
]


def test_crisis_rule_reads_every_message_in_the_table_right():
    wrong = [f"missed: {message!r}" for message in URGENT if crisis_rule(message) is None]
    wrong += [
        f"false alarm ({rule}): {message!r}"
        for message in NOT_URGENT
        if (rule := crisis_rule(message)) is not None
    ]

    assert wrong == [], f"{len(wrong)} messages read wrongly:\n" + "\n".join(wrong)


def test_crisis_table_has_enough_of_both_kinds():
    assert len(URGENT) + len(NOT_URGENT) >= 60
    assert len(URGENT) >= 30
    assert len(NOT_URGENT) >= 30


@pytest.mark.parametrize(
    ("message", "rule"),
    [
        # Rules are tried most urgent first: the overdose leads, not the wish to die.
        ("I don't want to live anymore. I took a bunch of pills tonight.", "overdose"),
        ("Thinking of ending it", "ending_life"),
        ("he is not breathing", "not_breathing"),
        ("we had to give him two doses of narcan", "naloxone_used"),
        ("I'm not suicidal but I took too many pills", "overdose"),
        ("he has his dad's gun", "plan_or_means"),
        ("gonna kms", "kill_oneself"),
        ("im sucidal", "suicide"),
        ("not sure I want to live", "wish_to_die"),
        ("she is cutting herself", "self_harm"),
        ("I'm not suicidal, I just want to stop drinking", None),
    ],
)
def test_crisis_rule_names_the_rule_that_fired(message, rule):
    assert crisis_rule(message) == rule


@pytest.mark.parametrize("text", ["", None])
def test_crisis_rule_without_text_is_none(text):
    assert crisis_rule(text) is None


@pytest.mark.parametrize("language", ["en", "en-us", "EN"])
def test_crisis_rule_reads_english_language_codes_with_english_rules(language):
    assert crisis_rule("I want to kill myself", language=language) == "kill_oneself"


def test_crisis_rule_without_a_table_for_the_language_falls_back_to_english():
    assert crisis_rule("he overdosed", language="fr") == "overdose"


def test_crisis_rule_negation_in_another_sentence_does_not_deny_the_danger():
    assert crisis_rule("No. He is suicidal") == "suicide"
    assert crisis_rule("No he is not breathing") == "not_breathing"


def test_every_rule_has_a_label_and_every_label_a_rule():
    names_by_language = {
        language: [rule.name for rule in rules] for language, rules in RULES.items()
    }

    for language, names in names_by_language.items():
        assert len(names) == len(set(names)), f"{language}: a rule name is used twice"
        assert set(names) <= set(RULE_LABELS), f"{language}: a rule without a label"
    assert set().union(*names_by_language.values()) == set(RULE_LABELS)
    assert all(str(label) for label in RULE_LABELS.values())


def test_rule_label_is_its_staff_label():
    overdose = next(rule for rule in RULES["en"] if rule.name == "overdose")

    assert str(overdose.label) == "Overdose or too much taken"
