"""The admissions queue in the admin: list, workflow, notes, contact attempts, audit,
permissions of the staff groups."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from admissions.models import Inquiry, InquiryEvent, Note, Notification
from tests.factories import make_inquiry, make_user

pytestmark = pytest.mark.django_db

Status = Inquiry.Status
Kind = InquiryEvent.Kind
CHANGELIST = "/admin/admissions/inquiry/"


def change_url(inquiry):
    return reverse("admin:admissions_inquiry_change", args=[inquiry.pk])


@pytest.fixture
def admissions_staff(client):
    user = make_user("alex", groups=("Admissions",))
    client.force_login(user)
    return user


@pytest.fixture
def marketing_client(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))
    return client


def listed_references(response):
    return [inquiry.reference for inquiry in response.context["cl"].result_list]


# --- The list -------------------------------------------------------------------------------


def test_queue_shows_open_inquiries_urgent_first_then_oldest(client, admissions_staff):
    now = timezone.now()
    old = make_inquiry(received_at=now - timedelta(hours=3))
    recent = make_inquiry(received_at=now - timedelta(minutes=5))
    urgent = make_inquiry(received_at=now - timedelta(minutes=1), message="suicidal")
    closed = make_inquiry(received_at=now - timedelta(hours=5))
    closed.move_to(Status.SPAM)

    response = client.get(CHANGELIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert listed_references(response) == [urgent.reference, old.reference, recent.reference]
    assert closed.reference not in html
    assert "URGENT" in html
    assert "5\xa0minutes ago" in html


def test_queue_can_show_closed_and_all(client, admissions_staff):
    open_inquiry = make_inquiry()
    closed = make_inquiry()
    closed.move_to(Status.UNREACHABLE)

    closed_only = client.get(CHANGELIST, {"queue": "closed"})
    everything = client.get(CHANGELIST, {"queue": "all"})

    assert listed_references(closed_only) == [closed.reference]
    assert sorted(listed_references(everything)) == sorted(
        [open_inquiry.reference, closed.reference]
    )


def test_queue_flags_overdue_with_text_and_filters_them(client, admissions_staff):
    overdue = make_inquiry(received_at=timezone.now() - timedelta(hours=5, seconds=30))
    make_inquiry()

    page = client.get(CHANGELIST)
    filtered = client.get(CHANGELIST, {"overdue": "yes"})

    html = page.content.decode()
    # The countdowns and the follow-ups are in test_worklist.py.
    assert html.count('<strong class="overdue">') == 1
    assert ">overdue 1 h 00 min</time>" in html
    assert listed_references(filtered) == [overdue.reference]


def test_queue_filters_by_assignment(client, admissions_staff):
    mine = make_inquiry(assigned_to=admissions_staff)
    other = make_inquiry(assigned_to=make_user("blair", groups=("Admissions",)))
    nobody = make_inquiry()

    assert listed_references(client.get(CHANGELIST, {"assigned": "me"})) == [mine.reference]
    assert listed_references(client.get(CHANGELIST, {"assigned": "nobody"})) == [nobody.reference]
    assert len(listed_references(client.get(CHANGELIST))) == 3
    assert other.reference in listed_references(client.get(CHANGELIST))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status__exact": "contacted"}, "contacted"),
        ({"priority__exact": "urgent"}, "urgent"),
        ({"program_interest__exact": "virtual"}, "virtual"),
        ({"source__exact": "phone"}, "phone"),
    ],
)
def test_queue_filters_by_field(client, admissions_staff, params, expected):
    contacted = make_inquiry()
    contacted.move_to(Status.CONTACTED)
    urgent = make_inquiry(message="overdose")
    virtual = make_inquiry(program_interest=Inquiry.Program.VIRTUAL)
    by_phone = make_inquiry(source=Inquiry.Source.PHONE)
    wanted = {"contacted": contacted, "urgent": urgent, "virtual": virtual, "phone": by_phone}

    response = client.get(CHANGELIST, params)

    assert listed_references(response) == [wanted[expected].reference]


@pytest.mark.parametrize(
    ("term", "field"),
    [
        ("reference", None),
        ("Zephyrine", None),
        ("zeph@example.org", None),
        ("(202) 555-0177", None),
        ("202.555.0177", None),
    ],
)
def test_queue_search_by_reference_name_email_phone(client, admissions_staff, term, field):
    wanted = make_inquiry(first_name="Zephyrine", phone="+12025550177", email="zeph@example.org")
    make_inquiry(first_name="Other", phone="+12025550100")

    query = wanted.reference if term == "reference" else term
    response = client.get(CHANGELIST, {"q": query})

    assert listed_references(response) == [wanted.reference]


def test_queue_search_with_nul_byte_is_refused_with_a_message(client, admissions_staff):
    make_inquiry()

    response = client.get(CHANGELIST, {"q": "Zeph\x00yrine"})

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == ["Null characters are not allowed."]


def test_queue_list_query_count_does_not_grow_with_rows(client, admissions_staff):
    staff = [make_user(f"staff{number}", groups=("Admissions",)) for number in range(3)]
    make_inquiry(assigned_to=staff[0])
    client.get(CHANGELIST)  # warm up (content types, permissions caches)
    with CaptureQueriesContext(connection) as one:
        assert client.get(CHANGELIST).status_code == 200
    for number in range(49):
        make_inquiry(assigned_to=staff[number % 3], message="overdose" if number % 5 else "")
    with CaptureQueriesContext(connection) as fifty:
        response = client.get(CHANGELIST)

    assert len(listed_references(response)) == 50
    assert len(fifty.captured_queries) == len(one.captured_queries)


# --- Workflow on the change page -------------------------------------------------------------


def test_change_page_shows_contact_preferences_first(client, admissions_staff):
    inquiry = make_inquiry(voicemail_ok=False, texts_ok=False, best_time="evening")

    html = client.get(change_url(inquiry)).content.decode()

    assert html.index("NO voicemail that names the clinic or treatment") < html.index(
        'id="inquiry_form"'
    )
    assert "NO text messages" in html
    assert "evening (5 pm to 9 pm)" in html
    assert 'href="tel:+12025550143"' in html


def test_status_moves_through_the_change_page_form(client, admissions_staff):
    inquiry = make_inquiry()

    response = client.post(
        reverse("admin:admissions_inquiry_move", args=[inquiry.pk]),
        {"status": "contacted", "note": "Left a message with their sister"},
    )

    inquiry.refresh_from_db()
    event = InquiryEvent.objects.get(inquiry=inquiry, kind=Kind.STATUS_CHANGED)
    assert response.status_code == 302
    assert response["Location"] == change_url(inquiry)
    assert inquiry.status == Status.CONTACTED
    assert inquiry.first_contact_at is not None
    assert (event.from_status, event.to_status, event.actor) == (
        "new",
        "contacted",
        admissions_staff,
    )
    assert Note.objects.get(inquiry=inquiry).text == "Left a message with their sister"


def test_refused_status_move_changes_nothing_and_says_why(client, admissions_staff):
    inquiry = make_inquiry()

    response = client.post(
        reverse("admin:admissions_inquiry_move", args=[inquiry.pk]),
        {"status": "admitted"},
        follow=True,
    )

    inquiry.refresh_from_db()
    assert inquiry.status == Status.NEW
    assert [str(m) for m in response.context["messages"]] == [
        "Select a valid choice. admitted is not one of the available choices."
    ]


def test_status_cannot_be_edited_in_the_change_form(client, admissions_staff):
    inquiry = make_inquiry()

    response = client.get(change_url(inquiry))

    form = response.context["adminform"].form
    assert "status" not in form.fields
    assert 'name="status"' not in response.content.decode().split('id="inquiry_form"')[1]


def test_visitor_fields_are_read_only_except_phone_and_email(client, admissions_staff):
    inquiry = make_inquiry()

    form = client.get(change_url(inquiry)).context["adminform"].form

    assert set(form.fields) == {"phone", "email", "priority", "assigned_to", "next_follow_up_at"}


def test_correcting_phone_records_event_without_the_number(client, admissions_staff):
    inquiry = make_inquiry(first_name="Robin", message="original words")
    data = {
        "phone": "202-555-0199",
        "email": "",
        "priority": "routine",
        "assigned_to": "",
        "next_follow_up_at_0": "",
        "next_follow_up_at_1": "",
    }

    response = client.post(change_url(inquiry), data)

    inquiry.refresh_from_db()
    assert response.status_code == 302
    assert inquiry.phone.as_e164 == "+12025550199"
    assert (inquiry.first_name, inquiry.message) == ("Robin", "original words")
    assert InquiryEvent.objects.filter(inquiry=inquiry, kind=Kind.DETAILS_CORRECTED).count() == 1


def change_data(inquiry):
    return {
        "phone": str(inquiry.phone),
        "email": inquiry.email,
        "priority": inquiry.priority,
        "assigned_to": "",
        "next_follow_up_at_0": "",
        "next_follow_up_at_1": "",
    }


def test_reassignment_in_change_form_is_recorded(client, admissions_staff):
    inquiry = make_inquiry()
    data = change_data(inquiry)
    data["assigned_to"] = str(admissions_staff.pk)

    client.post(change_url(inquiry), data)

    event = InquiryEvent.objects.get(inquiry=inquiry, kind=Kind.ASSIGNED)
    assert (event.actor, event.assignee) == (admissions_staff, admissions_staff)


# --- Actions -----------------------------------------------------------------------------


def run_action(client, action, inquiries, **extra):
    return client.post(
        CHANGELIST + "?queue=all",
        {"action": action, "_selected_action": [i.pk for i in inquiries], **extra},
        follow=True,
    )


def test_assign_to_me_action(client, admissions_staff):
    inquiries = [make_inquiry(), make_inquiry()]

    run_action(client, "assign_to_me", inquiries)

    assert set(Inquiry.objects.values_list("assigned_to", flat=True)) == {admissions_staff.pk}
    assert InquiryEvent.objects.filter(kind=Kind.ASSIGNED, actor=admissions_staff).count() == 2


def test_mark_contacted_action_moves_what_it_may_and_reports_the_rest(client, admissions_staff):
    new = make_inquiry()
    admitted = make_inquiry()
    Inquiry.objects.filter(pk=admitted.pk).update(status=Status.ADMITTED)

    response = run_action(client, "mark_contacted", [new, admitted])

    messages = [str(m) for m in response.context["messages"]]
    assert Inquiry.objects.get(pk=new.pk).status == Status.CONTACTED
    assert Inquiry.objects.get(pk=admitted.pk).status == Status.ADMITTED
    assert messages == [
        "1 inquiry moved to “Contacted”.",
        "Not moved (the workflow does not allow it from their status): " + admitted.reference,
    ]


def test_mark_spam_action(client, admissions_staff):
    inquiry = make_inquiry()

    run_action(client, "mark_spam", [inquiry])

    inquiry.refresh_from_db()
    assert inquiry.status == Status.SPAM
    assert inquiry.closed_at is not None


def test_no_list_editable_and_no_delete_for_admissions(client, admissions_staff):
    inquiry = make_inquiry()

    changelist = client.get(CHANGELIST)
    delete = client.get(reverse("admin:admissions_inquiry_delete", args=[inquiry.pk]))

    assert changelist.context["cl"].list_editable == ()
    assert "delete_selected" not in changelist.context["action_form"].fields["action"].choices[1:]
    assert delete.status_code == 403


def test_superuser_may_delete(client):
    superuser = make_user("root", is_superuser=True)
    client.force_login(superuser)
    inquiry = make_inquiry()

    response = client.post(
        reverse("admin:admissions_inquiry_delete", args=[inquiry.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Inquiry.objects.filter(pk=inquiry.pk).exists()


# --- Phone inquiries ----------------------------------------------------------------------


def test_staff_add_an_inquiry_taken_by_phone(client, admissions_staff):
    response = client.post(
        reverse("admin:admissions_inquiry_add"),
        {
            "inquiry_for": "someone_else",
            "source": "phone",
            "first_name": "Caller",
            "language": "en",
            "phone": "202 555 0111",
            "email": "",
            "contact_method": "call",
            "best_time": "any",
            "program_interest": "evening",
            "heard_about": "",
            "insurance_provider": "",
            "message": "",
            "priority": "routine",
            "assigned_to": str(admissions_staff.pk),
            "next_follow_up_at_0": "",
            "next_follow_up_at_1": "",
        },
    )

    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert (inquiry.source, inquiry.created_by, inquiry.assigned_to) == (
        "phone",
        admissions_staff,
        admissions_staff,
    )
    assert inquiry.phone.as_e164 == "+12025550111"
    assert len(inquiry.reference) == 8
    assert set(inquiry.events.values_list("kind", flat=True)) == {Kind.CREATED, Kind.ASSIGNED}


def test_phone_inquiry_needs_phone_or_email(client, admissions_staff):
    response = client.post(
        reverse("admin:admissions_inquiry_add"),
        {
            "inquiry_for": "myself",
            "source": "phone",
            "first_name": "Caller",
            "phone": "",
            "email": "",
            "contact_method": "call",
            "best_time": "any",
            "program_interest": "evening",
            "priority": "routine",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "Give a phone number or an email address."
    ]
    assert Inquiry.objects.count() == 0


# --- Export ---------------------------------------------------------------------------------


def test_export_needs_explicit_permission(client, admissions_staff):
    inquiry = make_inquiry()

    changelist = client.get(CHANGELIST)
    response = run_action(client, "export_csv", [inquiry])

    choices = [name for name, _label in changelist.context["action_form"].fields["action"].choices]
    assert "export_csv" not in choices
    assert response.headers["Content-Type"].startswith("text/html")
    assert InquiryEvent.objects.filter(kind=Kind.EXPORTED).count() == 0


def test_export_writes_neutralised_csv_and_records_each_export(client, admissions_staff):
    from django.contrib.auth.models import Permission

    admissions_staff.user_permissions.add(Permission.objects.get(codename="export_inquiry"))
    risky = make_inquiry(
        first_name='=HYPERLINK("http://x")', message="+1 cmd", insurance_provider="@SUM(A1)"
    )
    plain = make_inquiry(first_name="Robin", message="-minus\tand tab")
    tabbed = make_inquiry(first_name="\tTabbed", email="r@example.org", message="\rcarriage")

    response = client.post(
        CHANGELIST,
        {"action": "export_csv", "_selected_action": [risky.pk, plain.pk, tabbed.pk]},
    )

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_ref = {row["Reference"]: row for row in rows}
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="inquiries-')
    assert by_ref[risky.reference]["Name"] == '\'=HYPERLINK("http://x")'
    assert by_ref[risky.reference]["Message"] == "'+1 cmd"
    assert by_ref[risky.reference]["Insurance"] == "'@SUM(A1)"
    assert by_ref[risky.reference]["Phone"] == "'+12025550143"
    assert by_ref[plain.reference]["Name"] == "Robin"
    assert by_ref[plain.reference]["Message"] == "'-minus\tand tab"
    assert by_ref[tabbed.reference]["Name"] == "'\tTabbed"
    assert by_ref[tabbed.reference]["Message"] == "'\rcarriage"
    assert by_ref[plain.reference]["Voicemail OK"] == "no"
    assert by_ref[plain.reference]["Status"] == "New"
    exported = InquiryEvent.objects.filter(kind=Kind.EXPORTED, actor=admissions_staff)
    assert sorted(exported.values_list("inquiry_id", flat=True)) == sorted(
        [risky.pk, plain.pk, tabbed.pk]
    )


# Each starts a formula in some spreadsheet, or hides one behind something invisible:
# whitespace, a line break, the full-width and small forms of = + - @, a zero-width space.
DISGUISED_FORMULAS = [
    " =1+1",
    "  -2+3",
    "\n=1+1",
    "\x0b@SUM(A1)",
    "\xa0=1+1",
    "\u3000=1+1",
    '\uff1dHYPERLINK("http://x")',
    "\uff0b1 cmd",
    "\uff0d1 cmd",
    "\uff20SUM(A1)",
    "\ufe66cmd",
    "\u200b=1+1",
]


@pytest.mark.parametrize("value", DISGUISED_FORMULAS)
def test_neutralise_cell_covers_whitespace_line_breaks_and_full_width_signs(value):
    from admissions.admin.reporting import neutralise_cell

    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Robin", "Robin"), ("a = b", "a = b"), ("", ""), (None, ""), (42, "42"), ("x@y", "x@y")],
)
def test_neutralise_cell_leaves_ordinary_text_alone(value, expected):
    from admissions.admin.reporting import neutralise_cell

    assert neutralise_cell(value) == expected


def test_export_neutralises_disguised_formulas(client, admissions_staff):
    from django.contrib.auth.models import Permission

    admissions_staff.user_permissions.add(Permission.objects.get(codename="export_inquiry"))
    inquiry = make_inquiry(
        first_name=" =cmd", message='\n=HYPERLINK("http://x")', insurance_provider="\uff20SUM(A1)"
    )

    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [inquiry.pk]})

    [row] = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["Name"] == "' =cmd"
    assert row["Message"] == '\'\n=HYPERLINK("http://x")'
    assert row["Insurance"] == "'\uff20SUM(A1)"


# --- Permissions of the groups ------------------------------------------------------------


def inquiry_urls(inquiry):
    notification = Notification.objects.create(inquiry=inquiry)
    return [
        CHANGELIST,
        reverse("admin:admissions_inquiry_add"),
        change_url(inquiry),
        reverse("admin:admissions_inquiry_history", args=[inquiry.pk]),
        reverse("admin:admissions_inquiry_delete", args=[inquiry.pk]),
        reverse("admin:admissions_inquiry_move", args=[inquiry.pk]),
        reverse("admin:admissions_notification_changelist"),
        reverse("admin:admissions_notification_change", args=[notification.pk]),
    ]


def test_marketing_gets_403_on_every_inquiry_url(marketing_client):
    inquiry = make_inquiry()

    statuses = {url: marketing_client.get(url).status_code for url in inquiry_urls(inquiry)}
    move = marketing_client.post(
        reverse("admin:admissions_inquiry_move", args=[inquiry.pk]), {"status": "spam"}
    )
    action = marketing_client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [inquiry.pk]}
    )

    assert statuses == dict.fromkeys(statuses, 403)
    assert move.status_code == 403
    assert action.status_code == 403
    assert Inquiry.objects.get().status == Status.NEW
    assert InquiryEvent.objects.count() == 0


def test_marketing_sees_the_report_but_no_queue_on_the_index(marketing_client):
    make_inquiry()

    index = marketing_client.get("/admin/")
    report = marketing_client.get(reverse("admin:admissions_inquiry_report"))

    html = index.content.decode()
    assert index.status_code == 200
    assert report.status_code == 200
    assert "Admissions report (counts by source and stage)" in html
    assert "new inquiry" not in html
    assert f'href="{CHANGELIST}"' not in html


def test_admissions_group_can_work_the_queue(client, admissions_staff):
    inquiry = make_inquiry()

    statuses = [
        client.get(CHANGELIST).status_code,
        client.get(reverse("admin:admissions_inquiry_add")).status_code,
        client.get(change_url(inquiry)).status_code,
        client.get(reverse("admin:admissions_inquiry_report")).status_code,
        client.get(reverse("admin:admissions_notification_changelist")).status_code,
    ]

    assert statuses == [200, 200, 200, 200, 200]


def test_staff_outside_both_groups_see_nothing(client):
    client.force_login(make_user("casey"))
    inquiry = make_inquiry()

    statuses = {url: client.get(url).status_code for url in inquiry_urls(inquiry)}

    assert statuses == dict.fromkeys(statuses, 403)
    assert client.get(reverse("admin:admissions_inquiry_report")).status_code == 403
