"""Two-factor sign-in for the staff admin, where settings ask for it.

With STAFF_REQUIRE_2FA on, every account that can see inquiry data (see
`access.can_view_inquiry_data`) must give a second factor after its password to use the
admin: a code from its authenticator app (a TOTP device, the path that needs no
JavaScript), a passkey, or one of its recovery codes. Other staff may add a device too;
once they have one, it is asked for as well. The rule is checked on every admin
request, not only at sign-in (`iop_site.admin.StaffAdminSite.has_permission`).

`access` holds who must give a second factor, `forms` the sign-in and code forms, and
`views` the pages that set one up and ask for it, which the admin site mixes in.
"""
