"""What the safety net shows admissions staff: why an inquiry is urgent (never the words
that made it so), and which inquiries are held for review."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from admissions.models import Inquiry, InquiryEvent
from tests.factories import make_inquiry, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:admissions_inquiry_changelist")
WORDS = "my brother took a bunch of pills tonight"


@pytest.fixture
def staff(client):
    user = make_user("alex", groups=("Admissions",))
    user.user_permissions.add(Permission.objects.get(codename="export_inquiry"))
    client.force_login(user)
    return user


def test_staff_see_why_an_inquiry_is_urgent_but_not_the_words(client, staff):
    by_words = make_inquiry(first_name="Words", message=WORDS)
    by_answer = make_inquiry(first_name="Answer", safe_now=Inquiry.SafeNow.NOT_SURE)

    queue = client.get(CHANGELIST).content.decode()
    page = client.get(reverse("admin:admissions_inquiry_change", args=[by_words.pk]))
    export = client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [by_words.pk, by_answer.pk]}
    )

    rows = {row["Name"]: row for row in csv.DictReader(io.StringIO(export.content.decode()))}
    reason = "Message reads as a crisis: Overdose or too much taken"
    assert by_words.crisis_rule == "overdose"
    assert reason in queue
    assert "Answered “Not sure” to “safe right now?”" in queue
    assert reason in page.content.decode()
    assert rows["Words"]["Why urgent"] == reason
    assert rows["Answer"]["Safe right now"] == "Not sure"
    assert "bunch of pills" not in queue


def test_held_inquiries_are_marked_and_filtered_and_can_be_released(client, staff):
    held = make_inquiry(first_name="Held", held_for_review=True)
    make_inquiry(first_name="Plain")

    queue = client.get(CHANGELIST, {"held_for_review__exact": "1"}).content.decode()
    released = client.post(
        CHANGELIST, {"action": "release_hold", "_selected_action": [held.pk]}, follow=True
    )

    held.refresh_from_db()
    assert held.reference in queue
    assert "HELD" in queue
    assert Inquiry.objects.get(first_name="Plain").reference not in queue
    assert "1 inquiry released from hold." in released.content.decode()
    assert held.held_for_review is False
    event = held.events.get(kind=InquiryEvent.Kind.HOLD_RELEASED)
    assert event.actor == staff


def test_releasing_an_inquiry_that_is_not_held_writes_nothing(staff):
    inquiry = make_inquiry()

    assert inquiry.release_hold(by=staff) is False
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.HOLD_RELEASED).exists()
