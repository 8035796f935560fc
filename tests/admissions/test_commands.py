"""manage.py purge_inquiries."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from admissions.models import Inquiry, InquiryEvent, Note
from tests.factories import make_inquiry

pytestmark = pytest.mark.django_db


def closed(days_ago, status=Inquiry.Status.SPAM):
    inquiry = make_inquiry(received_at=timezone.now() - timedelta(days=days_ago + 10))
    if status in (Inquiry.Status.REFERRED, Inquiry.Status.ADMITTED):
        inquiry.move_to(Inquiry.Status.CONTACTED)
        if status == Inquiry.Status.ADMITTED:
            inquiry.move_to(Inquiry.Status.ASSESSMENT_SCHEDULED)
    inquiry.move_to(status, note="closing note")
    Inquiry.objects.filter(pk=inquiry.pk).update(
        closed_at=timezone.now() - timedelta(days=days_ago)
    )
    return inquiry


@pytest.fixture
def inquiries(settings):
    settings.ADMISSIONS_RETENTION_DAYS = 365
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

    assert output == "Would delete 2 closed inquiries closed more than 365 days ago.\n"
    assert Inquiry.objects.count() == 4


def test_purge_deletes_only_old_closed_inquiries_and_their_records(inquiries):
    output = run()

    assert output == "Deleted 2 closed inquiries closed more than 365 days ago.\n"
    assert set(Inquiry.objects.values_list("pk", flat=True)) == {
        inquiries["recent_referred"].pk,
        inquiries["old_open"].pk,
    }
    assert not InquiryEvent.objects.filter(inquiry_id=inquiries["old_spam"].pk).exists()
    assert not Note.objects.filter(inquiry_id=inquiries["old_admitted"].pk).exists()


def test_purge_never_touches_open_inquiries_however_old(settings):
    settings.ADMISSIONS_RETENTION_DAYS = 1
    for status in Inquiry.OPEN_STATUSES:
        inquiry = make_inquiry(received_at=timezone.now() - timedelta(days=3000))
        Inquiry.objects.filter(pk=inquiry.pk).update(
            status=status, closed_at=timezone.now() - timedelta(days=3000)
        )

    output = run()

    assert output == "Deleted 0 closed inquiries closed more than 1 days ago.\n"
    assert Inquiry.objects.count() == 3
