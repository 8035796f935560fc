"""Hostile input at every public URL and every field of the inquiry form.

Whatever arrives: never a 500; a clear 4xx or a form error instead; a rejected post
stores nothing; a valid post is stored exactly once; hostile text is never executed
where it is shown again.
"""

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from admissions.forms import InquiryForm
from admissions.models import Inquiry
from programs.models import Page
from tests.admissions.helpers import inquiry_data

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
PAYLOADS = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'; DROP TABLE admissions_inquiry; --",
    "1 OR 1=1",
    "a" * 100_000,
    "null\x00byte",
    "bell\x07 and escape\x1b[31m",
    "\u202eright-to-left override",
    '=HYPERLINK("http://evil.example")',
    "{{ settings.SECRET_KEY }}",
    "%(message)s %s %n",
]
TEXT_FIELDS = ["first_name", "phone", "email", "insurance_provider", "message"]
CHOICE_FIELDS = [
    "safe_now",
    "inquiry_for",
    "contact_method",
    "best_time",
    "voicemail_ok",
    "texts_ok",
    "program_interest",
    "heard_about",
    "form_token",
]


@pytest.fixture
def public_paths(db):
    call_command("load_demo_content", verbosity=0)
    pages = [page.get_absolute_url() for page in Page.objects.published()]
    return [*pages, "/contact/", "/sitemap.xml", "/robots.txt", "/healthz"]


@pytest.fixture
def visitor(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    settings.ADMISSIONS_RATE_LIMIT = 10_000
    return Client(raise_request_exception=False)


ODD_SUFFIXES = [
    "?q=" + "%00",
    "?utm_source=" + "x" * 5000,
    "?a=%ff%fe&b=%c3%28",
    "?=&&==&",
    "?next=//evil.example",
]
ODD_PATHS = [
    "/../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2fmanage.py",
    "/contact%2fthanks/",
    "/%00/",
    "/" + "a" * 5000 + "/",
    "/%ff%fe/",
    "/<script>/",
    "/admin/../contact/",
]


def test_odd_query_strings_on_every_public_url_never_fail(visitor, public_paths):
    statuses = {
        path + suffix: visitor.get(path + suffix).status_code
        for path in public_paths
        for suffix in ODD_SUFFIXES
    }

    assert {status for status in statuses.values() if status >= 500} == set()
    assert all(status in (200, 302) for status in statuses.values()), statuses


@pytest.mark.parametrize("path", ODD_PATHS)
def test_odd_paths_get_a_clear_answer(visitor, path):
    response = visitor.get(path)

    assert response.status_code in (301, 302, 400, 404)
    assert SCRIPT not in response.content.decode(errors="replace")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
def test_wrong_methods_on_every_public_url_are_refused(visitor, public_paths, method):
    statuses = {
        path: getattr(visitor, method)(path).status_code
        for path in public_paths
        if not (path == "/contact/" and method == "post")
    }

    assert all(400 <= status < 500 for status in statuses.values()), statuses


def test_inquiry_post_from_another_site_is_refused_and_stores_nothing(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)

    forged = browser.post(
        "/contact/",
        inquiry_data(),
        HTTP_SEC_FETCH_SITE="cross-site",
        HTTP_ORIGIN="https://x.example",
    )

    assert forged.status_code == 403
    assert "Please press “Send to admissions” once more." in forged.content.decode()
    assert "(555) 010-0199" in forged.content.decode()
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x"],
)
def test_inquiry_post_with_wrong_content_type_stores_nothing(visitor, content_type):
    response = visitor.post("/contact/", data=b'{"first_name": "Robin"}', content_type=content_type)

    assert response.status_code in (200, 400)
    assert Inquiry.objects.count() == 0


def test_inquiry_post_with_huge_body_is_refused(visitor):
    response = visitor.post("/contact/", inquiry_data(message="x" * 3_000_000))

    assert response.status_code == 400
    assert Inquiry.objects.count() == 0


def test_inquiry_post_with_malformed_utf8_is_a_form_error(visitor):
    body = b"first_name=%ff%fe&message=%c3%28&consent=on"

    response = visitor.post(
        "/contact/", data=body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    assert "error" in response.content.decode().lower()
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize("field", TEXT_FIELDS + CHOICE_FIELDS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_hostile_value_in_any_field_is_stored_once_or_refused(visitor, field, payload):
    response = visitor.post("/contact/", inquiry_data(**{field: payload}))

    stored = list(Inquiry.objects.all())
    html = response.content.decode()
    assert response.status_code == 200
    assert SCRIPT not in html
    if stored:
        # Stored once, and answered with its confirmation.
        assert len(stored) == 1
        assert stored[0].reference in html
        assert 'id="error-summary"' not in html
    else:
        # Refused with a form error, input kept (escaped).
        assert 'id="error-summary"' in html


def test_the_same_valid_post_twice_is_stored_once(visitor):
    data = inquiry_data()

    first = visitor.post("/contact/", data)
    second = visitor.post("/contact/", data)

    assert first.status_code == second.status_code == 200
    assert Inquiry.objects.count() == 1
    assert Inquiry.objects.get().reference in second.content.decode()


form_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)


@hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    values=st.fixed_dictionaries(dict.fromkeys(TEXT_FIELDS, form_text)),
    choices=st.fixed_dictionaries(
        {field: st.one_of(st.none(), form_text) for field in CHOICE_FIELDS}
    ),
)
def test_inquiry_form_never_raises_and_keeps_what_it_accepts(settings, values, choices):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    data = inquiry_data(
        **values, **{key: value for key, value in choices.items() if value is not None}
    )

    form = InquiryForm(data)

    if form.is_valid():
        assert form.cleaned_data["first_name"].strip() != ""
        assert form.cleaned_data["phone"] or form.cleaned_data["email"]
        for field in ("first_name", "insurance_provider", "message"):
            assert "\x00" not in form.cleaned_data[field]
    else:
        assert form.errors


def test_hostile_text_is_inert_in_the_admin_queue_page_and_csv_export(visitor):
    from django.contrib.auth.models import Permission

    from tests.factories import make_user

    hostile_name = '<img src=x onerror=alert(1)>"'
    formula = '=HYPERLINK("http://evil.example","Click")'
    visitor.post(
        "/contact/",
        inquiry_data(first_name=hostile_name, message=formula, insurance_provider="@SUM(1+1)"),
    )
    inquiry = Inquiry.objects.get()
    staff = make_user("casey", groups=("Admissions",))
    staff.user_permissions.add(Permission.objects.get(codename="export_inquiry"))
    admin = Client()
    admin.force_login(staff)

    # The list shows no names; a search for the hostile text echoes it in the search box.
    listing = admin.get("/admin/admissions/inquiry/", {"q": hostile_name}).content.decode()
    change = admin.get(f"/admin/admissions/inquiry/{inquiry.pk}/change/").content.decode()
    export = admin.post(
        "/admin/admissions/inquiry/",
        {"action": "export_csv", "_selected_action": [inquiry.pk]},
    )
    csv_text = export.content.decode()

    assert inquiry.reference in listing
    for html in (listing, change):
        assert "<img src=x" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in csv_text
    assert "'@SUM(1+1)" in csv_text
    assert "\n=" not in csv_text
    assert ",=" not in csv_text
