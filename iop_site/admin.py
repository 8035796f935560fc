"""The staff admin site: Django's admin with two-factor sign-in where settings ask for it
(the rule, forms and pages are in `iop_site.two_factor`), and the admin of the site's own
models.
"""

from django.contrib.admin import AdminSite, ModelAdmin
from django.contrib.admin import display as admin_display
from django.contrib.admin.utils import unquote
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device

from .models import EnrolmentWindow, Passkey, RecoveryCodeDevice
from .two_factor.access import is_verified, may_enrol, requires_second_factor
from .two_factor.forms import StaffAuthenticationForm
from .two_factor.views import TwoFactorViews


class RecoveryCodeDeviceAdmin(ModelAdmin):
    """For a superuser resetting someone's second factor: see and delete, nothing else."""

    list_display = ("user", "unused_codes")
    list_select_related = ("user",)
    fields = ("user", "name")
    readonly_fields = ("user", "name")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(unused=Count("codes", filter=Q(codes__used_at__isnull=True)))
        )

    @admin_display(description=_("unused codes"), ordering="unused")
    def unused_codes(self, device):
        return device.unused

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PasskeyAdmin(ModelAdmin):
    """For a superuser resetting someone's second factor: see and delete, nothing else."""

    list_display = ("name", "user", "created_at", "last_used_at")
    list_select_related = ("user",)
    fields = ("user", "name", "created_at", "last_used_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StaffAdminSite(TwoFactorViews, AdminSite):
    site_header = _("Harbor Light Recovery staff")
    site_title = _("Staff")
    index_title = _("Admissions and content")
    login_form = StaffAuthenticationForm
    login_template = "admin/staff_login.html"

    def __init__(self, name="admin"):
        super().__init__(name)
        # This module is the site's own, imported before the site exists, so the
        # site's models are registered here rather than with @admin.register.
        self.register(RecoveryCodeDevice, RecoveryCodeDeviceAdmin)
        self.register(Passkey, PasskeyAdmin)

    def has_permission(self, request):
        """Active staff, who gave their second factor in this session if their account
        needs one. Checked on every request, so an account given access to inquiries
        after it signed in is stopped at its next page until it signs in again."""
        if not super().has_permission(request):
            return False
        return is_verified(request.user) or not requires_second_factor(request.user)

    def get_urls(self):
        user_opts = get_user_model()._meta
        return [
            # Not behind admin_view: the account has not given its second factor yet.
            path("two-factor/set-up/", self.enrol_view, name="two_factor_enrol"),
            path("two-factor/verify/", self.verify_view, name="two_factor_verify"),
            path("two-factor/passkeys/add/", self.add_passkey_view, name="two_factor_add_passkey"),
            path(
                "two-factor/passkeys/",
                self.admin_view(self.passkeys_view),
                name="two_factor_passkeys",
            ),
            path(
                "two-factor/recovery-codes/",
                self.admin_view(self.recovery_codes_view),
                name="two_factor_recovery_codes",
            ),
            # Before the user admin's own route, which it wraps.
            path(
                f"{user_opts.app_label}/{user_opts.model_name}/<id>/password/",
                self.admin_view(self.set_password_view),
            ),
            *super().get_urls(),
        ]

    def login(self, request, extra_context=None):
        """The admin's login. An account signed in by password that still owes its
        second factor is sent on, keeping where it was going: to set one up (within its
        enrolment window), or to confirm with its passkey."""
        response = super().login(request, extra_context)
        user = request.user
        if request.method == "POST" and response.status_code != 302:
            return response  # the form with its errors
        if is_verified(user) or not requires_second_factor(user):
            return response
        if may_enrol(user):
            step = "admin:two_factor_enrol"
        elif user_has_device(user):
            step = "admin:two_factor_verify"
        else:
            return response
        next_url = request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME))
        query = f"?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else ""
        return redirect(reverse(step, current_app=self.name) + query)

    def set_password_view(self, request, id):
        """django.contrib.auth's own "set password" page for an account. When a
        superuser sets another account's password with it, that account may set up its
        second factor itself for the next 24 hours (its EnrolmentWindow opens)."""
        user_model = get_user_model()
        user_admin = self.get_model_admin(user_model)
        before = user_admin.get_object(request, unquote(id))
        old_password = before.password if before is not None else None
        response = user_admin.user_change_password(request, id)
        if request.method == "POST" and request.user.is_superuser and before is not None:
            after = user_admin.get_object(request, unquote(id))
            if after.password != old_password and after.has_usable_password():
                EnrolmentWindow.open_for(after, by=request.user)
        return response
