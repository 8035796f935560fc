from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The staff group that works the inquiry queue: assignable, and told of new inquiries.
ADMISSIONS_GROUP = "Admissions"


class AdmissionsConfig(AppConfig):
    name = "admissions"
    verbose_name = _("Admissions")

    # Synced into the staff groups after every migrate (iop_site/groups.py). Exporting
    # inquiries (admissions.export_inquiry) is deliberately in no group: a superuser
    # grants it to named people.
    staff_group_permissions = {
        ADMISSIONS_GROUP: [
            "admissions.view_inquiry",
            "admissions.add_inquiry",
            "admissions.change_inquiry",
            "admissions.view_inquiry_report",
            "admissions.view_note",
            "admissions.add_note",
            "admissions.view_contactattempt",
            "admissions.add_contactattempt",
            "admissions.view_inquiryevent",
            "admissions.view_appointment",
            "admissions.add_appointment",
            "admissions.change_appointment",
            "admissions.view_notification",
        ],
        "Marketing": ["admissions.view_inquiry_report"],
    }
