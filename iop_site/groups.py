"""Staff groups, kept in step with the code after every `migrate`.

Each app declares the permissions its group needs and connects `sync_group` to
`post_migrate` in its AppConfig.ready(), so a fresh database, the test database and
an upgraded one all get the same groups without a manual step.
"""

from django.contrib.auth.models import Group, Permission


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
