"""Staff groups, kept in step with the code after every `migrate`.

Each app declares what its staff groups may do as a `staff_group_permissions`
attribute on its AppConfig, e.g. ``{"Marketing": ["programs.change_page"]}``. After
the last app has migrated, `sync_staff_groups` gathers every app's declarations and
gives each group exactly those permissions, so a fresh database, the test database
and an upgraded one all get the same groups without a manual step.
"""

from collections import defaultdict

from django.apps import apps
from django.contrib.auth.models import Group, Permission


def declared_group_permissions():
    """{group name: {"app_label.codename", ...}} from every installed app."""
    declared = defaultdict(set)
    for app_config in apps.get_app_configs():
        for group, permissions in getattr(app_config, "staff_group_permissions", {}).items():
            declared[group].update(permissions)
    return declared


def sync_group(name, permissions):
    """Create the group if needed and give it exactly `permissions`
    ("app_label.codename" strings). Idempotent."""
    group, _ = Group.objects.get_or_create(name=name)
    wanted = set()
    for dotted in permissions:
        app_label, codename = dotted.split(".", 1)
        wanted.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    group.permissions.set(wanted)
    return group


def sync_staff_groups(using="default", **kwargs):
    """post_migrate receiver: make every declared group match its declaration."""
    if using != "default":
        return
    for name, permissions in declared_group_permissions().items():
        sync_group(name, sorted(permissions))
