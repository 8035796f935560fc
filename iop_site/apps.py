from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import post_migrate


class SiteConfig(AppConfig):
    """The project itself, installed last so that its post_migrate receiver runs
    after every other app's permissions exist."""

    name = "iop_site"
    verbose_name = "Site"

    def ready(self):
        from .groups import sync_staff_groups

        post_migrate.connect(sync_staff_groups, sender=self, dispatch_uid="sync_staff_groups")


class StaffAdminConfig(AdminConfig):
    """django.contrib.admin with the project's admin site (two-factor sign-in)."""

    default_site = "iop_site.admin.StaffAdminSite"
