"""Staff groups exist after migrate, with exactly what the apps declare."""

import pytest
from django.contrib.auth.models import Group

from iop_site.groups import declared_group_permissions, sync_staff_groups

pytestmark = pytest.mark.django_db


def permissions_of(name):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(name=name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_groups_match_what_the_apps_declare_after_migrate():
    declared = declared_group_permissions()

    assert set(declared) == {"Admissions", "Marketing", "Publisher"}
    assert permissions_of("Admissions") == declared["Admissions"]
    assert permissions_of("Marketing") == declared["Marketing"]
    assert permissions_of("Publisher") == declared["Publisher"]


def test_sync_puts_back_a_permission_removed_by_hand_and_drops_an_extra_one():
    marketing = Group.objects.get(name="Marketing")
    admissions = Group.objects.get(name="Admissions")
    content_permissions = list(marketing.permissions.all())
    marketing.permissions.clear()
    admissions.permissions.add(*content_permissions)
    assert permissions_of("Admissions") != declared_group_permissions()["Admissions"]

    sync_staff_groups()

    assert permissions_of("Marketing") == declared_group_permissions()["Marketing"]
    assert permissions_of("Admissions") == declared_group_permissions()["Admissions"]
