"""The worklist: which open inquiries need a human soonest, each coordinator's own work
("My work"), the week of assessment appointments, and the counts the queue's background
refresh sends.

Everything here is a database expression or a query, so that the database sorts and
counts; nothing loops over rows in Python except to group appointments by day.
"""

from datetime import datetime, time, timedelta

from django.db.models import BooleanField, Case, Count, DateTimeField, Exists, F, OuterRef, Q, When
from django.db.models.functions import Lower
from django.utils import timezone

from admissions.models import Appointment, Inquiry

Status = Inquiry.Status
Priority = Inquiry.Priority

OPEN = Q(status__in=Inquiry.OPEN_STATUSES)

# What needs a human soonest: past its deadline first, then urgent, then the earliest
# deadline or follow-up; open inquiries with nothing due (contacted, no follow-up set)
# and closed ones last. "-priority" puts urgent first (see InquiryPriority).
NEEDS_A_HUMAN_SOONEST = (
    F("past_due").desc(),
    F("priority").desc(),
    F("next_due_at").asc(nulls_last=True),
    F("received_at").asc(),
)

# At most this many references of new urgent inquiries in a background refresh.
PULSE_REFERENCES = 20
# At most this many rows in each list of My work; the counts say how many there are.
MY_WORK_ROWS = 50
APPOINTMENT_DAYS = 7


def with_deadlines(queryset, now=None):
    """`queryset` of inquiries annotated with `next_due_at`, what is due next on an open
    inquiry (its first-contact deadline until the first contact, then its next follow-up;
    None when nothing is, or when it is closed), and `past_due`, whether that time has
    passed at `now`."""
    now = now or timezone.now()
    return queryset.annotate(
        next_due_at=Case(
            When(OPEN & Q(first_contact_at__isnull=True), then=F("first_contact_due_at")),
            When(OPEN, then=F("next_follow_up_at")),
            default=None,
            output_field=DateTimeField(),
        )
    ).annotate(
        # Never NULL: PostgreSQL sorts NULL first in a descending order, SQLite last.
        past_due=Case(
            When(next_due_at__lt=now, then=True), default=False, output_field=BooleanField()
        )
    )


def with_returning(queryset):
    """`queryset` of inquiries annotated with `returning`: whether an earlier inquiry has
    the same phone number or the same email address (compared without case), as
    Inquiry.objects.same_person_as finds them. Two EXISTS subqueries on the phone and
    Lower(email) indexes, never a query per row. Each runs only when the inquiry has that
    detail: CASE evaluates lazily on SQLite and PostgreSQL, and an EXISTS looking for
    other empty emails would walk every inquiry given by phone alone (most of them)."""
    earlier = Inquiry.objects.filter(received_at__lt=OuterRef("received_at"))
    same_phone = earlier.filter(phone=OuterRef("phone"))
    same_email = earlier.alias(email_lower=Lower("email")).filter(
        email_lower=Lower(OuterRef("email"))
    )

    def when_given(field, subquery):
        return Case(
            When(**{field: ""}, then=False), default=Exists(subquery), output_field=BooleanField()
        )

    return queryset.alias(
        same_phone=when_given("phone", same_phone), same_email=when_given("email", same_email)
    ).annotate(
        returning=Case(
            When(Q(same_phone=True) | Q(same_email=True), then=True),
            default=False,
            output_field=BooleanField(),
        )
    )


def worklist(queryset, now=None):
    """`queryset` with its deadlines and the returning-person flag, in the order of what
    needs a human soonest (NEEDS_A_HUMAN_SOONEST)."""
    return with_returning(with_deadlines(queryset, now)).order_by(*NEEDS_A_HUMAN_SOONEST)


def local_midnight(moment, days_later=0):
    """The start of the local day `days_later` days after `moment`'s (DST-safe)."""
    day = timezone.localtime(moment).date() + timedelta(days=days_later)
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def pulse(now=None):
    """What the queue's background refresh sends: counts and the references of the
    newest urgent inquiries nobody has contacted yet. Never a name or anything a visitor
    wrote. Two queries."""
    counts = with_deadlines(Inquiry.objects.open(), now).aggregate(
        open=Count("pk"),
        urgent_new=Count("pk", filter=Q(status=Status.NEW, priority=Priority.URGENT)),
        overdue=Count("pk", filter=Q(past_due=True)),
    )
    newest_urgent = (
        Inquiry.objects.filter(status=Status.NEW, priority=Priority.URGENT)
        .order_by("-received_at", "-pk")
        .values_list("reference", flat=True)[:PULSE_REFERENCES]
    )
    return {**counts, "newest_urgent": list(newest_urgent)}


def upcoming_appointments(now=None, days=APPOINTMENT_DAYS):
    """Booked assessment appointments from the start of today through the next
    `days - 1` days, earliest first, with their inquiry and staff member."""
    now = now or timezone.now()
    return (
        Appointment.objects.filter(
            status=Appointment.Status.BOOKED,
            starts_at__gte=local_midnight(now),
            starts_at__lt=local_midnight(now, days),
        )
        .select_related("inquiry", "with_staff")
        .order_by("starts_at", "pk")
    )


def appointments_by_day(appointments, now=None, days=APPOINTMENT_DAYS):
    """[(date, [appointments of that day])] for each of `days` local days from today,
    empty days included."""
    today = timezone.localtime(now or timezone.now()).date()
    grouped = {today + timedelta(days=offset): [] for offset in range(days)}
    for appointment in appointments:
        day = timezone.localtime(appointment.starts_at).date()
        grouped.setdefault(day, []).append(appointment)
    return list(grouped.items())


class MyWork:
    """One coordinator's work at `now`: their calls due later today (first contacts and
    follow-ups), their overdue ones, the new inquiries nobody has taken, and their
    appointments (held by them, or on inquiries assigned to them) this week (today and the
    next six days). `counts()` for the admin home; the lists for the My work page."""

    def __init__(self, user, now=None):
        self.user = user
        self.now = now or timezone.now()

    def conditions(self):
        mine = Q(assigned_to=self.user)
        return {
            "due_today": mine
            & Q(next_due_at__gte=self.now, next_due_at__lt=local_midnight(self.now, 1)),
            "overdue": mine & Q(past_due=True),
            "unassigned_new": Q(status=Status.NEW, assigned_to__isnull=True),
        }

    def appointments(self):
        return upcoming_appointments(self.now).filter(
            Q(with_staff=self.user) | Q(inquiry__assigned_to=self.user)
        )

    def counts(self):
        """{"due_today": n, "overdue": n, "unassigned_new": n, "appointments": n}: two
        queries."""
        counts = with_deadlines(Inquiry.objects.open(), self.now).aggregate(
            **{name: Count("pk", filter=condition) for name, condition in self.conditions().items()}
        )
        return {**counts, "appointments": self.appointments().count()}

    def inquiries(self, name):
        """The first MY_WORK_ROWS inquiries of one list: calls due today by time, the
        others by what needs a human soonest."""
        inquiries = worklist(Inquiry.objects.open(), self.now).filter(self.conditions()[name])
        if name == "due_today":
            inquiries = inquiries.order_by("next_due_at", "pk")
        return inquiries.select_related("assigned_to")[:MY_WORK_ROWS]
