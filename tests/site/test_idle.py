"""Staff sessions end after a spell without activity; the Admissions desk may keep a
longer one, and the queue's background refresh is not activity."""

import time

import pytest
from django.http import JsonResponse
from django.test import override_settings
from django.urls import path

from iop_site.idle import LAST_ACTIVITY_KEY, background_refresh
from iop_site.urls import urlpatterns as site_urlpatterns
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@background_refresh
def counts(request):
    return JsonResponse({"new": 0})


urlpatterns = [path("test-refresh/", counts), *site_urlpatterns]


def idle_for(client, minutes):
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - minutes * 60
    session.save()


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    settings.ADMISSIONS_DESK_IDLE_MINUTES = 8 * 60


def test_staff_idle_past_their_limit_sign_in_again_and_come_back(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))
    client.get("/admin/")
    idle_for(client, 31)

    response = client.get("/admin/programs/page/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/programs/page/"
    assert "_auth_user_id" not in client.session


def test_staff_within_their_limit_stay_signed_in(client):
    client.force_login(make_user("morgan", groups=("Marketing",)))
    client.get("/admin/")
    idle_for(client, 29)

    assert client.get("/admin/").status_code == 200


def test_the_admissions_desk_keeps_its_longer_limit(client):
    client.force_login(make_user("ada", groups=("Admissions",)))
    client.get("/admin/")
    idle_for(client, 7 * 60)

    kept = client.get("/admin/")
    idle_for(client, 8 * 60 + 1)
    ended = client.get("/admin/")

    assert kept.status_code == 200
    assert ended.status_code == 302


@override_settings(ROOT_URLCONF=__name__)
def test_a_background_refresh_is_not_activity(client):
    client.force_login(make_user("ada", groups=("Admissions",)))
    client.get("/admin/")
    idle_for(client, 8 * 60 - 1)

    refreshed = client.get("/test-refresh/")
    time.sleep(0.01)
    last = client.session[LAST_ACTIVITY_KEY]

    assert refreshed.status_code == 200
    assert time.time() - last > (8 * 60 - 2) * 60
