"""Delete closed inquiries older than the retention period (ADMISSIONS_RETENTION_DAYS),
counted from when they were closed, with their notes, contact attempts, activity and
notifications. Open inquiries are never touched. Run it daily (see README)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from admissions.models import Inquiry

BATCH = 500


class Command(BaseCommand):
    help = "Delete closed inquiries closed more than ADMISSIONS_RETENTION_DAYS days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        days = settings.ADMISSIONS_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        expired = Inquiry.objects.closed().filter(closed_at__lt=cutoff)
        if dry_run:
            count = expired.count()
            self.stdout.write(
                f"Would delete {count} closed inquiries closed more than {days} days ago."
            )
            return
        count = 0
        while True:
            batch = list(expired.order_by("pk").values_list("pk", flat=True)[:BATCH])
            if not batch:
                break
            with transaction.atomic():
                Inquiry.objects.filter(pk__in=batch).delete()
            count += len(batch)
        self.stdout.write(f"Deleted {count} closed inquiries closed more than {days} days ago.")
