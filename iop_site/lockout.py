"""The staff sign-in lockout rule. django-axes reads it as AXES_FAILURE_LIMIT.

Axes counts failures per user name and address (AXES_LOCKOUT_PARAMETERS), so wrong
passwords typed in one place never lock a colleague, or the account's owner, out
anywhere else. That alone lets many addresses guess at one user name a few times each,
so a user name with STAFF_LOGIN_USERNAME_FAILURE_LIMIT failures within the cool-off,
from all addresses together, is slowed down: an address that failed for it may try it
again only STAFF_LOGIN_RETRY_MINUTES after its last failure. An address that has not
failed for it is never held back, so the owner, with the right password and code,
still signs in while the guessing goes on.
"""

from datetime import timedelta

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from .addresses import client_address


def failure_limit(request, credentials=None):
    """How many failures for this user name from this address lock the address out.

    STAFF_LOGIN_FAILURE_LIMIT, except while the user name is being guessed at from many
    places and this address failed for it less than STAFF_LOGIN_RETRY_MINUTES ago:
    then one, which its failures already reach, so axes refuses the attempt (and, as
    for any refused attempt, counts it, which restarts the wait).
    """
    username = get_client_username(request, credentials)
    if username and failed_recently(username, client_address(request)):
        since = timezone.now() - get_cool_off(request)
        if failures_everywhere(username, since) >= settings.STAFF_LOGIN_USERNAME_FAILURE_LIMIT:
            return 1
    return settings.STAFF_LOGIN_FAILURE_LIMIT


def failed_recently(username, address):
    """Whether `address` failed to sign in as `username` within the retry wait. Checked
    first: most sign-ins come from an address with no failure, and stop here."""
    since = timezone.now() - timedelta(minutes=settings.STAFF_LOGIN_RETRY_MINUTES)
    return AccessAttempt.objects.filter(
        username=username, ip_address=address, attempt_time__gte=since
    ).exists()


def failures_everywhere(username, since):
    """Failed sign-ins as `username` since `since`, from every address together."""
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
