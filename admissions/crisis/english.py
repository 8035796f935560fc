"""The English table of crisis wording (see admissions/crisis/__init__.py)."""

import re

from .rules import Rule, Vocabulary, words

# Pieces shared by the English patterns.
SELF = r"(?:my ?s(?:el|le|e|l)f|meself|him ?self|her ?self|them ?sel(?:f|ves)|your ?self|ur ?self)"
OWNER = r"(?:(?:my|his|her|their|the|those|these|[\w]+'s) )?"  # "all *my* pills", "*mom's* pills"
PILLS = (
    r"(?:pills?|tablets?|meds|medications?|medicines?|painkillers|pain pills|sleeping pills"
    r"|xanax|xans|bars|benzos|percs|percocets?|oxys?|oxycodone|oxycontin|vicodin|norcos?"
    r"|tylenol|advil|ambien|klonopin|valium|seroquel|insulin|fent|fentanyl|heroin|dope)"
)
# Past ingestion: what has been taken already.
TOOK = r"(?:took|taken|tooken|swallowed|ingested|injected|snorted|shot up|popped|downed)"
# More than anyone takes by mistake; small numbers ("took 2 pills") do not count.
AMOUNT = (
    r"(?:(?:like|about|around|maybe|over|almost|nearly|at least) )?"
    r"(?:a bunch|bunch|a handful|handful|a fistful|all|all of|a lot|lots|alot|tons|a ton"
    r"|[5-9]|[1-9]\d+|ten|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a dozen|dozens)"
)
UP_TO_4_WORDS = r"(?:(?!to )[\w']+ ){0,4}"
NARCAN = r"(?:nar[ck][aeio][nm]|nal[oa]x[oa]ne?|naloxen|naxolone|kloxxado|zimhi)"
# "won't wake up *for work*" is a late riser, not an emergency.
NOT_A_LATE_RISER = r"(?! (?:early|on time|in time|for|before|until|till|by|at \d|in the morning)\b)"
# "I don't want to live *with my parents*" is about where, not whether. "I don't want to
# live like this" stays a flag: it is also how despair sounds, and a doubt is a call.
NOT_A_WAY_OF_LIFE = r"(?! (?:with|in|at|on|near|there|here|alone|by)\b)"
END = r"end(?:s|ed|ing|in'?)?"
WANT = r"(?:want|wants|wanted|wanting|wanna|wish|wishes|wished|wishing)"
TO = r"(?:to|too|2)"
CANT = r"(?:can'?t|cannot|can not|couldn'?t|could not)"

RULES = (
    # Someone may be dying as the form is filled in: 911 first, so this leads.
    Rule(
        "not_breathing",
        (
            r"(?:not|isn'?t|wasn'?t|aren'?t|weren'?t|ain'?t|stopped|stop|no longer|barely"
            r"|hardly) breath(?:ing|in'?)",
            r"breathing (?:is|was|seems|looks) (?:very |really |so )?(?:slow|shallow)"
            r"|breathing(?: but)? barely",
            # Someone who has to ask is looking at a person who may be dying.
            r"(?:don'?t think|not sure|unsure|can'?t tell|don'?t know)(?: if| whether)?"
            r" (?:he|she|they|he'?s|she'?s|they'?re|my \w+)(?: is| are)? (?:still )?"
            r"(?:breathing|alive)",
            r"(?:won'?t|will not|wouldn'?t|would not) (?:wake up|wake(?! up\b))"
            rf"{NOT_A_LATE_RISER}",
            rf"(?:not|isn'?t) waking up{NOT_A_LATE_RISER}",
            # "can't wake *him*", not "I can't wake up in the mornings".
            rf"(?:{CANT}|unable to) (?:wake|rouse) (?!up\b|me\b|myself\b)\w+",
            rf"{CANT} get (?:him|her|them|my \w+) to wake",
            r"unresponsive|unrousable|unarousable|unconscious(?! (?:bias|mind)\b)",
            r"(?:turn|turns|turned|turning|went|going|gone) (?:all )?(?:blue|purple)",
            r"(?:lips|face|skin|fingers|fingertips) (?:are |is |look |looks |turned |went"
            r" |turning |going )?(?:blue|purple|grey|gray)",
            r"foaming at the mouth|no pulse",
        ),
    ),
    # Naloxone reverses an opioid overdose: someone needed it. "Do you give out
    # Narcan?" asks about harm reduction, so only its use counts.
    Rule(
        "naloxone_used",
        (
            r"(?:gave|given|used(?! to\b)|administered|sprayed|had to (?:give|use)"
            r"|hit (?:him|her|them) with|revived (?:him |her |them )?with"
            rf"|brought (?:him|her|them) back with) {UP_TO_4_WORDS}{NARCAN}",
            rf"{NARCAN} (?:was|were|had to be|got|had been) (?:given|used|administered"
            r"|sprayed)",
            rf"(?:\d+|two|three|four|several|multiple|another|a second) (?:doses?|sprays?"
            rf"|shots?|hits?) of {NARCAN}",
            r"nar[ck][aeio]n+(?:ed|'d|d)",  # "we narcanned him"
        ),
    ),
    # Something has been taken already: poison control or 911 may be needed now.
    Rule(
        "overdose",
        (
            r"ov[ae]?r ?do[sz]+e?(?:d|s|ing|in'?)?",  # overdose, overdosed, over dose, ovrdose
            r"over ?does|over ?dosse?[ds]?",  # common misspellings
            # "OD", "OD'd", "o.d.": a whole word only, never "good", "odd" or "method".
            r"o\.?d\.?(?:'d|'ed|ed|'ing|ing|'s|s)?",
            # "took too much", but not "drinks too much".
            rf"{TOOK} (?:way |far |a lot |alot |a little |a bit )?too (?:many|much)",
            rf"(?:had|used|did|done|doing|using|takes?|taking) (?:way |far )?too (?:many"
            rf"|much) (?:of )?{OWNER}{PILLS}",
            rf"{TOOK} {AMOUNT} (?:of )?{OWNER}{PILLS}",  # "took all my pills"
            # "took the whole bottle", but not "took a bottle of wine to the party".
            rf"{TOOK} (?:a|an|the|his|her|my) (?:whole |full |entire )?bottle"
            rf"(?! of (?!{OWNER}{PILLS}\b))",
            rf"swallow(?:ed|ing)? {UP_TO_4_WORDS}{PILLS}",
            r"poison control",
        ),
    ),
    # The means or a plan, not yet used. "Pills" alone is a prescription, so only
    # a stash or an intention counts.
    Rule(
        "plan_or_means",
        (
            rf"(?:a bunch|bunch|a handful|handful|a fistful|a (?:whole |full )?bottle"
            rf"|bottles|a stash|stash|a stockpile) (?:of )?{OWNER}{PILLS}",
            rf"(?:sav|stockpil|hoard|stash)(?:e|es|ed|ing|in'?)? (?:up )?{UP_TO_4_WORDS}"
            rf"{PILLS}",
            rf"(?:going to|gonna|about to|want to|wanna|plan(?:ning)? to|thinking (?:of|about)"
            rf"|might|will|i'?ll) (?:take|taking|swallow|swallowing) (?:{AMOUNT} (?:of )?"
            rf"{OWNER}{PILLS}|(?:a|the|my) (?:whole |full )?bottle)",
            rf"enough {PILLS} to",
            r"(?:a|my|his|her|their|the|loaded|[\w]+'s) (?:loaded )?(?:gun|handgun|pistol"
            r"|revolver|firearm|shotgun|rifle)(?! (?:range|show|store|shop|class|course"
            r"|control)\b)",
            r"(?:gun|pistol) (?:to|in|against) (?:my|his|her|their) (?:head|mouth)",
            r"(?:a|the|my|his|her) rope|noose|rope around (?:my|his|her) neck",
            # "going to jump", but not "going to jump at the chance".
            r"(?:going to|gonna|about to|want to|wanna|wanted to|thinking (?:of|about)"
            r"|plan(?:ning)? to|might|i'?ll|will|ready to) jump(?:ing)?(?! (?:at|on|in|into"
            r"|through|ahead|start|right|back|ship|the gun|to conclusions|for joy|rope)\b)",
            r"jump(?:ing|ed|s)? (?:off|from|out of) (?:a |the |my |this |that |his |her )?"
            r"(?:bridge|building|roof|rooftop|balcony|cliff|overpass|ledge|window"
            r"|parking (?:garage|deck)|tower)",
            rf"(?:jump|jumping|jumped|step|stepping|stepped|walk|walking|throw {SELF}|lie"
            r" down|lay down) in front of (?:a|the|an) (?:oncoming )?(?:train|bus|truck"
            r"|subway|car)",
            r"(?:drive|driving|drove|crash|crashing) (?:my |his |her |the )?(?:car |truck )?"
            r"(?:off|into) (?:a|the) (?:bridge|cliff|wall|river|lake|overpass)",
            # A goodbye note or giving things away: the warning signs of a plan.
            r"(?:wrote|writing|written|write|left|leaving) (?:a |my |his |her )?(?:goodbye"
            r"|good bye|good-bye|farewell) (?:note|letter|message)s?",
            r"(?:give|gives|given|giving|gave) away (?:all )?(?:of )?(?:my|his|her|their)"
            r" (?:stuff|things|belongings|possessions)",
        ),
    ),
    Rule(
        "kill_oneself",
        (
            rf"kill?(?:s|ed|ing|in'?)? ?{SELF}",  # "kill myself", "killing himself"
            rf"(?:shoot|shooting|shot|hang|hanging|hanged|hung|drown|drowning|drowned"
            rf"|poison|poisoning|poisoned|off|offing|offed|{END}) {SELF}",
            r"unaliv(?:e|es|ed|ing)",  # the social-media word for killing oneself
            # Texting short forms. "kys" is said to someone else, but written in this
            # form it is quoted about the person: worth the call.
            r"kms|kys",
        ),
    ),
    Rule(
        "suicide",
        (
            # suicide, suicidal, and misspellings: sucidal, suicidle, suiside, siucide
            r"s[uie]{1,3}[cs]{1,2}[iy]d(?:e|es|ed|al|ally|ality|le|ial|el|ing)",
            r"sui?ci?d(?:e|al|le)",  # suicde, sucdal
            r"sewer ?slide",  # the social-media word for suicide
        ),
    ),
    Rule(
        "ending_life",
        (
            rf"{END} (?:my|his|her|their|your|ur|our) (?:own )?(?:life|lives)",
            # "thinking of ending it", but not "in the end it was fine" or a break-up.
            rf"(?<!the ){END} (?:it|things|everything)(?: all)?(?! with (?:him|her|them"
            r"|my (?:boyfriend|girlfriend|ex|partner|husband|wife|dealer))\b)",
            r"(?:take|takes|taking|taken|took) (?:my|his|her|their|your) (?:own )?life"
            r"(?! (?:back|in hand|into|seriously|one day|day by day)\b)",
        ),
    ),
    Rule(
        "wish_to_die",
        (
            rf"(?:don'?t|do not|doesn'?t|does not|didn'?t|no longer|never) (?:really |even"
            rf" |just )?(?:want|wanna|wish|care) (?:{TO} )?(?:live|be alive|exist)"
            rf"{NOT_A_WAY_OF_LIFE}",
            rf"(?:don'?t|do not|doesn'?t|does not|no longer) (?:really |even |just )?(?:want"
            rf"|wanna) (?:{TO} )?(?:be here|be around) (?:anymore|any more|much longer)",
            rf"(?:don'?t|do not|doesn'?t|does not|no longer) (?:really |even |just )?(?:want"
            rf"|wanna) (?:{TO} )?(?:go on|keep going|carry on|keep living)(?: living)?"
            r"(?= ?(?:$|[.!?,;]|anymore|any more|i\b))",
            rf"(?:don'?t|do not|doesn'?t|does not) (?:really |even |just )?(?:want|wanna)"
            rf" (?:{TO} )?wake up(?! (?:early|at|for|before|in time|on time|to|so)\b)",
            rf"{WANT} (?:{TO} )?(?:die|be dead|not be alive|not exist|not wake up)",
            r"wish(?:ed|es)? (?:that )?(?:i|he|she|they)(?:'?d| was| were| had| could| would)?"
            r" (?:just )?(?:be )?(?:dead|die|died|never (?:been )?born|not (?:been )?born"
            r"|never wake up|not wake up|disappear)",
            r"better off (?:dead|without me|if i (?:was|were|wasn'?t|weren'?t) (?:dead|gone"
            r"|here|around|alive))",
            # "Not sure I want to live" is doubt about living, not a denial.
            rf"(?:not sure|unsure|not certain|don'?t know|do not know)(?: if| whether| that)?"
            rf"(?: i| he| she)?(?: still| even| really)? (?:want|wants|wanna) (?:{TO} )?(?:live"
            r"|be alive|be here|go on|keep going|keep living|stay alive)",
            r"(?:no|any|lost (?:my|the|all)|without (?:a|any)|don'?t have (?:a|any)"
            rf"|{CANT} (?:see|find|think of) (?:a|any)|don'?t see (?:a|any)) (?:reasons?|will"
            r"|point) (?:to|in|for) (?:live|living|go on|going on|keep going|be alive"
            r"|stay alive|life)",
            r"nothing (?:left )?to live for|point (?:of|in) (?:living|being alive|going on)",
            r"(?:tired|sick) of (?:living|life|being alive|existing)",
            r"(?:not|isn'?t|ain'?t|no longer) worth living|life (?:is not|isn'?t|ain'?t|not)"
            r" worth it",
            r"(?:hope|hoping|pray|praying|wish|wishing)(?: that)?(?: i| he| she)?"
            r" (?:don'?t|do not|never|won'?t|will not|wouldn'?t|would not|doesn'?t"
            r"|does not|didn'?t) wake up",
            r"(?:sleep|to sleep) and (?:never|not) wake up|sleep forever|never wake up again",
            r"(?:nobody|no one|noone|no-one) would (?:care|miss me|notice|even notice)",
            rf"(?:ready|waiting) {TO} die|(?:rather|better) (?:be )?dead|rather die",
            r"think(?:ing|s)? (?:about|of) (?:dying|death|being dead|not being here"
            r"|not existing|not waking up)",
            r"(?:wish|want|hope) (?:someone|somebody|god|a car|a truck|a bus) (?:would |to"
            r" |will |could )?(?:just )?(?:kill|take|hit) me",
            rf"{WANT} (?:{TO} )?(?:disappear|vanish) (?:forever|for good|permanently)",
            rf"{CANT} (?:go on|keep) living",
        ),
    ),
    Rule(
        "self_harm",
        (
            r"s(?:el|le)f ?-?(?:harm|injur|mutilat|inflict)\w*",  # self-harm, selfharm
            rf"(?:cut|cuts|cutting|cuttin'?|slit|slitting|slice|slicing|carve|carving|carved"
            rf"|burn|burns|burning|burned|burnt|stab|stabbing|stabbed|hurt|hurts|hurting"
            rf"|harm|harms|harming|harmed) {SELF}",
            r"(?:cut|cuts|cutting|cuttin'?|slit|slitting|slice|slicing|carve|carving|carved)"
            r" (?:on )?(?:my|his|her|their|your) (?:own )?(?:arms?|wrists?|legs?|thighs?"
            r"|skin|stomach|body)",
            # "She has been cutting again", but not "cutting back" or "cutting hair".
            r"(?:been|started|starts?|is|was|keeps?|kept|still|i'?m|he'?s|she'?s|they'?re"
            r"|caught (?:him|her|them)) cutting(?= ?(?:$|[.!?,;]|again|and|or|but|since"
            r"|for (?:a|the|about|years|months|weeks|days)|herself|himself|themselves))",
            r"(?:is|was|been|am|i'?m) a cutter",
            # Someone who says they cannot keep themselves safe is at risk of harm now.
            rf"(?:{CANT}|not sure i can|don'?t know if i can|unable to) keep {SELF} safe",
        ),
    ),
)


# How English denies a danger.
NEGATIONS = words(
    "not no never nor neither without deny denies denied denying dont don't doesnt "
    "doesn't didnt didn't isnt isn't wasnt wasn't arent aren't werent weren't havent "
    "haven't hasnt hasn't hadnt hadn't wont won't wouldnt wouldn't aint ain't"
)
VOCABULARY = Vocabulary(
    negations=NEGATIONS,
    # "no *thoughts of* self-harm", "I have never *had any* suicidal thoughts".
    bridge_words=words(
        "i i'm im i've ive i'd id me my he he's hes she she's shes they they're theyre "
        "they've we it him her his them their am is are was were be been being have has "
        "had having ever any really currently recently at all a an the of about to or and "
        "with thoughts thought thinking feelings feeling feel feels felt history plans plan "
        "intent intention intentions ideation urges urge signs risk issues problems past "
        "previous prior suicide suicidal self harm homicidal attempt attempts going gonna "
        "try tried trying attempted overdose overdoses overdosed overdosing"
    ),
    # "I *can't* deny it", "*why* not", "whether *or* not".
    undoes_negation=NEGATIONS | words("can't cant cannot couldn't couldnt why or whether"),
    still_there=re.compile(r"\b(?:yet|anymore|any more|again)\b"),
    clause_break=re.compile(r"[.!?;:,()\[\]\"\n]| -+ |\b(?:but|however|though|although|except)\b"),
)
