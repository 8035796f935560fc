"""The demo clinic's content, loaded by `manage.py load_demo_content`.

Written for someone who is frightened and reading on a phone: plain words, short
sentences, no promises of outcomes. Harbor Light Recovery, its phone number and its
address are fictional.
"""

import datetime

CLINIC = {
    "name": "Harbor Light Recovery",
    "admissions_phone": "+15550100199",
    # The same line: a Spanish-speaking counselor answers it too.
    "spanish_phone": "+15550100199",
    "street_address": "200 Lantern Way, Suite 3",
    "city": "Bayport",
    "region": "OR",
    "postal_code": "97000",
    "opening_hours": (
        "Admissions phone: 24 hours a day, 7 days a week\n"
        "Office: Monday to Friday, 9 am to 9 pm; Saturday, 10 am to 9 pm\n"
        "Evening groups: see the schedule"
    ),
    "opening_hours_spec": "Mo-Fr 09:00-21:00\nSa 10:00-21:00",
    # Oregon approves substance-use treatment programs with a Certificate of Approval.
    "license_authority": "Oregon Health Authority",
    "license_title": "Certificate of Approval",
    "license_number": "000000AP",
    "license_expires": datetime.date(2027, 5, 31),
    # Placeholders: plain links, never embeds or widgets.
    "facebook_url": "https://www.facebook.com/harborlightrecovery.demo",
    "instagram_url": "https://www.instagram.com/harborlightrecovery.demo/",
    "linkedin_url": "https://www.linkedin.com/company/harborlightrecovery-demo/",
}

# Demo values for the trust marks: marketing replaces them with the clinic's own. Each is
# drawn as a text mark of the site's own making, never a copy of the body's logo.
ACCREDITATIONS = [
    {
        "kind": "accreditation",
        "name": "Behavioral Health Care and Human Services Accreditation",
        "issuer": "The Joint Commission",
        "mark": "TJC",
        "url": "https://www.qualitycheck.org/",
        "order": 10,
    },
    {
        "kind": "membership",
        "name": "Member program",
        "issuer": "National Association of Addiction Treatment Providers",
        "mark": "NAATP",
        "url": "https://www.naatp.org/",
        "order": 20,
    },
]

TRACKS = [
    {
        "slug": "in-person-evening",
        "name": "In-person evening program",
        "mode": "in_person",
        "description": (
            "At our clinic on {{ session-days }} evenings. For people who want to be in "
            "the room with their group and their counselor."
        ),
        "weeks_min": 8,
        "weeks_max": 12,
        "order": 10,
        "sessions": [
            (0, "18:00", "21:00", "in_person", "Harbor Light Recovery, group room"),
            (2, "18:00", "21:00", "in_person", "Harbor Light Recovery, group room"),
            (3, "18:00", "21:00", "in_person", "Harbor Light Recovery, group room"),
        ],
    },
    {
        "slug": "virtual-evening",
        "name": "Virtual evening program",
        "mode": "virtual",
        "description": (
            "The same care by secure video, on {{ session-days }} evenings. For people who "
            "live far away, have no transport, or need privacy at home."
        ),
        "weeks_min": 8,
        "weeks_max": 12,
        "order": 20,
        "sessions": [
            (1, "18:00", "21:00", "virtual", "Secure video link from your counselor"),
            (3, "18:00", "21:00", "virtual", "Secure video link from your counselor"),
            (5, "18:00", "21:00", "virtual", "Secure video link from your counselor"),
        ],
    },
]

THERAPIES = [
    {
        "slug": "group-therapy",
        "title": "Group therapy",
        "summary": (
            "The heart of the program. You meet with a small group of people facing the "
            "same struggles, led by a licensed counselor."
        ),
        "body": (
            "Most of each evening is spent in group. It can feel hard at first. Most people "
            "find that hearing others say what they have felt themselves is a relief.\n\n"
            "You never have to share more than you want to. You can listen until you are "
            "ready.\n\n"
            "Topics we work on together include:\n\n"
            "- **Coping skills:** what to do with cravings, stress and hard feelings\n"
            "- **Relapse prevention:** knowing your triggers and having a plan\n"
            "- **Handling emotions:** noticing anger, fear or sadness before they take over\n"
            "- **Relationships:** rebuilding trust and setting healthy limits\n"
            "- **Early sobriety:** getting through everyday life without using"
        ),
        "order": 10,
    },
    {
        "slug": "individual-counseling",
        "title": "Individual counseling",
        "summary": "Regular one-on-one time with your own counselor.",
        "body": (
            "Some things are easier to talk about one-on-one. With your counselor you can "
            "look at personal issues, including past trauma, at your own pace.\n\n"
            "Together you write your recovery plan and your relapse-prevention plan. You "
            "review them as you go, so they keep fitting your life."
        ),
        "order": 20,
    },
    {
        "slug": "family-program",
        "title": "Family program",
        "summary": "Sessions that help the people close to you understand and support you.",
        "body": (
            "Addiction affects the whole family. Family sessions give your loved ones a "
            "place to learn what addiction is, ask questions and be heard.\n\n"
            "They also learn how to support you without taking over. You decide who takes "
            "part."
        ),
        "order": 30,
    },
    {
        "slug": "twelve-step",
        "title": "12-step work",
        "summary": "Working the twelve steps alongside your group therapy, if it suits you.",
        "body": (
            "Many people find the twelve steps a steady guide. We help you start working "
            "them and connect you with local and online meetings.\n\n"
            "Meetings also give you support between our evenings, and after the program "
            "ends."
        ),
        "order": 40,
    },
    {
        "slug": "life-skills",
        "title": "Life skills",
        "summary": "Practical help with the everyday things that can make recovery harder.",
        "body": (
            "Recovery happens in real life. We spend time on the practical side:\n\n"
            "- managing stress\n"
            "- money and bills\n"
            "- sleep, meals and daily routines\n"
            "- work, school and difficult conversations"
        ),
        "order": 50,
    },
    {
        "slug": "drug-testing",
        "title": "Drug testing and accountability",
        "summary": "Random drug tests are part of the program, as a support rather than a trap.",
        "body": (
            "Random testing helps you stay on track and gives you and your counselor honest "
            "information. A positive test is something we talk about together. It is not a "
            "reason to give up on you."
        ),
        "order": 60,
    },
    {
        "slug": "medication-assisted-treatment",
        "title": "Medication-assisted treatment (MAT)",
        "summary": "We work with prescribers so that medication and therapy go hand in hand.",
        "body": (
            "For some people, especially with opioid use disorder, medication combined with "
            "counseling gives the best chance of lasting recovery. If medication may help "
            "you, we coordinate with a prescriber and fit it into your plan.\n\n"
            "Taking a prescribed medication for recovery is treatment. It is not "
            "\u201cswapping one drug for another\u201d."
        ),
        "order": 70,
    },
]

FAQ = [
    {
        "slug": "can-i-keep-working",
        "question": "Can I keep working or studying during the program?",
        "answer": (
            "Yes, for most people. Sessions are in the evening so that you can keep your "
            "job, your classes and your family routines."
        ),
    },
    {
        "slug": "how-long",
        "question": "How long does the program last?",
        "answer": (
            "Most people take part for 8 to 12 weeks. Your counselor reviews your progress "
            "with you and the length is adjusted to what you need."
        ),
    },
    {
        "slug": "how-many-hours",
        "question": "How many hours a week is it?",
        "answer": (
            "Each session lasts about {{ hours-per-session }} hours, {{ days-per-week }} "
            "evenings a week, so about {{ hours-per-week }} hours a week. Some people need "
            "more days; we decide that with you."
        ),
    },
    {
        "slug": "virtual-same",
        "question": "Is the virtual program the same as coming in person?",
        "answer": (
            "It offers the same kinds of care: group, individual and family sessions, by "
            "secure video. You need a private place and a phone, tablet or computer with a "
            "camera."
        ),
    },
    {
        "slug": "insurance",
        "question": "Does insurance cover the program?",
        "answer": (
            "Many insurance plans cover intensive outpatient treatment. Our admissions team "
            "checks your benefits for you before you start and tells you about any costs."
        ),
    },
    {
        "slug": "detox-first",
        "question": "Do I need detox first?",
        "answer": (
            "Some people do. If stopping could be dangerous for you, for example with "
            "alcohol or some medications, you may need medically supervised detox first. "
            "Our assessment helps decide, and we can point you to a safe place for it."
        ),
    },
    {
        "slug": "confidential",
        "question": "Will my employer or family find out?",
        "answer": (
            "Not from us, unless you give written permission. Federal law protects the "
            "privacy of addiction treatment records very strictly. You choose who we may "
            "talk to."
        ),
    },
    {
        "slug": "slip-up",
        "question": "What happens if I use again during the program?",
        "answer": (
            "Slips happen, and they are not a reason to be sent away. Tell your counselor. "
            "You will look at what happened together and adjust your plan. If you need more "
            "support for a while, we will talk about the options honestly."
        ),
    },
    {
        "slug": "for-someone-else",
        "question": "Can I call about someone I love?",
        "answer": (
            "Yes. Many calls come from family and friends. We can explain how the program "
            "works and how to talk with your loved one about getting help."
        ),
    },
]

COMPARISON_TABLE = """Table: How IOP compares with other levels of care

| Level of care | Hours per week | Where you live | Typical length |
|---|---|---|---|
| Standard outpatient | About 1 to 2 | At home | Weeks to months, as needed |
| Intensive outpatient (IOP) | About 9 to 15 | At home | About 8 to 12 weeks |
| Residential or inpatient | Care around the clock | At the center | Often 4 weeks or more |
"""

PAGES = [
    {
        "slug": "home",
        "lead_image": "harbor-light",
        "layout": "home",
        "title": "Evening addiction treatment that fits around your life",
        "intro": (
            "Our Intensive Outpatient Program (IOP) meets a few evenings a week. You get "
            "real structure and support, and you still go home every night."
        ),
        "meta_description": (
            "Evening Intensive Outpatient Program for substance use and mental health. "
            "In person or by video. Confidential admissions, 24/7."
        ),
        "body": (
            "## What we offer\n\n"
            "- Group and individual therapy, {{ days-per-week }} evenings a week\n"
            "- An in-person track and a virtual track by secure video\n"
            "- Help for substance use, and for anxiety, depression or trauma that often "
            "come with it\n"
            "- Family sessions, life skills and support with medication when it helps\n\n"
            "You do not have to have everything figured out before you call. Reaching out is "
            "a good first step."
        ),
        "sections": [
            (
                "What happens when you reach out",
                "1. **You call or send a message,** at any hour. An admissions counselor "
                "listens. You can stay anonymous while you ask questions.\n"
                "2. **We talk about what is going on** and whether an evening program fits. "
                "If another kind of care would suit you better, we say so and help you "
                "find it.\n"
                "3. **A short assessment and an insurance check,** then we agree on your "
                "evenings and a start date.\n\n"
                "Calling does not commit you to anything.",
            ),
        ],
    },
    {
        "slug": "what-is-iop",
        "title": "What is an Intensive Outpatient Program?",
        "nav_label": "What is IOP",
        "nav_order": 10,
        "intro": (
            "A structured treatment program for addiction and mental health, while you "
            "keep living at home."
        ),
        "meta_description": (
            "What an Intensive Outpatient Program (IOP) is, and how it compares with weekly "
            "therapy and residential treatment."
        ),
        "body": (
            "An Intensive Outpatient Program, or IOP, is treatment for substance use, for "
            "mental-health conditions, or for both at once. You come to sessions several "
            "times a week, then go home.\n\n"
            "![](demo-image:circle-of-chairs)\n\n"
            "It sits between two other kinds of care:\n\n"
            "- **Standard outpatient therapy**, usually an hour or so a week.\n"
            "- **Residential or inpatient treatment**, where you live at the center and "
            "care goes on around the clock.\n\n" + COMPARISON_TABLE + "\n"
            "An IOP gives you much of what a residential program offers, without moving "
            "away from home. It is still a real commitment: there is a schedule, there are "
            "expectations, and people notice when you are not there."
        ),
        "sections": [
            (
                "Substance use and mental health together",
                "Many people who struggle with alcohol or drugs also live with anxiety, "
                "depression or trauma. These are called co-occurring conditions. Each one "
                "can make the other worse.\n\n"
                "Our program looks at both. Your counselor helps you understand how they "
                "connect, and your plan covers both.",
            ),
            (
                "Is it the right level of care for me?",
                "That depends on you. A short assessment with our team helps decide. If "
                "another level of care suits you better for now, we will tell you honestly "
                "and help you find it.",
            ),
        ],
    },
    {
        "slug": "schedule",
        "lead_image": "evening-path",
        "layout": "schedule",
        "title": "Program schedule",
        "nav_label": "Schedule",
        "nav_order": 20,
        "intro": (
            "Sessions run in the evening, so you can keep working, studying and caring for "
            "your family."
        ),
        "meta_description": (
            "Evening IOP schedule: in person Monday, Wednesday and Thursday, or by video "
            "Tuesday, Thursday and Saturday, 6 to 9 pm."
        ),
        "body": (
            "Choose the track that fits your life. Each meets {{ days-per-week }} evenings "
            "a week for about {{ hours-per-session }} hours. Most people take part for "
            "{{ weeks }}. Some need more days a week at the start; we decide that with you."
        ),
        "sections": [
            (
                "What an evening looks like",
                "Most evenings start with a short check-in. Then comes group therapy, with "
                "a break. Individual sessions with your counselor are booked around the "
                "group times.",
            ),
            (
                "Virtual sessions",
                "Virtual sessions use a secure video link. You need a quiet, private space "
                "and a phone, tablet or computer with a camera. Individual and family "
                "sessions can also be held by video.",
            ),
        ],
    },
    {
        "slug": "therapies",
        "layout": "therapies",
        "title": "Therapies and support",
        "nav_label": "Therapies",
        "nav_order": 30,
        "intro": "What happens during the program, and why each part matters.",
        "meta_description": (
            "Group therapy, individual counseling, family program, 12-step work, life "
            "skills, drug testing and medication-assisted treatment."
        ),
        "body": (
            "Your plan is built from the parts below. Group therapy is at the center of every week."
        ),
    },
    {
        "slug": "who-it-is-for",
        "title": "Who the program is for",
        "nav_label": "Who it is for",
        "nav_order": 40,
        "intro": "An IOP suits many people, but not everyone, and not always straight away.",
        "meta_description": (
            "Who an Intensive Outpatient Program suits, how eligibility is decided, and "
            "when detox or residential care should come first."
        ),
        "body": (
            "## The program may be a good fit if you\n\n"
            "- are stepping down from residential or inpatient treatment and want steady "
            "support as you return to work, school and home\n"
            "- have a substance use problem that needs more than a weekly appointment\n"
            "- also live with anxiety, depression, trauma or PTSD\n"
            "- have a stable, supportive place to live, such as family, friends or sober "
            "living\n"
            "- have relapsed after treatment and want to get back on track\n"
            "- have finished detox, or do not need medically supervised detox\n\n"
            "## How we decide together\n\n"
            "A clinical and medical assessment decides whether the program is right for "
            "you now. It is a conversation, not a test you can fail.\n\n"
            "## When another step comes first\n\n"
            "If stopping could make you physically unwell, you may need medically supervised "
            "detox first. If your addiction is severe, or another health condition needs "
            "close care, we may suggest starting in a residential program. Many people then "
            "join an IOP as their next step."
        ),
    },
    {
        "slug": "benefits",
        "title": "Benefits of an evening IOP",
        "nav_label": "Benefits",
        "nav_order": 50,
        "intro": "Real treatment that fits into your real life.",
        "meta_description": (
            "Why people choose an Intensive Outpatient Program: flexibility, cost, "
            "community and structure, and what research says."
        ),
        "body": (
            "## Flexibility\n\n"
            "You keep your job, your studies and your family duties. You sleep in your own "
            "bed.\n\n"
            "## Cost\n\n"
            "An IOP usually costs much less than a residential stay, and many insurance "
            "plans cover it.\n\n"
            "## Community\n\n"
            "Addiction can be very lonely. In group you meet people who understand, "
            "without having to explain.\n\n"
            "## Structure and accountability\n\n"
            "A set schedule, a counselor who knows you, and random drug tests help you stay "
            "on course. You practice new skills in everyday life and bring the hard moments "
            "back to a safe place.\n\n"
            "## What the research says\n\n"
            "A 2014 review of the research looked at intensive outpatient programs for "
            "substance use. It found that, for many people, they worked about as well as "
            "inpatient or residential treatment.\n\n"
            "> McCarty D, Braude L, Lyman DR, et al. *Substance Abuse Intensive Outpatient "
            "Programs: Assessing the Evidence.* Psychiatric Services. 2014;65(6):718-726.\n\n"
            "Research describes groups of people, not you personally. Recovery is different "
            "for everyone, and no program can promise a result. What we can promise is that "
            "we will take you seriously and help you find the right level of care."
        ),
    },
    {
        "slug": "admissions",
        "lead_image": "home-together",
        "title": "How admissions works",
        "nav_label": "Admissions",
        "nav_order": 60,
        "intro": "Reaching out is confidential and free, and it does not commit you to anything.",
        "meta_description": (
            "What happens after you contact us: a confidential call, an assessment, an "
            "insurance check and a start date."
        ),
        "body": (
            "## What happens after you reach out\n\n"
            "1. **A confidential conversation.** Call us on {{ phone }} at any hour, or "
            "send a message "
            "with our online form. An admissions counselor listens and asks a few questions "
            "about what is going on.\n"
            "2. **A recommendation.** If the IOP sounds right, we say so. If detox, "
            "residential care or weekly outpatient therapy would suit you better, we tell "
            "you and help you find it.\n"
            "3. **An assessment.** A clinical and medical assessment confirms that the "
            "program is safe and right for you.\n"
            "4. **Your schedule.** We agree on your track, your evenings and your start "
            "date.\n\n"
            "## Insurance and costs\n\n"
            "Many insurance plans cover intensive outpatient treatment. We check your "
            "benefits before you start and explain any costs in plain numbers. If you have "
            "no insurance, ask us about other options.\n\n"
            "## What to bring to your assessment\n\n"
            "- a photo ID\n"
            "- your insurance card, if you have one\n"
            "- a list of the medications you take, with doses\n"
            "- names of any doctors or therapists you see\n\n"
            "## Get started\n\n"
            "[Send a confidential message](/contact/) or call us. You can also ask a "
            "question on behalf of someone you love."
        ),
    },
    {
        "slug": "faq",
        "layout": "faq",
        "title": "Questions and answers",
        "nav_label": "FAQ",
        "nav_order": 70,
        "intro": "Short answers to what people ask us most. Call us if yours is not here.",
        "meta_description": (
            "Answers about working during treatment, program length, virtual sessions, "
            "insurance, detox and privacy."
        ),
        "body": "",
    },
    {
        "slug": "privacy",
        "title": "Website privacy notice",
        "intro": "What we collect, why, who sees it and how long we keep it.",
        "meta_description": (
            "How Harbor Light Recovery handles what you tell us through this website and "
            "the inquiry form."
        ),
        "body": (
            "## In short\n\n"
            "- This website has no trackers, no advertising and no analytics.\n"
            "- What you type in the inquiry form is kept in our own database and read only "
            "by our admissions staff.\n"
            "- We never send what you wrote by email.\n"
            "- We do not sell or share your information.\n\n"
            "## What the inquiry form collects\n\n"
            "Only what we need to call or write back to you:\n\n"
            "- whether you are asking for yourself or for someone else\n"
            "- a first name, or any name you like\n"
            "- a phone number and/or an email address\n"
            "- how and when you would like us to contact you, and whether we may leave a "
            "voicemail or send texts\n"
            "- the program you are interested in, and, if you choose, your insurance "
            "company's name and how you heard about us\n"
            "- an optional message\n"
            "- your agreement to be contacted, and the time you sent the form\n"
            "- if you came to us from another website or an advertising link, which one "
            "(see below)\n\n"
            "Please do not type medical details or insurance member numbers. We ask for "
            "what we need when we talk.\n\n"
            "## Where it is kept and who sees it\n\n"
            "Your inquiry is stored in the clinic's own database. Only admissions staff, "
            "who need it to help you, and the few administrators who run the system can "
            "see it. Each staff member signs in with their own "
            "account. When a new inquiry arrives, staff get a short "
            "alert with a reference number, never with what you wrote.\n\n"
            "## How long we keep it\n\n"
            "We delete an inquiry, with our notes about it, 12 months after we close it. If "
            "you become a patient, what we need for your care goes into your confidential "
            "treatment record, which we keep as the law requires.\n\n"
            "## Your privacy and the law\n\n"
            "Two US laws protect you. **HIPAA** protects health information in general. "
            "**42 CFR Part 2** gives extra protection to records about substance use "
            "treatment. In plain words: we may not tell anyone, including your employer, "
            "family or the police, that you contacted us or are in treatment without your "
            "written permission, except in the few cases the law allows, such as a medical "
            "emergency.\n\n"
            "Once you are in our care, our [Notice of Privacy Practices](/privacy-practices/) "
            "explains in full how we use and protect your health information, and your "
            "rights.\n\n"
            "## This website\n\n"
            "The site has no trackers, no advertising and no analytics. It loads nothing "
            "from other companies: no fonts, maps, videos or tracking pixels.\n\n"
            "It uses at most two small cookies of its own:\n\n"
            "- a security cookie that protects the inquiry form against forged "
            "submissions\n"
            "- if you arrived from another website or an advertising link, a cookie that "
            "remembers for 30 days which site or campaign brought you. If you send an "
            "inquiry, this is saved with it, so we know how people find us, and the cookie "
            "is deleted. It is never shared with anyone.\n\n"
            "Our server keeps short technical logs (such as the page asked for and the "
            "time) to keep the site running and safe. These never contain what you typed in "
            "the form.\n\n"
            "## Your choices\n\n"
            "You may ask to see, correct or delete your inquiry. Call admissions and we "
            "will help. You can also contact us without the form, by phone, at any hour."
        ),
    },
    {
        "slug": "privacy-practices",
        "title": "Notice of Privacy Practices",
        "intro": (
            "How we may use and share your health information, the rights you have over it, "
            "and how to complain if you think we got it wrong. Please read it carefully."
        ),
        "meta_description": (
            "Harbor Light Recovery's HIPAA Notice of Privacy Practices, with the federal "
            "confidentiality notice for substance use treatment records (42 CFR Part 2)."
        ),
        "body": (
            "This notice covers the health information we hold about you as a patient of "
            "our programs: your treatment records, the results of your assessments and "
            "tests, and your billing records. The website's own privacy notice, about what "
            "this site and its inquiry form collect, is [a separate page](/privacy/).\n\n"
            "**Effective date:** December 1, 2026\n\n"
            "## Two laws protect you\n\n"
            "- **HIPAA**, the federal health privacy law, protects all of your health "
            "information.\n"
            "- **42 CFR Part 2**, a federal rule for substance use treatment programs, gives "
            "the records of your substance use treatment extra protection. Where the two "
            "differ, we follow the stricter one.\n\n"
            "## Confidentiality of substance use treatment records (42 CFR Part 2)\n\n"
            "Your records from our substance use program are confidential under federal "
            "law. In general we may not say to anyone outside the program that you are a "
            "patient here, or share anything that shows you have or had a substance use "
            "disorder, unless:\n\n"
            "- you agree in writing, on a consent form that names who may receive what and "
            "for what purpose; or\n"
            "- the federal rule allows it without your consent, for example to medical staff "
            "in a medical emergency, for certain research and audits with strict safeguards, "
            "to report suspected child abuse or neglect as state law requires, or under a "
            "court order that meets the rule's special conditions.\n\n"
            "Your records may not be used to bring criminal charges against you, or to "
            "investigate you, without your consent or a court order that meets the rule's "
            "conditions. The rule does not protect information about a crime committed on "
            "our premises or against our staff, or threats to commit one.\n\n"
            "If you think we have broken this rule, you may report it to the U.S. Department "
            "of Health and Human Services (see \u201cHow to complain\u201d below). Reporting "
            "will never affect your care.\n\n"
            "## How we may use and share your health information\n\n"
            "- **For your treatment:** within our care team, so your counselor, therapist "
            "and prescriber can work together. Sharing with a provider outside the program "
            "needs your written consent.\n"
            "- **For payment:** to bill your insurance, with your written consent for "
            "substance use treatment records.\n"
            "- **To run our program:** to check the quality of our care, train staff and "
            "meet our license's requirements, with only the information each task "
            "needs.\n"
            "- **When the law requires it:** for example to report suspected child abuse, "
            "or to prevent a serious and imminent threat to someone's health or safety, "
            "always within the limits above.\n\n"
            "Any other use, including marketing, needs your written permission. We never "
            "sell your health information. You may take back a consent in writing at any "
            "time, except for what we have already done in reliance on it.\n\n"
            "## Your rights\n\n"
            "You have the right to:\n\n"
            "- **see and get a copy** of your health records, on paper or electronically;\n"
            "- **ask us to correct** information you believe is wrong or incomplete;\n"
            "- **get a list of disclosures:** who we shared your information with, when and "
            "why, for the past six years;\n"
            "- **ask us to limit** what we use or share. We will consider every request; if "
            "you pay for a service in full yourself, you may ask us not to tell your health "
            "plan about it, and we will agree;\n"
            "- **ask us to contact you confidentially:** at another address or phone "
            "number, or only in certain ways. We will agree to any reasonable request;\n"
            "- **get a paper copy of this notice** at any time, even if you agreed to get "
            "it electronically;\n"
            "- **choose someone to act for you,** such as a legal guardian or a person with "
            "your power of attorney.\n\n"
            "To use any of these rights, ask your counselor or contact our privacy officer "
            "below. It costs nothing, except a reasonable fee for extra copies.\n\n"
            "## Our duties\n\n"
            "- We must keep your health information private and secure, as the law "
            "requires.\n"
            "- We must give you this notice and follow it.\n"
            "- We will tell you promptly if a breach may have exposed your information.\n"
            "- We may change this notice. The new version will apply to all the information "
            "we hold, and will be posted here and at our clinic with its effective date.\n\n"
            "## How to complain\n\n"
            "If you think your privacy rights have been violated, you may complain:\n\n"
            "- **to us**, by telling our privacy officer (below); and\n"
            "- **to the U.S. Department of Health and Human Services, Office for Civil "
            "Rights**, online at [hhs.gov/ocr/complaints](https://www.hhs.gov/ocr/complaints/"
            "index.html), by calling 1-800-368-1019 (TDD 1-800-537-7697), or by writing to "
            "200 Independence Avenue SW, Washington, DC 20201.\n\n"
            "We will never hold a complaint against you or treat you differently because you "
            "made one.\n\n"
            "## Our privacy officer\n\n"
            "Privacy Officer, Harbor Light Recovery  \n"
            "200 Lantern Way, Suite 3, Bayport, OR 97000  \n"
            "Phone: (555) 010-0199, any day, at any hour; ask for the privacy officer."
        ),
    },
    {
        "slug": "terms",
        "title": "Terms of use",
        "intro": "The simple rules for using this website.",
        "meta_description": "The terms for using the Harbor Light Recovery website.",
        "body": (
            "## Information, not medical advice\n\n"
            "This website explains our program in general terms. It is not medical advice "
            "and cannot replace an assessment by a qualified professional.\n\n"
            "## In an emergency\n\n"
            "Do not use the inquiry form in an emergency. Call 911. If you are thinking "
            "about suicide or are in crisis, call or text 988.\n\n"
            "## No promises of results\n\n"
            "Recovery is different for everyone. Nothing on this site is a promise of a "
            "particular result.\n\n"
            "## Using the inquiry form\n\n"
            "Please give information that is true, and only about yourself or about someone "
            "who knows you are contacting us. Sending the form does not make you a patient "
            "and does not create a treatment relationship.\n\n"
            "## Links to other websites\n\n"
            "We sometimes link to other organizations, such as crisis lines. We are not "
            "responsible for their content.\n\n"
            "## Changes\n\n"
            "We may update these terms. The date at the bottom shows the latest version."
        ),
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "intro": (
            "We want everyone to be able to use this website, whatever device or help they use."
        ),
        "meta_description": (
            "Harbor Light Recovery's commitment to an accessible website, and how to report "
            "a problem."
        ),
        "body": (
            "## Our goal\n\n"
            "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level "
            "AA.\n\n"
            "## What we do\n\n"
            "- Every page works with a keyboard alone and with screen readers.\n"
            "- Every page works without JavaScript.\n"
            "- Text can be enlarged, and pages fit small phone screens without sideways "
            "scrolling.\n"
            "- Colors are chosen for strong contrast.\n"
            "- Forms explain clearly what went wrong and how to fix it.\n\n"
            "## Known limits\n\n"
            "We test our pages regularly, but we may miss things. If something is hard to "
            "use, it is our problem to fix, not yours.\n\n"
            "## Report a problem\n\n"
            "Call admissions on {{ phone }} at any hour and tell us which page and what "
            "went wrong. You "
            "can also use our contact form. We will reply and can give you the information "
            "you need in another way, such as by phone."
        ),
    },
]
