"""The demo clinic's article library and team, loaded by `manage.py load_demo_content`.

Everyone here is fictional, with credentials a clinic in Oregon could plausibly show.
The articles are written for this project: plain words, no promises of outcomes, and
each one reviewed by a clinician other than its author.

Dates are days before the content is loaded, so the demo always has a recent library,
and one article past its clinical review date (to show the editors' reminder).
"""

TOPICS = [
    {
        "slug": "about-iop",
        "name": "Understanding IOP",
        "description": "What an intensive outpatient program is and how it is put together.",
    },
    {
        "slug": "getting-started",
        "name": "Getting started",
        "description": "Whether the program fits, and what the first steps look like.",
    },
    {
        "slug": "therapy",
        "name": "Therapy and recovery",
        "description": "The groups, sessions and support that make up an evening in the program.",
    },
    {
        "slug": "family",
        "name": "For families",
        "description": "For parents, partners and friends worried about someone they love.",
    },
    {
        "slug": "virtual-care",
        "name": "Virtual care",
        "description": "Taking part in the program by secure video from home.",
    },
    {
        "slug": "medication",
        "name": "Medication and treatment",
        "description": "How medicines for substance use disorders work alongside counseling.",
    },
    {
        "slug": "research",
        "name": "What the research says",
        "description": "The studies behind intensive outpatient care, explained plainly.",
    },
]

PEOPLE = [
    {
        "slug": "dana-reyes",
        "name": "Dana Reyes",
        "credentials": "LCSW, CADC III",
        "job_title": "Clinical director",
        "role": "leadership",
        "order": 10,
        "bio": (
            "Dana leads the clinical team and oversees every treatment plan in the "
            "evening program. She has worked in community addiction services for "
            "eighteen years, first as a group counselor and later running outpatient "
            "programs.\n\n"
            "She cares most about making the first weeks feel manageable, and she still "
            "runs one evening group each week."
        ),
    },
    {
        "slug": "marcus-hale",
        "name": "Marcus Hale",
        "credentials": "MD",
        "job_title": "Medical director",
        "role": "medical",
        "order": 10,
        "bio": (
            "Dr. Hale is board certified in addiction medicine. He sees each new patient "
            "who may benefit from medication, works with their own doctor, and reviews "
            "the medical side of every care plan.\n\n"
            "Before joining the clinic he spent ten years in a hospital's addiction "
            "consultation service."
        ),
    },
    {
        "slug": "priya-nandakumar",
        "name": "Priya Nandakumar",
        "credentials": "PMHNP-BC",
        "job_title": "Psychiatric nurse practitioner",
        "role": "medical",
        "order": 20,
        "bio": (
            "Priya looks after the mental-health side of treatment: anxiety, low mood, "
            "sleep and trauma symptoms that often travel with substance use. She "
            "prescribes and adjusts psychiatric medication and meets patients in person "
            "or by video."
        ),
    },
    {
        "slug": "jordan-whitaker",
        "name": "Jordan Whitaker",
        "credentials": "LPC, CADC II",
        "job_title": "Lead group therapist",
        "role": "therapy",
        "order": 10,
        "bio": (
            "Jordan runs the in-person evening groups and trains new counselors. His "
            "groups focus on practical skills: handling cravings, planning for hard "
            "days, and saying no without losing friends.\n\n"
            "He has been in recovery himself for many years and talks about it when it "
            "helps."
        ),
    },
    {
        "slug": "elena-brooks",
        "name": "Elena Brooks",
        "credentials": "LMFT",
        "job_title": "Family therapist",
        "role": "therapy",
        "order": 20,
        "bio": (
            "Elena works with the families and partners of people in the program, in "
            "family sessions and in the monthly evening for loved ones. She also leads "
            "the virtual track's Tuesday group."
        ),
    },
    {
        "slug": "sam-okafor",
        "name": "Sam Okafor",
        "credentials": "CADC I",
        "job_title": "Admissions counselor",
        "role": "admissions",
        "order": 10,
        "bio": (
            "Sam is often the first voice people hear when they call. He listens, "
            "explains the options, checks insurance benefits and, when the evening "
            "program is not the right fit, helps find a place that is."
        ),
    },
]

ARTICLES = [
    {
        "slug": "what-is-an-iop",
        "lead_image": "evening-path",
        "title": "What an intensive outpatient program is, and how it compares",
        "summary": (
            "An IOP gives you several hours of treatment a week while you live at home. "
            "Here is how it sits between weekly therapy and residential care."
        ),
        "topics": ["about-iop", "getting-started"],
        "author": "jordan-whitaker",
        "reviewer": "dana-reyes",
        "published_days_ago": 300,
        "reviewed_days_ago": 40,
        "body": (
            "An intensive outpatient program, usually shortened to IOP, is structured "
            "treatment for a substance use disorder, a mental-health condition, or both "
            "at once. The word *outpatient* is the key: you sleep in your own bed, and "
            "you come to treatment rather than living there.\n\n"
            "## Three levels of care, side by side\n\n"
            "It helps to picture treatment as a ladder with several rungs.\n\n"
            "- **Standard outpatient care** is what most people picture as therapy: an "
            "hour or so with a counselor each week.\n"
            "- **An IOP** is a big step up in time and structure. Sessions usually last "
            "about three hours, three to five days a week, for roughly eight to twelve "
            "weeks.\n"
            "- **Residential or inpatient care** means living at a treatment center, "
            "with staff around the clock.\n\n"
            "An IOP offers much of what a residential program does (group therapy, "
            "one-on-one counseling, family work, education about addiction) without "
            "asking you to leave your job, your classes or your children.\n\n"
            "## Structured, not casual\n\n"
            "Living at home does not make an IOP loose. There is a schedule to keep, a "
            "plan agreed with your counselor, and regular check-ins, which can include "
            "drug testing. Many people say the structure is exactly what helped: it "
            "fills the evenings that used to be the hardest part of the day.\n\n"
            "## How many days you attend\n\n"
            "The number of sessions each week depends on what you need. Someone who has "
            "just left residential care may start with more days and taper off; someone "
            "coming in from weekly therapy may need fewer. Your counselor reviews this "
            "with you as you go.\n\n"
            "## Finding out if it fits\n\n"
            "A short, confidential conversation with admissions is the usual first step. "
            "If an IOP is not the right rung for you right now, they will say so and "
            "help you find the one that is."
        ),
    },
    {
        "slug": "who-an-iop-suits",
        "title": "Who an IOP suits: starting out, stepping down, or starting again",
        "summary": (
            "People come to an evening program from very different places. These are "
            "the situations where it tends to fit best, and when it may not."
        ),
        "topics": ["getting-started"],
        "author": "sam-okafor",
        "reviewer": "marcus-hale",
        "published_days_ago": 260,
        "reviewed_days_ago": 60,
        "body": (
            "There is no single type of person who belongs in an intensive outpatient "
            "program. Still, a few situations come up again and again when people call "
            "us.\n\n"
            "## Stepping down after residential treatment\n\n"
            "Leaving a residential program is a big change. Going straight from 24-hour "
            "support to an hour a week can feel like stepping off a cliff. An IOP keeps "
            "several evenings a week of structure in place while you go back to work, "
            "school and home life, so the skills you learned get tested in real life "
            "with support nearby.\n\n"
            "## When weekly therapy is not enough\n\n"
            "Some people start with a counselor once a week and find that it does not "
            "hold them between sessions. A moderate substance use problem often needs "
            "more time and more people around it than a single weekly hour gives.\n\n"
            "## After a relapse\n\n"
            "A return to use after a period of recovery is common, and it does not wipe "
            "out what you learned. Many people use an IOP to get back on track quickly, "
            "without starting over from the beginning.\n\n"
            "## Other things that help\n\n"
            "- A home that is reasonably stable and supportive: family, friends, a "
            "partner or a sober living house.\n"
            "- Having finished detox, or not needing medically supervised withdrawal.\n"
            "- Anxiety, depression or trauma alongside substance use are not a barrier; "
            "we treat them together.\n\n"
            "## When another level of care comes first\n\n"
            "The decision is made by a clinical and medical assessment, not by a "
            "checklist. If withdrawal could be dangerous, or if your health or safety "
            "needs round-the-clock care, we may recommend starting in detox or a "
            "residential program and joining the evening program afterwards. That is a "
            "plan, not a rejection."
        ),
    },
    {
        "slug": "why-group-therapy",
        "lead_image": "circle-of-chairs",
        "title": "Why group therapy sits at the center of an IOP",
        "summary": (
            "Most of an evening in the program is spent in a group. Here is what "
            "happens there, and why it works better than many people expect."
        ),
        "topics": ["therapy", "about-iop"],
        "author": "jordan-whitaker",
        "reviewer": "dana-reyes",
        "published_days_ago": 210,
        "reviewed_days_ago": 90,
        "body": (
            "Ask people what they dreaded before their first evening and the answer is "
            "often the same: the group. Ask them a month later what helped most, and "
            "many give the same answer again.\n\n"
            "## What a group actually is\n\n"
            "A group is eight to twelve people who meet with a licensed counselor at "
            "the same time each week. Everyone there is dealing with substance use in "
            "some form. The counselor keeps the conversation safe and on track; nobody "
            "is put on the spot, and you can listen for as long as you need to.\n\n"
            "## Why it helps\n\n"
            "- **You stop being the only one.** Shame thrives on isolation. Hearing "
            "someone else describe the exact thought you have been hiding takes some of "
            "its power away.\n"
            "- **You practice, not just talk.** Groups rehearse real situations: what "
            "to say when a coworker offers a drink, how to get through a payday "
            "evening, what to do in the first ten minutes of a craving.\n"
            "- **People notice things.** Group members often see a warning sign in each "
            "other before the person sees it in themselves.\n"
            "- **Relationships form.** For many people the group becomes the first "
            "sober social circle they have had in years.\n\n"
            "## Typical topics\n\n"
            "Over a few weeks, groups cover coping strategies, relapse prevention, "
            "handling difficult emotions, rebuilding trust, and everyday skills such as "
            "managing stress, money and routines.\n\n"
            "## Group is not everything\n\n"
            "Each person also has one-on-one sessions with their own counselor to work "
            "on things that are too personal for a group, to look at past trauma, and to "
            "write a relapse-prevention plan that is theirs."
        ),
    },
    {
        "slug": "twelve-steps-alongside-therapy",
        "title": "How 12-step work fits alongside therapy",
        "summary": (
            "Twelve-step meetings and professional treatment are different things "
            "that can support each other. Here is how they fit together in our program."
        ),
        "topics": ["therapy"],
        "author": "dana-reyes",
        "reviewer": "elena-brooks",
        "published_days_ago": 170,
        "reviewed_days_ago": 120,
        "body": (
            "People sometimes ask whether they have to choose between a 12-step "
            "fellowship and treatment. They do not. The two do different jobs, and "
            "many people find they work well side by side.\n\n"
            "## What each one offers\n\n"
            "Treatment in an IOP is led by licensed professionals. It is time-limited, "
            "built around an individual plan, and can address mental health, medication "
            "and family issues.\n\n"
            "Twelve-step groups such as Alcoholics Anonymous or Narcotics Anonymous are "
            "run by their members, are free, meet in most towns every day of the week, "
            "and are there long after a program ends. Their steps ask members to be "
            "honest about the problem, take stock of their lives, make amends and help "
            "others.\n\n"
            "## How we bring them together\n\n"
            "In the program, working the steps is offered alongside group therapy, not "
            "instead of it. Counselors may talk through a step in individual sessions, "
            "and many participants go to a meeting on the evenings they are not with "
            "us. Having a sponsor and a home group adds a layer of accountability "
            "between sessions.\n\n"
            "## If the 12 steps are not for you\n\n"
            "Some people are put off by the spiritual language of the steps. That is "
            "fine. Other mutual-help groups take a different approach, and your "
            "counselor can point you to them. What matters most is having people "
            "around you who support your recovery after the program ends."
        ),
    },
    {
        "slug": "helping-someone-you-love",
        "lead_image": "home-together",
        "title": "When someone you love is using: how to help without losing yourself",
        "summary": (
            "Watching a partner, parent or child struggle with drugs or alcohol is "
            "exhausting. Some practical steps that help them, and you."
        ),
        "topics": ["family"],
        "author": "elena-brooks",
        "reviewed_days_ago": 30,
        "reviewer": "dana-reyes",
        "published_days_ago": 120,
        "body": (
            "If you are reading this for someone else, you are probably tired, worried "
            "and unsure whether anything you do makes a difference. It does, although "
            "not always in the way you expect.\n\n"
            "## Pick your moment\n\n"
            "Talk when the person is sober and you are calm, not in the middle of a "
            "crisis or an argument. Say what you have seen and how it affects you, using "
            'specific moments rather than labels: "I was scared when you drove home '
            'last Friday" lands better than "you are an addict".\n\n'
            "## Offer a next step, not an ultimatum\n\n"
            "Have one concrete option ready, such as a phone number or an appointment "
            "you could go to together. Many people call admissions with a loved one "
            "sitting beside them. If the answer is no today, the offer still counts; "
            "people often come back to it weeks later.\n\n"
            "## Stop cushioning, keep caring\n\n"
            "It is natural to cover for someone: calling their boss, paying a debt, "
            "cleaning up. Over time that can keep the problem out of sight. Letting "
            "consequences land is not the same as abandoning someone, and you can do it "
            "while still saying clearly that you love them.\n\n"
            "## Look after yourself too\n\n"
            "- Find support of your own: a family group, a counselor, or a friend who "
            "will listen without judging.\n"
            "- Keep your own routines and sleep where you can.\n"
            "- Decide in advance what you will do if you feel unsafe, and who you will "
            "call.\n\n"
            "## Family work in the program\n\n"
            "When someone joins our evening program, their family can take part in "
            "family sessions and a monthly evening for loved ones. These help families "
            "understand addiction as a health condition, rebuild trust slowly and learn "
            "how to support recovery at home.\n\n"
            "If you ever fear for someone's life, call 911. For a crisis or thoughts of "
            "suicide, call or text 988."
        ),
    },
    {
        "slug": "virtual-iop-at-home",
        "lead_image": "video-call",
        "title": "Virtual IOP: what a video session is like, and keeping it private at home",
        "summary": (
            "The virtual track brings the same groups and counseling to your screen. "
            "What to expect, and how to find a private corner at home."
        ),
        "topics": ["virtual-care", "about-iop"],
        "author": "elena-brooks",
        "reviewer": "marcus-hale",
        "published_days_ago": 75,
        "reviewed_days_ago": 20,
        "body": (
            "Virtual intensive outpatient care became common during the Covid-19 "
            "pandemic and has stayed because it works for many people: those who live "
            "far from the clinic, work late, have no car, or care for someone at home.\n\n"
            "## What an evening looks like\n\n"
            "You join a secure video link a few minutes before six. The group is small, "
            "led by a licensed counselor, and follows the same plan as the in-person "
            "groups: a check-in, a skill or topic for the evening, and time to talk "
            "about the week. Individual and family sessions also happen by video, at "
            "times you agree with your counselor.\n\n"
            "## Keeping it private\n\n"
            "- Find a room with a door if you can. A parked car or a quiet corner with "
            "headphones works too.\n"
            "- Use headphones so others in the home hear only your side.\n"
            "- Tell the people you live with when your sessions are, if it is safe to do "
            "so, and ask not to be interrupted.\n"
            "- Never record a session, and do not share the link.\n"
            "- If someone walks in, you can turn off your camera and microphone at any "
            "time. Your counselor will understand.\n\n"
            "## The same rules, the same care\n\n"
            "Virtual participants agree to the same plan and check-ins as everyone "
            "else, and the same privacy laws protect what is said. What you share in "
            "group stays in the group.\n\n"
            "## What you need\n\n"
            "A phone, tablet or computer with a camera, and a reasonably steady "
            "internet connection. If you are not sure your setup will work, admissions "
            "can test the link with you before your first evening."
        ),
    },
    {
        "slug": "what-the-research-says",
        "title": "What the research says about intensive outpatient programs",
        "summary": (
            "A careful review of the evidence found IOPs about as effective as "
            "residential care for many people. What that means, and what it does not."
        ),
        "topics": ["research", "about-iop"],
        "author": "dana-reyes",
        "reviewer": "marcus-hale",
        "published_days_ago": 480,
        "reviewed_days_ago": 420,
        "body": (
            "When you are deciding where to get help, it is fair to ask whether an "
            "evening program is a real treatment or a lighter option. Researchers have "
            "asked the same question.\n\n"
            "## The 2014 review\n\n"
            "In 2014 a team of researchers led by Dennis McCarty published a review of "
            "the studies on substance use intensive outpatient programs in the journal "
            "*Psychiatric Services*. They looked at studies comparing IOPs with "
            "inpatient and residential treatment.\n\n"
            "Their overall finding was that, for many people, intensive outpatient "
            "treatment produced results comparable to inpatient or residential care: "
            "similar reductions in alcohol and drug use over the months that "
            "followed.\n\n"
            "## What that does not mean\n\n"
            "- It does not mean an IOP is right for everyone. People with dangerous "
            "withdrawal, serious medical problems or no safe place to live were often "
            "not the people studied, and may need more care first.\n"
            "- It does not promise a result. Recovery differs from one person to the "
            "next, and setbacks along the way are common.\n"
            "- Some providers report that IOP can do better than residential care for "
            "some groups, for example some people with opioid use disorder. The "
            "evidence for that is more mixed, and we do not claim it.\n\n"
            "## Why it matters\n\n"
            "If an assessment shows that an outpatient level of care is safe for you, "
            "the research suggests you do not have to give up your job or leave your "
            "family to get treatment that works.\n\n"
            "## The study\n\n"
            "McCarty D, Braude L, Lyman DR, et al. Substance Abuse Intensive Outpatient "
            "Programs: Assessing the Evidence. *Psychiatric Services*. 2014;65(6):718-726."
        ),
    },
    {
        "slug": "medication-with-an-iop",
        "title": "Medication for opioid use disorder alongside an IOP",
        "summary": (
            "Medicines for opioid use disorder work best with counseling and support. "
            "How medication-assisted treatment fits into the evening program."
        ),
        "topics": ["medication", "therapy"],
        "author": "marcus-hale",
        "reviewer": "priya-nandakumar",
        "published_days_ago": 30,
        "reviewed_days_ago": 10,
        "body": (
            "Medication-assisted treatment, often called MAT, means using medicine "
            "together with counseling and support to treat a substance use disorder. "
            "For opioid use disorder in particular, combining the two is linked with "
            "the best recovery rates and a lower risk of overdose.\n\n"
            "## The medicines\n\n"
            "Three medicines are approved in the United States for opioid use "
            "disorder:\n\n"
            "- **Buprenorphine** eases withdrawal and cravings and can be prescribed by "
            "a doctor or nurse practitioner.\n"
            "- **Methadone** does the same and is given at a licensed opioid treatment "
            "program.\n"
            "- **Naltrexone**, given as a monthly injection, blocks the effects of "
            "opioids once someone has fully withdrawn.\n\n"
            "There are also medicines for alcohol use disorder. Which one suits you, if "
            "any, is a decision made with a prescriber who knows your history.\n\n"
            "## Medicine and the program together\n\n"
            "Medication steadies the body, which makes it easier to do the work of "
            "recovery: the groups, the one-on-one sessions and the changes at home. The "
            "evening program supplies that work. Our medical team can start or continue "
            "medication, or coordinate with the doctor who already prescribes it.\n\n"
            "## A common worry\n\n"
            "Some people feel that taking medication means they are not really in "
            "recovery. We do not see it that way. Taking a prescribed medicine as "
            "directed is treatment, in the same way that insulin is treatment for "
            "diabetes.\n\n"
            "## If you are thinking about it\n\n"
            "Mention it when you call admissions, or ask your counselor once you have "
            "started. A prescriber will talk through the options, side effects and how "
            "long people usually stay on each medicine."
        ),
    },
]
