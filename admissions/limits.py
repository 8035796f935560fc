"""How many inquiries one client address has sent: the counts behind "held for review"
and the daily flood cap (see admissions/views.py).

Counting is race-free across workers and servers: Redis increments atomically (add,
then incr, which keeps the expiry); with the database cache, a counter row is updated
with F("count") + 1 (admissions.models.SubmissionCount). Each post gets its own number,
so two simultaneous posts can never both be "the fifth".

If counting fails (the cache or database is down) the post counts as the first: a
person in need is never turned away by an infrastructure problem.
"""

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F

from iop_site.addresses import client_address

from .models import SubmissionCount

logger = logging.getLogger(__name__)

DAY_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Counts:
    in_window: int
    today: int

    @property
    def over_window_limit(self):
        """More than ADMISSIONS_RATE_LIMIT in the window: stored, but held for review."""
        return self.in_window > settings.ADMISSIONS_RATE_LIMIT

    @property
    def over_daily_cap(self):
        """More than ADMISSIONS_DAILY_CAP today: only an urgent post is still stored."""
        return self.today > settings.ADMISSIONS_DAILY_CAP


def count_submission(request):
    """Count one more inquiry post from this request's client address. Side effect:
    increments two counters (this window's and today's): in one transaction with the
    database cache, one atomic increment each with Redis."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]
    window = max(settings.ADMISSIONS_RATE_WINDOW_MINUTES, 1) * 60
    now = time.time()
    counters = [
        _Counter(f"admissions:inquiries:{digest}", now, window),
        _Counter(f"admissions:inquiries-day:{digest}", now, DAY_SECONDS),
    ]
    try:
        cache = caches["default"]
        if isinstance(cache, RedisCache):
            in_window, today = (_increment_redis(cache, counter) for counter in counters)
        else:
            in_window, today = _increment_rows(counters)
    except Exception as exc:
        logger.warning("Inquiry count unavailable (%s); not limited", type(exc).__name__)
        return Counts(in_window=1, today=1)
    return Counts(in_window=in_window, today=today)


class _Counter:
    """One counter: its key names its bucket of `seconds`, which ends at expires_at."""

    def __init__(self, prefix, now, seconds):
        bucket = int(now // seconds)
        self.key = f"{prefix}:{bucket}"
        self.seconds = seconds
        self.expires_at = (bucket + 1) * seconds


def _increment_redis(cache, counter):
    cache.add(counter.key, 0, timeout=counter.seconds)
    return cache.incr(counter.key)


def _increment_rows(counters):
    # One transaction for both rows: one wait for SQLite's single writer and one commit,
    # and the two counters move together.
    with transaction.atomic():
        counts = [_increment_row(counter) for counter in counters]
    if 1 in counts:
        _delete_expired_rows()
    return counts


def _delete_expired_rows():
    """A new bucket began: clear the rows whose bucket has ended. On its own, after the
    counts are committed: it never waits while holding a counter row, and a failure
    here costs no count."""
    try:
        with transaction.atomic():
            SubmissionCount.objects.filter(expires_at__lt=datetime.now(tz=UTC)).delete()
    except DatabaseError as exc:
        logger.warning("Expired inquiry counts not cleared (%s)", type(exc).__name__)


def _increment_row(counter):
    counters = SubmissionCount.objects.filter(key=counter.key)
    if counters.update(count=F("count") + 1):
        return counters.values_list("count", flat=True).get()
    try:
        with transaction.atomic():
            SubmissionCount.objects.create(
                key=counter.key,
                count=1,
                expires_at=datetime.fromtimestamp(counter.expires_at, tz=UTC),
            )
    except IntegrityError:
        # Another post made the row first: count on it.
        counters.update(count=F("count") + 1)
        return counters.values_list("count", flat=True).get()
    return 1
