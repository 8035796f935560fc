"""Seed the benchmark's database: a large admissions queue, a large article library
with a long revision history, and a staff login for each.

Run by scripts/bench.py in a subprocess with the site's environment:
`python scripts/bench_data.py N [ARTICLES REVISIONS]` creates N inquiries (each with
events and a note), more articles copied from a demo one until there are ARTICLES,
each with REVISIONS published revisions (saved as an editor's saves make them), an
Admissions account and a Marketing account, and prints the accounts' names and
passwords, the id of one inquiry and the compare view of one article's two newest
revisions, as JSON.
"""

import json
import os
import random
import secrets
import sys
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BATCH = 2000
# What people write, so search over messages and insurers scans real text.
MESSAGES = (
    "Looking for evening sessions for my husband after his shift.",
    "I have been drinking more since the spring and want to stop.",
    "My daughter needs help with pills; can we talk after 6?",
    "",
    "Is the program covered by my employer's plan?",
)
INSURERS = ("Aetna", "Blue Cross", "Cigna", "Medicaid", "", "")


def seed(count):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from admissions.models import Inquiry, Note, new_reference

    rng = random.Random(2026)  # noqa: S311 - test data, not secrets
    password = secrets.token_urlsafe(16)
    user = get_user_model().objects.create_user(
        username=f"bench-{uuid.uuid4().hex[:6]}", password=password, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Admissions"))
    now = timezone.now()
    # A year of history: most inquiries closed long ago, a few hundred still open.
    open_statuses = list(Inquiry.OPEN_STATUSES)
    closed_statuses = [s for s in Inquiry.Status.values if s not in open_statuses]
    references = set()
    while len(references) < count:
        references.add(new_reference())
    references = list(references)
    for start in range(0, count, BATCH):
        inquiries = []
        for number in range(start, min(start + BATCH, count)):
            received = now - timedelta(minutes=rng.randint(1, 60 * 24 * 365))
            urgent = rng.random() < 0.05
            status = rng.choice(open_statuses if rng.random() < 0.02 else closed_statuses)
            inquiries.append(
                Inquiry(
                    reference=references[number],
                    received_at=received,
                    first_name=f"Seed {number}",
                    phone=f"+1202555{number % 10000:04d}",
                    source=rng.choice(Inquiry.Source.values),
                    program_interest=rng.choice(Inquiry.Program.values),
                    heard_about=rng.choice(Inquiry.HeardAbout.values),
                    priority=Inquiry.Priority.URGENT if urgent else Inquiry.Priority.ROUTINE,
                    status=status,
                    assigned_to=user if rng.random() < 0.3 else None,
                    consent_at=received,
                    message=rng.choice(MESSAGES),
                    insurance_provider=rng.choice(INSURERS),
                    first_contact_at=None if status == Inquiry.Status.NEW else received,
                    # Open ones that were reached have a callback booked within the week.
                    next_follow_up_at=(
                        now + timedelta(minutes=rng.randint(-120, 60 * 24 * 7))
                        if status in open_statuses and status != Inquiry.Status.NEW
                        else None
                    ),
                    closed_at=None if status in Inquiry.OPEN_STATUSES else received,
                )
            )
        with transaction.atomic():
            created = Inquiry.objects.receive_in_bulk(inquiries)
            Note.objects.bulk_create(
                Note(inquiry=inquiry, author=user, text="Left a message at the agreed time.")
                for inquiry in created
            )
    one = Inquiry.objects.order_by("pk").only("pk").first()
    return {"username": user.username, "password": password, "inquiry_id": one.pk}


SPANISH_KINDS = ("home", "a content page", "an article", "the inquiry form")


def page_kinds():
    """[(name, path)]: one public page of each kind, and the Spanish address of the
    kinds a Spanish visitor meets first (an item without its Spanish yet still answers
    there, in English, so the row measures the Spanish path either way)."""
    from django.urls import reverse
    from django.utils import translation

    from programs.models import Article, Page, Person

    pages = Page.objects.published()
    content = pages.filter(layout=Page.Layout.STANDARD).order_by("nav_order", "pk").first()
    schedule = pages.filter(layout=Page.Layout.SCHEDULE).first()
    article = Article.objects.published().newest_first().first()
    person = Person.objects.order_by("pk").first()

    def addresses(language):
        with translation.override(language):
            return {
                "home": reverse("programs:home"),
                "a content page": content.get_absolute_url(),
                "the schedule": schedule.get_absolute_url(),
                "the article library": reverse("programs:articles"),
                "an article": article.get_absolute_url(),
                "the team page": reverse("programs:team"),
                "a person": person.get_absolute_url(),
                "the inquiry form": reverse("admissions:inquiry"),
            }

    english, spanish = addresses("en"), addresses("es")
    kinds = list(english.items())
    for name in SPANISH_KINDS:
        # Until that kind has a Spanish address, its row would measure the English page.
        if spanish[name] != english[name]:
            kinds.append((f"{name} (Spanish)", spanish[name]))
    return kinds


def staff_login(group):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    password = secrets.token_urlsafe(16)
    user = get_user_model().objects.create_user(
        username=f"bench-{group.lower()}-{uuid.uuid4().hex[:6]}", password=password, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user, password


def seed_articles(total, revisions_each):
    """Copies of the first demo article until the library holds `total`, and every
    article with `revisions_each` published revisions, each a small change to its body
    saved the way the admin saves one (the live row, its history, then its revision)."""
    from django.urls import reverse

    from programs import revisions
    from programs.models import Article

    user, password = staff_login("Marketing")
    template = Article.objects.order_by("pk").first()
    topics, created = list(template.topics.all()), 0
    for number in range(max(total - Article.objects.count(), 0)):
        article = Article.objects.get(pk=template.pk)
        article.pk, article._state.adding = None, True
        article.title = f"{template.title} ({number + 2})"[:200]
        # Every non-empty address field (one per language) gets an address of its own.
        for field in Article._meta.concrete_fields:
            if field.name.startswith("slug") and getattr(article, field.name):
                setattr(article, field.name, f"{getattr(article, field.name)}-{number + 2}")
        article.save()
        article.topics.set(topics)
        created += 1
    for article in Article.objects.order_by("pk"):
        body = article.body
        for number in range(revisions_each):
            article.body = f"{body}\n\nUpdated with the program's schedule, edit {number + 1}."
            article.save()
            revisions.record_published(article, user)
    newest = revisions.revisions_of(article).order_by("-pk")[:2]
    compare = reverse("admin:programs_article_compare", args=[article.pk])
    return {
        "marketing_username": user.username,
        "marketing_password": password,
        "compare_path": f"{compare}?a={newest[1].pk}&b={newest[0].pk}",
        "articles_created": created,
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iop_site.settings")
    import django

    django.setup()
    inquiries, articles, revisions_each = (int(arg) for arg in [*sys.argv[1:], "0", "0"][:3])
    seeded = seed(inquiries)
    seeded["pages"] = page_kinds()
    if articles:
        seeded.update(seed_articles(articles, revisions_each))
    print(json.dumps(seeded))
