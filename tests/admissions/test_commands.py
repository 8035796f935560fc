"""manage.py purge_inquiries: closed inquiries, then old access records."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from admissions.models import AccessRecord, Inquiry, InquiryEvent, Note
from tests.factories import make_inquiry, make_user, move

pytestmark = pytest.mark.django_db


def closed(days_ago, status=Inquiry.Status.SPAM):
    inquiry = make_inquiry(received_at=timezone.now() - timedelta(days=days_ago + 10))
    if status in (Inquiry.Status.REFERRED, Inquiry.Status.ADMITTED):
        inquiry.move_to(Inquiry.Status.CONTACTED)
        if status == Inquiry.Status.ADMITTED:
            move(inquiry, Inquiry.Status.ASSESSMENT_SCHEDULED)
    inquiry.move_to(status, note="closing note")
    Inquiry.objects.filter(pk=inquiry.pk).update(
        closed_at=timezone.now() - timedelta(days=days_ago)
    )
    return inquiry


@pytest.fixture
def inquiries(settings):
    settings.ADMISSIONS_RETENTION_DAYS = 365
    settings.ADMISSIONS_ACCESS_RETENTION_DAYS = 2190
    return {
        "old_spam": closed(400),
        "old_admitted": closed(366, Inquiry.Status.ADMITTED),
        "recent_referred": closed(300, Inquiry.Status.REFERRED),
        "old_open": make_inquiry(received_at=timezone.now() - timedelta(days=800)),
    }


def run(*args):
    output = StringIO()
    call_command("purge_inquiries", *args, stdout=output)
    return output.getvalue()


def test_dry_run_counts_and_deletes_nothing(inquiries):
    output = run("--dry-run")

    assert output == (
        "Would delete 2 closed inquiries closed more than 365 days ago.\n"
        "Would delete 0 access records older than 2190 days.\n"
    )
    assert Inquiry.objects.count() == 4


def test_purge_deletes_only_old_closed_inquiries_and_their_records(inquiries):
    output = run()

    assert output == (
        "Deleted 2 closed inquiries closed more than 365 days ago.\n"
        "Deleted 0 access records older than 2190 days.\n"
    )
    assert set(Inquiry.objects.values_list("pk", flat=True)) == {
        inquiries["recent_referred"].pk,
        inquiries["old_open"].pk,
    }
    assert not InquiryEvent.objects.filter(inquiry_id=inquiries["old_spam"].pk).exists()
    assert not Note.objects.filter(inquiry_id=inquiries["old_admitted"].pk).exists()


def test_purge_never_touches_open_inquiries_however_old(settings):
    settings.ADMISSIONS_RETENTION_DAYS = 1
    settings.ADMISSIONS_ACCESS_RETENTION_DAYS = 2190
    for status in Inquiry.OPEN_STATUSES:
        inquiry = make_inquiry(received_at=timezone.now() - timedelta(days=3000))
        Inquiry.objects.filter(pk=inquiry.pk).update(
            status=status, closed_at=timezone.now() - timedelta(days=3000)
        )

    output = run()

    assert output == (
        "Deleted 0 closed inquiries closed more than 1 days ago.\n"
        "Deleted 0 access records older than 2190 days.\n"
    )
    assert Inquiry.objects.count() == 3


def access_record(reference, days_ago):
    [record] = AccessRecord.record(make_user(f"viewer{days_ago}"), [reference], "change")
    AccessRecord.objects.filter(pk=record.pk).update(at=timezone.now() - timedelta(days=days_ago))
    return record


def test_purge_keeps_the_access_records_of_the_inquiries_it_deletes(inquiries):
    purged = inquiries["old_spam"].reference
    access_record(purged, days_ago=400)

    run()

    assert not Inquiry.objects.filter(reference=purged).exists()
    assert list(AccessRecord.objects.values_list("inquiry_reference", "actor_username")) == [
        (purged, "viewer400")
    ]


def test_purge_deletes_access_records_older_than_their_retention(inquiries):
    kept = access_record("KEPTREF2", days_ago=2189)
    access_record("OLDREF23", days_ago=2191)

    dry_run = run("--dry-run")
    count_after_dry_run = AccessRecord.objects.count()
    output = run()

    assert dry_run.splitlines()[1] == "Would delete 1 access records older than 2190 days."
    assert count_after_dry_run == 2
    assert output.splitlines()[1] == "Deleted 1 access records older than 2190 days."
    assert list(AccessRecord.objects.values_list("pk", flat=True)) == [kept.pk]
