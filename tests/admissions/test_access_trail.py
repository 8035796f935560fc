"""The access trail: every admin response that shows some part of an inquiry records who
was shown which inquiries, when and where; autocomplete never serves inquiries; people
without access cannot tell a missing inquiry from an existing one."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from admissions.models import AccessRecord, Inquiry, InquiryEvent, Notification
from tests.factories import make_inquiry, make_user

pytestmark = pytest.mark.django_db

View = AccessRecord.View
CHANGELIST = reverse("admin:admissions_inquiry_changelist")
ACCESS_TABLE = AccessRecord._meta.db_table


def change_url(inquiry):
    return reverse("admin:admissions_inquiry_change", args=[inquiry.pk])


def history_url(inquiry):
    return reverse("admin:admissions_inquiry_history", args=[inquiry.pk])


def move_url(inquiry_id):
    return reverse("admin:admissions_inquiry_move", args=[inquiry_id])


def trail():
    """Every access record as (reference, user name, view), oldest first."""
    return sorted(AccessRecord.objects.values_list("inquiry_reference", "actor_username", "view"))


def access_inserts(captured):
    return [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith(f'INSERT INTO "{ACCESS_TABLE}"')
    ]


@pytest.fixture
def admissions_staff(client):
    user = make_user("alex", groups=("Admissions",))
    client.force_login(user)
    return user


@pytest.fixture
def superuser(client):
    user = make_user("root", is_superuser=True)
    client.force_login(user)
    return user


def change_data(inquiry, **fields):
    data = {
        "phone": str(inquiry.phone),
        "email": inquiry.email,
        "priority": inquiry.priority,
        "assigned_to": "",
        "next_follow_up_at_0": "",
        "next_follow_up_at_1": "",
    }
    for prefix in ("contact_attempts", "notes", "events"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


# --- What is recorded ---------------------------------------------------------------------


def test_queue_list_records_every_inquiry_shown_in_one_insert(client, admissions_staff):
    shown = [make_inquiry(), make_inquiry(), make_inquiry()]
    closed = make_inquiry()
    closed.move_to(Inquiry.Status.SPAM)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert trail() == sorted((inquiry.reference, "alex", View.LIST) for inquiry in shown)
    assert len(access_inserts(captured)) == 1
    assert AccessRecord.objects.values("at").distinct().count() == 1
    assert AccessRecord.objects.filter(actor=admissions_staff).count() == 3


def test_queue_list_records_only_the_page_shown(client, admissions_staff):
    for _number in range(51):
        make_inquiry()

    response = client.get(CHANGELIST)

    shown = [inquiry.reference for inquiry in response.context["cl"].result_list]
    assert len(shown) == 50
    assert trail() == sorted((reference, "alex", View.LIST) for reference in shown)


@pytest.mark.parametrize("term", ["zeph@example.org", "(202) 555-0177", "Zephyrine"])
def test_queue_search_records_the_matches_never_the_search_text(client, admissions_staff, term):
    wanted = make_inquiry(first_name="Zephyrine", phone="+12025550177", email="zeph@example.org")
    make_inquiry(first_name="Other", phone="+12025550100")

    response = client.get(CHANGELIST, {"q": term})

    assert [inquiry.reference for inquiry in response.context["cl"].result_list] == [
        wanted.reference
    ]
    # These are all a record holds: no field where a search could be kept.
    assert [field.name for field in AccessRecord._meta.get_fields()] == [
        "id",
        "inquiry_reference",
        "actor",
        "actor_username",
        "view",
        "at",
    ]
    assert trail() == [(wanted.reference, "alex", View.SEARCH)]


def test_queue_search_without_matches_records_nothing(client, admissions_staff):
    make_inquiry(email="someone@example.org")

    response = client.get(CHANGELIST, {"q": "nobody@example.org"})

    assert list(response.context["cl"].result_list) == []
    assert trail() == []


def test_opening_an_inquiry_records_access_not_an_activity_event(client, admissions_staff):
    inquiry = make_inquiry()

    client.get(change_url(inquiry))
    client.get(change_url(inquiry))

    assert trail() == [(inquiry.reference, "alex", View.CHANGE)] * 2
    assert list(InquiryEvent.objects.filter(inquiry=inquiry)) == []


def test_change_post_with_errors_records_the_inquiry_shown_back(client, admissions_staff):
    inquiry = make_inquiry(first_name="Robin")

    response = client.post(change_url(inquiry), change_data(inquiry, phone="12"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["phone"] == [
        "Enter a valid phone number (e.g. (201) 555-0123) or a number with an international "
        "call prefix."
    ]
    assert trail() == [(inquiry.reference, "alex", View.CHANGE_WITH_ERRORS)]


def test_change_post_that_saves_records_nothing(client, admissions_staff):
    inquiry = make_inquiry()

    response = client.post(change_url(inquiry), change_data(inquiry, priority="urgent"))

    assert response.status_code == 302
    assert trail() == []


def test_history_page_records_access(client, admissions_staff):
    inquiry = make_inquiry()

    response = client.get(history_url(inquiry))

    assert response.status_code == 200
    assert trail() == [(inquiry.reference, "alex", View.HISTORY)]


def test_export_records_access_and_keeps_its_exported_events(client, admissions_staff):
    from django.contrib.auth.models import Permission

    admissions_staff.user_permissions.add(Permission.objects.get(codename="export_inquiry"))
    exported = [make_inquiry(), make_inquiry()]
    make_inquiry()

    response = client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [i.pk for i in exported]}
    )

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(row["Reference"] for row in rows) == sorted(i.reference for i in exported)
    assert trail() == sorted((i.reference, "alex", View.EXPORT) for i in exported)
    assert sorted(
        InquiryEvent.objects.filter(kind=InquiryEvent.Kind.EXPORTED).values_list(
            "inquiry_id", flat=True
        )
    ) == sorted(i.pk for i in exported)


def test_delete_confirmation_records_access(client, superuser):
    inquiry = make_inquiry()

    response = client.get(reverse("admin:admissions_inquiry_delete", args=[inquiry.pk]))

    assert response.status_code == 200
    assert trail() == [(inquiry.reference, "root", View.DELETE)]


def test_delete_selected_confirmation_records_access_and_the_records_outlive_the_delete(
    client, superuser
):
    selected = [make_inquiry(), make_inquiry()]
    references = sorted(inquiry.reference for inquiry in selected)
    data = {"action": "delete_selected", "_selected_action": [i.pk for i in selected]}

    confirmation = client.post(CHANGELIST, data)
    deleted = client.post(CHANGELIST, {**data, "post": "yes"})

    assert confirmation.status_code == 200
    assert deleted.status_code == 302
    assert Inquiry.objects.count() == 0
    assert trail() == [(reference, "root", View.DELETE) for reference in references]


def test_notification_outbox_records_the_references_it_shows(client, admissions_staff):
    inquiry = make_inquiry()
    first = Notification.objects.create(inquiry=inquiry)
    Notification.objects.create(inquiry=inquiry)
    other = make_inquiry()
    Notification.objects.create(inquiry=other)

    client.get(reverse("admin:admissions_notification_changelist"))
    client.get(reverse("admin:admissions_notification_change", args=[first.pk]))

    assert trail() == sorted(
        [
            (inquiry.reference, "alex", View.NOTIFICATIONS),
            (other.reference, "alex", View.NOTIFICATIONS),
            (inquiry.reference, "alex", View.NOTIFICATIONS),
        ]
    )


def test_pages_with_counts_or_redirects_only_record_nothing(client, admissions_staff):
    inquiry = make_inquiry()

    statuses = [
        client.get(reverse("admin:index")).status_code,
        client.get(reverse("admin:admissions_inquiry_report")).status_code,
        client.get(move_url(inquiry.pk)).status_code,
        client.post(move_url(inquiry.pk), {"status": "contacted"}).status_code,
    ]

    assert statuses == [200, 200, 302, 302]
    assert trail() == []


def test_access_record_outlives_the_account_that_was_shown(client, admissions_staff):
    inquiry = make_inquiry()
    client.get(change_url(inquiry))

    admissions_staff.delete()

    record = AccessRecord.objects.get()
    assert (record.actor, record.actor_username, record.inquiry_reference) == (
        None,
        "alex",
        inquiry.reference,
    )


# --- Autocomplete and existence oracles ---------------------------------------------------


@pytest.mark.parametrize("source", ["notification", "inquiryevent", "note", "contactattempt"])
@pytest.mark.parametrize("username", ["alex", "root", "morgan", "casey"])
def test_autocomplete_never_serves_inquiries(client, source, username):
    users = {
        "alex": {"groups": ("Admissions",)},
        "root": {"is_superuser": True},
        "morgan": {"groups": ("Marketing",)},
        "casey": {},
    }
    client.force_login(make_user(username, **users[username]))
    inquiry = make_inquiry(email="zeph@example.org")
    query = {"app_label": "admissions", "model_name": source, "field_name": "inquiry"}

    response = client.get(reverse("admin:autocomplete"), {**query, "term": "zeph@example.org"})

    assert response.status_code == 403
    assert inquiry.reference not in response.content.decode()
    assert trail() == []


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("group", ["Marketing", None])
def test_move_answers_alike_for_missing_and_existing_ids_without_access(client, method, group):
    client.force_login(make_user("morgan", groups=(group,) if group else ()))
    inquiry = make_inquiry()
    send = getattr(client, method)

    existing = send(move_url(inquiry.pk), {"status": "spam"})
    missing = send(move_url(inquiry.pk + 1000), {"status": "spam"})

    assert (existing.status_code, missing.status_code) == (403, 403)
    assert existing.content == missing.content
    assert Inquiry.objects.get().status == Inquiry.Status.NEW


@pytest.mark.parametrize("page", ["change", "history", "delete"])
@pytest.mark.parametrize("group", ["Marketing", None])
def test_inquiry_pages_answer_alike_for_missing_and_existing_ids_without_access(
    client, page, group
):
    client.force_login(make_user("morgan", groups=(group,) if group else ()))
    inquiry = make_inquiry()
    url_name = f"admin:admissions_inquiry_{page}"

    existing = client.get(reverse(url_name, args=[inquiry.pk]))
    missing = client.get(reverse(url_name, args=[inquiry.pk + 1000]))

    assert (existing.status_code, missing.status_code) == (403, 403)
    assert existing.content == missing.content


def test_move_of_a_missing_id_is_404_for_admissions_staff(client, admissions_staff):
    response = client.post(move_url(12345), {"status": "spam"})

    assert response.status_code == 404


# --- The trail in the admin ---------------------------------------------------------------


def test_access_trail_is_read_only_for_superusers(client, superuser):
    inquiry = make_inquiry()
    AccessRecord.record(superuser, [inquiry.reference, "OLDREF22"], View.CHANGE)
    record = AccessRecord.objects.get(inquiry_reference=inquiry.reference)

    changelist = client.get(
        reverse("admin:admissions_accessrecord_changelist"), {"q": inquiry.reference}
    )
    page = client.get(reverse("admin:admissions_accessrecord_change", args=[record.pk]))
    add = client.get(reverse("admin:admissions_accessrecord_add"))
    delete = client.get(reverse("admin:admissions_accessrecord_delete", args=[record.pk]))

    assert [r.inquiry_reference for r in changelist.context["cl"].result_list] == [
        inquiry.reference
    ]
    assert page.status_code == 200
    assert page.context["adminform"].form.fields == {}
    assert (add.status_code, delete.status_code) == (403, 403)
    assert changelist.context["action_form"] is None
    assert AccessRecord.objects.count() == 2


@pytest.mark.parametrize("groups", [("Admissions",), ("Marketing",), ()])
def test_access_trail_is_closed_to_everyone_else(client, groups):
    user = make_user("alex", groups=groups)
    client.force_login(user)
    record = AccessRecord.record(user, ["ABCDEFGH"], View.LIST)[0]

    statuses = [
        client.get(reverse("admin:admissions_accessrecord_changelist")).status_code,
        client.get(reverse("admin:admissions_accessrecord_change", args=[record.pk])).status_code,
    ]
    index = client.get(reverse("admin:index")).content.decode()

    assert statuses == [403, 403]
    assert reverse("admin:admissions_accessrecord_changelist") not in index


# --- Openings recorded before the trail -----------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_migration_turns_viewed_events_into_access_records_of_the_inquiry_page():
    before, after = ("admissions", "0002_safety_net"), ("admissions", "0003_access_trail")
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([before])
        old = executor.loader.project_state([before]).apps
        user = old.get_model("auth", "User").objects.create(username="alex")
        inquiry = old.get_model("admissions", "Inquiry").objects.create(
            reference="ABCDEFGH",
            first_name="Sam",
            phone="+12025550143",
            first_contact_due_at=timezone.now(),
        )
        events = old.get_model("admissions", "InquiryEvent").objects
        opened_at = timezone.now() - timedelta(days=3)
        events.create(inquiry=inquiry, kind="viewed", actor=user, created_at=opened_at)
        events.create(inquiry=inquiry, kind="viewed", actor=None, created_at=opened_at)
        events.create(inquiry=inquiry, kind="created")

        executor = MigrationExecutor(connection)
        executor.migrate([after])
        new = executor.loader.project_state([after]).apps

        records = new.get_model("admissions", "AccessRecord").objects.order_by("actor_username")
        kinds = new.get_model("admissions", "InquiryEvent").objects.values_list("kind", flat=True)
        assert [
            (r.inquiry_reference, r.actor_id, r.actor_username, r.view, r.at) for r in records
        ] == [
            ("ABCDEFGH", None, "", "change", opened_at),
            ("ABCDEFGH", user.pk, "alex", "change", opened_at),
        ]
        assert list(kinds) == ["created"]
    finally:
        MigrationExecutor(connection).migrate(leaves)
