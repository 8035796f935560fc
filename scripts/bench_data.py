"""Seed the benchmark's database: a large admissions queue and a staff login.

Run by scripts/bench.py in a subprocess with the site's environment:
`python scripts/bench_data.py N` creates N inquiries (each with events and a note)
and an Admissions staff account, and prints the account's name and password and the
id of one inquiry, as JSON.
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


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iop_site.settings")
    import django

    django.setup()
    print(json.dumps(seed(int(sys.argv[1]))))
