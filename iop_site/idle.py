"""Staff sessions end after a spell without activity: STAFF_SESSION_IDLE_MINUTES for
everyone, or ADMISSIONS_DESK_IDLE_MINUTES (at most 12 hours) for the Admissions group,
whose 24/7 desk keeps the queue open through a shift.

The time of the last real request is kept in the session. A view marked with
`@background_refresh` (the queue's own refresh of its counts) is not activity: it
neither extends the session nor keeps it alive.
"""

import functools
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

from admissions.apps import ADMISSIONS_GROUP

LAST_ACTIVITY_KEY = "staff_last_activity"


def background_refresh(view):
    """Mark `view` as a background refresh: requests to it are not staff activity."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    wrapped.background_refresh = True
    return wrapped


def idle_limit_seconds(user):
    """How long `user` may be idle before signing in again."""
    if user.groups.filter(name=ADMISSIONS_GROUP).exists():
        return settings.ADMISSIONS_DESK_IDLE_MINUTES * 60
    return settings.STAFF_SESSION_IDLE_MINUTES * 60


class StaffIdleTimeoutMiddleware:
    """After AuthenticationMiddleware: sign out a staff session idle past its limit
    (to the login page, with the page asked for as `next`), else note this request as
    its latest activity unless the view is a background refresh."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        now = time.time()
        last = request.session.get(LAST_ACTIVITY_KEY)
        if isinstance(last, int | float) and now - last > idle_limit_seconds(user):
            logout(request)
            return redirect_to_login(request.get_full_path())
        if not getattr(view_func, "background_refresh", False):
            request.session[LAST_ACTIVITY_KEY] = now
        return None
