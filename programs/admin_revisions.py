"""Drafts, publishing, history and approval in the content admin (see programs/revisions.py).

A ModelAdmin with RevisionAdminMixin (pages, articles, the clinic settings):
- While an item is live (published, or the clinic settings, which always are), "Save
  draft" keeps the whole form (inlines included) as a draft revision; visitors keep the
  live version. "Publish now" and "Publish at" make a draft live, for those allowed to.
  An item that is not live is saved straight away, as before, and that save is recorded
  as a revision too.
- The edit form opens on the unpublished draft if there is one, says who saved it and
  when, and who must approve it.
- "History" lists the revisions readably: who, when, what changed, with preview,
  compare and "revert to this" (a new draft).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import revisions
from .models import Revision
from .revision_compare import changed_labels, compare

HISTORY_SHOWN = 100


def is_live(item):
    """Whether visitors see (or are scheduled to see) the item: then a change is a draft."""
    status = getattr(item, "status", None)
    return status is None or status == item.Status.PUBLISHED


def publishers():
    """The active members of the Publisher group, by name."""
    users = get_user_model().objects.filter(groups__name="Publisher", is_active=True)
    return [user.get_full_name() or user.get_username() for user in users.order_by("username")]


def who(user):
    if user is None:
        return gettext("someone")
    return user.get_full_name() or user.get_username()


class ScheduleForm(forms.Form):
    revision_publish_at = forms.DateTimeField(
        label=_("Publish at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={
            "required": _("Enter the day and time to publish at."),
            "invalid": _("Enter the day and time to publish at, e.g. 2030-06-01 09:00."),
        },
    )

    def clean_revision_publish_at(self):
        when = self.cleaned_data["revision_publish_at"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return when


class CompareForm(forms.Form):
    a = forms.ModelChoiceField(queryset=Revision.objects.none(), label=_("Compare"))
    b = forms.ModelChoiceField(queryset=Revision.objects.none(), label=_("with"))

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            self.fields[name].queryset = queryset
            self.fields[name].label_from_instance = revision_label


def revision_label(revision):
    return gettext("%(when)s, %(status)s, by %(who)s") % {
        "when": timezone.localtime(revision.created_at).strftime("%Y-%m-%d %H:%M"),
        "status": revision.get_status_display().lower(),
        "who": who(revision.created_by),
    }


class RevisionAdminMixin:
    """For a SimpleHistoryAdmin of a revisioned model; put it first in the bases."""

    change_form_template = "admin/programs/revision_change_form.html"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(field, forms.SplitDateTimeField):
            # The admin's two boxes have no label of their own (the field's label points
            # at neither since Django 4.0): name each for screen readers.
            date, time = field.widget.widgets
            date.attrs["aria-label"] = gettext("%(field)s: date") % {"field": field.label}
            time.attrs["aria-label"] = gettext("%(field)s: time") % {"field": field.label}
        return field

    # --- URLs

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/revisions/compare/",
                view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/preview/",
                view(self.preview_view),
                name=f"{prefix}_preview_revision",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/<str:action>/",
                view(self.revision_action_view),
                name=f"{prefix}_revision_action",
            ),
            *super().get_urls(),
        ]

    def _url(self, name, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}", args=args)

    def _item_or_404(self, request, object_id, change=False):
        item = self.get_object(request, unquote(object_id))
        if item is None:
            raise Http404
        allowed = self.has_change_permission if change else self.has_view_or_change_permission
        if not allowed(request, item):
            raise PermissionDenied
        return item

    # --- The edit form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        item = self.get_object(request, unquote(object_id)) if object_id else None
        if item is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        pending = revisions.pending_revision(item)
        draft_mode = is_live(item) or pending is not None
        extra_context = {
            **(extra_context or {}),
            **self.revision_context(request, item, pending, draft_mode),
        }
        if not draft_mode:
            return super().changeform_view(request, object_id, form_url, extra_context)
        request.revision_capture = request.method == "POST"
        with revisions.rehearsal():
            if pending is not None:
                self._open_draft(request, item, pending)
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if isinstance(response, TemplateResponse):
                response.render()
        data = getattr(request, "revision_data", None)
        if data is None:
            return response
        return self.after_draft_saved(request, item, data)

    def _open_draft(self, request, item, pending):
        try:
            revisions.apply(item, pending.data, raw=True)
        except revisions.RevisionProblem as problem:
            self.message_user(
                request,
                gettext(
                    "The draft cannot be opened (%(problem)s): the form shows the published "
                    "version. Saving it replaces the draft."
                )
                % {"problem": problem},
                messages.ERROR,
            )

    def revision_context(self, request, item, pending, draft_mode):
        data = pending.data if pending else revisions.serialize(item)
        needs_publisher = revisions.needs_publisher(item, data)
        return {
            "draft_mode": draft_mode,
            "pending_revision": pending,
            "pending_by": who(pending.created_by) if pending else "",
            "can_publish": revisions.can_publish(request.user, item, data),
            "needs_publisher": needs_publisher,
            "approval_rule": getattr(self, "approval_rule", ""),
            "publishers": publishers() if needs_publisher or self.approval_rule else [],
            "history_url": self._url("history", item.pk),
            "preview_url": self._url("preview_revision", item.pk, pending.pk) if pending else "",
            "compare_url": self._url("compare", item.pk) if pending else "",
            "schedule_form": ScheduleForm(
                initial={"revision_publish_at": pending.publish_at} if pending else None
            ),
        }

    approval_rule = ""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "revision_capture", False):
            request.revision_data = revisions.serialize(form.instance)
        else:
            revisions.record_published(form.instance, request.user)

    def response_change(self, request, obj):
        if getattr(request, "revision_capture", False):
            # Rolled back: the draft's own message and redirect follow.
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def delete_model(self, request, obj):
        revisions.discard(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for item in queryset:
            revisions.discard(item)
        super().delete_queryset(request, queryset)

    def after_draft_saved(self, request, item, data):
        """Keep the draft; publish or schedule it if asked and allowed. Messages say
        what happened; the editor stays on the form."""
        revision = revisions.save_draft(item, data, request.user)
        self.log_change(request, item, gettext("Saved a draft."))
        if "_publish" in request.POST:
            self._publish(request, revision)
        elif "_schedule" in request.POST:
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                self.message_user(
                    request,
                    gettext("The draft is saved, not scheduled: %(error)s")
                    % {"error": " ".join(form.errors["revision_publish_at"])},
                    messages.ERROR,
                )
            elif revisions.can_publish(request.user, item, data):
                when = form.cleaned_data["revision_publish_at"]
                revisions.schedule(revision, when, request.user)
                self.message_user(
                    request,
                    gettext("The draft is saved and will be published on %(when)s.")
                    % {"when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M")},
                    messages.SUCCESS,
                )
            else:
                self._refused(request)
        else:
            self.message_user(
                request,
                gettext("The draft is saved. Visitors still see the published version."),
                messages.SUCCESS,
            )
        return redirect(self._url("change", item.pk))

    def _publish(self, request, revision):
        try:
            published = revisions.publish(revision, request.user)
        except PermissionDenied:
            self._refused(request)
            return
        except revisions.RevisionProblem as problem:
            self.message_user(
                request,
                gettext("The draft is saved but could not be published: %(problem)s")
                % {"problem": problem},
                messages.ERROR,
            )
            return
        if published:
            self.message_user(request, gettext("Published: visitors see it now."), messages.SUCCESS)

    def _refused(self, request):
        self.message_user(
            request,
            gettext(
                "The draft is saved. Publishing it needs a member of the Publisher group: "
                "they will find it under Revisions, waiting for approval."
            ),
            messages.WARNING,
        )

    # --- History, preview, compare, revert

    def history_view(self, request, object_id, extra_context=None):
        """The item's revisions, newest first, with what each changed."""
        item = self._item_or_404(request, object_id)
        shown = list(
            revisions.revisions_of(item).select_related(
                "created_by", "published_by", "scheduled_by"
            )[:HISTORY_SHOWN]
        )
        rows = []
        for index, revision in enumerate(shown):
            previous = shown[index + 1].data if index + 1 < len(shown) else None
            rows.append(
                {
                    "revision": revision,
                    "by": who(revision.created_by),
                    "changed": changed_labels(self.model, previous, revision.data),
                    "preview_url": self._url("preview_revision", item.pk, revision.pk),
                    "compare_url": f"{self._url('compare', item.pk)}?a={shown[index + 1].pk}"
                    f"&b={revision.pk}"
                    if previous is not None
                    else "",
                    "revert_url": self._url("revision_action", item.pk, revision.pk, "revert"),
                    "publish_url": self._url("revision_action", item.pk, revision.pk, "publish"),
                    "discard_url": self._url("revision_action", item.pk, revision.pk, "discard"),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": item,
            "title": gettext("History of “%(item)s”") % {"item": item},
            "rows": rows,
            "can_change": self.has_change_permission(request, item),
            "can_publish": revisions.can_publish(
                request.user, item, rows[0]["revision"].data if rows else revisions.serialize(item)
            ),
            "compare_form": CompareForm(
                queryset=revisions.revisions_of(item).select_related("created_by")
            ),
            "compare_url": self._url("compare", item.pk),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/programs/revision_history.html", context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history's "revert" saves straight to the live row, past drafts and
        # approval: revisions take its place.
        return redirect(self._url("history", unquote(object_id)))

    def preview_view(self, request, object_id, revision_id):
        """The public page rendered with the revision applied (and rolled back)."""
        item = self._item_or_404(request, object_id)
        revision = get_object_or_404(revisions.revisions_of(item), pk=revision_id)
        try:
            with revisions.applied(item, revision.data) as shown:
                request.revision_preview = revision
                url = shown.get_absolute_url() if hasattr(shown, "get_absolute_url") else "/"
                match = resolve(url)
                response = match.func(request, *match.args, **match.kwargs)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
        except revisions.RevisionProblem as problem:
            self.message_user(
                request,
                gettext("This version cannot be previewed: %(problem)s") % {"problem": problem},
                messages.ERROR,
            )
            return redirect(self._url("history", item.pk))
        return response

    def compare_view(self, request, object_id):
        """Two revisions side by side (by default the two latest), oldest on the left."""
        item = self._item_or_404(request, object_id)
        queryset = revisions.revisions_of(item).select_related("created_by")
        form = CompareForm(request.GET or None, queryset=queryset)
        old = new = None
        if form.is_valid():
            old, new = sorted(form.cleaned_data.values(), key=lambda r: (r.created_at, r.pk))
        elif not form.is_bound:
            latest = list(queryset[:2])
            if len(latest) == 2:
                new, old = latest
                form = CompareForm(initial={"a": old.pk, "b": new.pk}, queryset=queryset)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": item,
            "title": gettext("Compare versions of “%(item)s”") % {"item": item},
            "form": form,
            "old": old,
            "new": new,
            "groups": compare(self.model, old.data, new.data) if old else [],
            "history_url": self._url("history", item.pk),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/programs/revision_compare.html", context)

    def revision_action_view(self, request, object_id, revision_id, action):
        if request.method != "POST":
            return require_POST(lambda request: None)(request)
        item = self._item_or_404(request, object_id, change=True)
        revision = get_object_or_404(
            revisions.revisions_of(item).select_related("content_type"), pk=revision_id
        )
        if action == "revert":
            revisions.revert_to(revision, request.user)
            self.log_change(request, item, gettext("Made a draft from an earlier revision."))
            self.message_user(
                request,
                gettext("A new draft holds the version of %(when)s. Check it, then publish it.")
                % {"when": timezone.localtime(revision.created_at).strftime("%Y-%m-%d %H:%M")},
                messages.SUCCESS,
            )
        elif action == "publish" and revision.is_pending:
            self._publish(request, revision)
        elif action == "discard" and revision.is_pending:
            revisions.discard(item)
            self.message_user(request, gettext("The draft is discarded."), messages.SUCCESS)
        else:
            raise Http404
        return redirect(self._url("change", item.pk))


# --- What waits for approval -----------------------------------------------------------


class RevisionStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Waiting for a publisher")),
            ("all-pending", _("All unpublished drafts")),
            ("published", _("Published")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "waiting":
                return queryset.waiting_for_approval()
            case "published":
                return queryset.filter(status=Revision.Status.PUBLISHED)
            case "all-pending" | None:
                return queryset.pending()
        return queryset


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """Drafts waiting to be published, and what was published when. Read only: a draft
    is opened, compared and published from its item's page."""

    list_display = ["item", "kind", "status", "needs_publisher", "saved_by", "created_at"]
    # The item column links to the item itself.
    list_display_links = None
    list_filter = [RevisionStateFilter, "needs_publisher", "content_type"]
    list_select_related = ["content_type", "created_by"]
    search_fields = ["title"]

    class Media:
        css = {"all": ["programs/revisions.css"]}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not str(object_id).isdigit():
            raise Http404
        revision = get_object_or_404(Revision.objects.select_related("content_type"), pk=object_id)
        opts = revision.content_type
        return redirect(
            reverse(f"admin:{opts.app_label}_{opts.model}_history", args=[revision.object_id])
        )

    def changelist_view(self, request, extra_context=None):
        if not request.GET and request.user.has_perm(revisions.PUBLISH_PERMISSION):
            return redirect(f"{request.path}?state=waiting")
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("item"), ordering="title")
    def item(self, revision):
        opts = revision.content_type
        url = reverse(f"admin:{opts.app_label}_{opts.model}_change", args=[revision.object_id])
        return format_html('<a href="{}">{}</a>', url, revision.title)

    @admin.display(description=_("kind"))
    def kind(self, revision):
        return str(revision.content_type.model_class()._meta.verbose_name).capitalize()

    @admin.display(description=_("saved by"), ordering="created_by__username")
    def saved_by(self, revision):
        return who(revision.created_by)
