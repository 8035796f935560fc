"""The notification outbox, for staff to see what was not sent."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from admissions.models import AccessRecord, Notification
from admissions.notifications import deliver

from .access import RecordsAccess


@admin.register(Notification)
class NotificationAdmin(RecordsAccess, admin.ModelAdmin):
    """What the outbox holds: pending and failed emails are retried every minute by
    `manage.py send_notifications`; staff can also retry now. Its pages show inquiry
    references: each is in the access trail as the notification outbox."""

    list_display = (
        "inquiry",
        "state",
        "attempts",
        "created_at",
        "last_attempt_at",
        "last_error",
        "sent_at",
    )
    list_filter = ("state",)
    list_select_related = ("inquiry",)
    fields = list_display
    readonly_fields = list_display
    actions = ("delete_selected", "send_now")

    def inquiry_references(self, notifications):
        return [notification.inquiry.reference for notification in notifications]

    def access_view(self, view):
        return AccessRecord.View.NOTIFICATIONS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    @admin.action(description=_("Try sending again now"), permissions=["view"])
    def send_now(self, request, queryset):
        pending = queryset.exclude(state=Notification.State.SENT).values_list("pk", flat=True)
        sent = sum(deliver(pk) for pk in list(pending))
        self.message_user(
            request,
            ngettext("%(count)d notification sent.", "%(count)d notifications sent.", sent)
            % {"count": sent},
            messages.SUCCESS if sent else messages.WARNING,
        )
