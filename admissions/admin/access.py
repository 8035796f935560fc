"""The access trail in the admin: the mixin that records which inquiries each page shows,
and the read-only trail itself, for superusers (the privacy officer's tool)."""

from django.contrib import admin
from django.contrib.admin import actions
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from admissions.models import AccessRecord

View = AccessRecord.View


class RecordsAccess:
    """For the ModelAdmin of a model whose pages show inquiries.

    Every response that shows some part of an inquiry (the list, a search's matches, an
    object's page, also when a POST shows it back with errors, its history, a delete
    confirmation) writes its access records once rendered, through AccessRecord.record:
    one insert per response. Redirects and counts record nothing. Also: the admin's
    autocomplete never serves this model, and the history page checks permission before
    looking the object up, as Django's change and delete pages do, so that a missing id
    and a forbidden one answer alike.
    """

    def inquiry_references(self, objects):
        """The references of the inquiries that showing `objects` shows."""
        raise NotImplementedError

    def access_view(self, view):
        """The AccessRecord.View to record for one of this admin's pages."""
        return view

    def record_when_rendered(self, request, response, objects, view):
        """Side effect, once `response` is rendered: AccessRecord.record of the
        inquiries `objects` show."""

        def record(rendered):
            references = self.inquiry_references(objects)
            AccessRecord.record(request.user, references, self.access_view(view))

        response.add_post_render_callback(record)

    @staticmethod
    def shown(response, name):
        """What a rendered admin page shows under `name` in its template context, or
        None for a redirect or any other response."""
        return (getattr(response, "context_data", None) or {}).get(name)

    def has_view_permission(self, request, obj=None):
        # No admin needs to autocomplete this model, and the autocomplete search would
        # tell anyone who may view it whether a phone or email has an inquiry, with no
        # access record.
        match = request.resolver_match
        if match is not None and match.view_name == f"{self.admin_site.name}:autocomplete":
            return False
        return super().has_view_permission(request, obj)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = self.shown(response, "cl")
        if changelist is not None:
            view = View.SEARCH if changelist.query else View.LIST
            self.record_when_rendered(request, response, changelist.result_list, view)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        shown = self.shown(response, "original")
        if shown is not None:
            # A POST that is rendered, not redirected, shows the object back with errors.
            view = View.CHANGE_WITH_ERRORS if request.method == "POST" else View.CHANGE
            self.record_when_rendered(request, response, [shown], view)
        return response

    def history_view(self, request, object_id, extra_context=None):
        # Django looks the object up first, then checks permission: someone without
        # access would tell a missing id (a redirect) from an existing one (403).
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        response = super().history_view(request, object_id, extra_context)
        shown = self.shown(response, "object")
        if shown is not None:
            self.record_when_rendered(request, response, [shown], View.HISTORY)
        return response

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        shown = self.shown(response, "object")
        if shown is not None:
            self.record_when_rendered(request, response, [shown], View.DELETE)
        return response

    @admin.action(description=actions.delete_selected.short_description, permissions=["delete"])
    def delete_selected(self, request, queryset):
        """Django's own bulk delete; its confirmation page is recorded (by its name,
        this action takes the place of the site-wide one)."""
        response = actions.delete_selected(self, request, queryset)
        if response is not None:
            self.record_when_rendered(request, response, queryset, View.DELETE)
        return response


@admin.register(AccessRecord)
class AccessRecordAdmin(admin.ModelAdmin):
    """Who was shown which inquiry, when and where: read-only, for superusers only."""

    list_display = ("at", "actor_username", "view", "inquiry_reference")
    list_filter = ("view", "actor", ("at", admin.DateFieldListFilter))
    search_fields = ("=inquiry_reference", "=actor_username")
    search_help_text = _("An inquiry reference or a user name, exactly.")
    fields = ("at", "actor_username", "actor", "view", "inquiry_reference")
    readonly_fields = fields
    list_per_page = 100
    show_full_result_count = False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
