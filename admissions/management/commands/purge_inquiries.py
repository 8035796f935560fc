"""Delete closed inquiries older than the retention period (ADMISSIONS_RETENTION_DAYS),
counted from when they were closed, with their notes, contact attempts, activity and
notifications. Open inquiries are never touched. Access records (the access trail) are
kept, whether or not their inquiry still exists, for ADMISSIONS_ACCESS_RETENTION_DAYS
(six years by default, as HIPAA asks of audit records), then deleted. Run it daily (see
README)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from admissions.models import AccessRecord, Inquiry

BATCH = 500


class Command(BaseCommand):
    help = (
        "Delete closed inquiries closed more than ADMISSIONS_RETENTION_DAYS days ago, and "
        "access records older than ADMISSIONS_ACCESS_RETENTION_DAYS days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        days = settings.ADMISSIONS_RETENTION_DAYS
        expired = Inquiry.objects.closed().filter(closed_at__lt=now - timedelta(days=days))
        access_days = settings.ADMISSIONS_ACCESS_RETENTION_DAYS
        expired_access = AccessRecord.objects.filter(at__lt=now - timedelta(days=access_days))
        if dry_run:
            count = expired.count()
            self.stdout.write(
                f"Would delete {count} closed inquiries closed more than {days} days ago."
            )
            count = expired_access.count()
            self.stdout.write(f"Would delete {count} access records older than {access_days} days.")
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
        count, _by_model = expired_access.delete()
        self.stdout.write(f"Deleted {count} access records older than {access_days} days.")
