"""The only writer of an inquiry's activity history.

Every change that belongs in an inquiry's story goes through one of these methods of
`Inquiry` (mixed in from here): each runs in one transaction, says in its docstring what
it writes, and records its event through `_record`. Nothing else creates InquiryEvent
rows (tests/admissions/test_history.py checks the whole code base for that). Event rows
hold ids, statuses, priorities, actors and times: never what a visitor typed.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .activity import ContactAttempt, InquiryEvent, Note
from .appointment import Appointment
from .choices import InquiryPriority, InquiryStatus


class WorkflowError(Exception):
    """A status move the workflow does not allow."""


class InquiryHistory:
    """The history-writing methods of Inquiry."""

    def _record(self, kind, by=None, at=None, **fields):
        return InquiryEvent.objects.create(
            inquiry_id=self.pk, kind=kind, actor=by, created_at=at or timezone.now(), **fields
        )

    def _locked(self):
        return type(self).objects.select_for_update().get(pk=self.pk)

    def receive(self, by=None):
        """Store this new inquiry and start its story. Side effects: saves the row (its
        reference, priority and first-contact deadline are derived on the way), writes a
        Received event by `by` (None for the website) and, when it is already assigned,
        an Assigned event."""
        with transaction.atomic():
            self.save()
            self._record(
                InquiryEvent.Kind.CREATED, by=by, at=self.received_at, to_status=self.status
            )
            if self.assigned_to_id:
                self._record(InquiryEvent.Kind.ASSIGNED, by=by, assignee_id=self.assigned_to_id)
        return self

    receive.alters_data = True

    def move_to(self, status, by=None, note=""):
        """Move the inquiry to `status` if the workflow allows it.

        Side effects: locks and saves this row (status and milestone times), writes a
        status event and, when given, a note by `by`. Moving to the current status does
        nothing and returns False; a move the workflow refuses raises WorkflowError.
        """
        status = InquiryStatus(status)
        with transaction.atomic():
            current = self._locked()
            if current.status == status:
                self.status = current.status
                return False
            if status not in current.allowed_moves():
                raise WorkflowError(
                    _("An inquiry cannot move from “%(from)s” to “%(to)s”.")
                    % {"from": current.get_status_display(), "to": status.label}
                )
            if (
                status == InquiryStatus.ASSESSMENT_SCHEDULED
                and not current.appointments.filter(status=Appointment.Status.BOOKED).exists()
            ):
                raise WorkflowError(
                    _("Book the assessment appointment: that moves it to “%(to)s”.")
                    % {"to": status.label}
                )
            now = timezone.now()
            previous = current.status
            changed = ["status", "updated_at"]
            current.status = status
            if status == InquiryStatus.CONTACTED and current.first_contact_at is None:
                current.first_contact_at = now
                changed.append("first_contact_at")
            if (
                status == InquiryStatus.ASSESSMENT_SCHEDULED
                and current.assessment_scheduled_at is None
            ):
                current.assessment_scheduled_at = now
                changed.append("assessment_scheduled_at")
            closed_at = None if status in current.OPEN_STATUSES else now
            if closed_at != current.closed_at:
                current.closed_at = closed_at
                changed.append("closed_at")
            current.save(update_fields=changed)
            current._record(
                InquiryEvent.Kind.STATUS_CHANGED,
                by=by,
                at=now,
                from_status=previous,
                to_status=status,
            )
            if note:
                current.add_note(note, by=by, at=now)
        for field in changed:
            setattr(self, field, getattr(current, field))
        return True

    move_to.alters_data = True

    def set_priority(self, priority, by=None):
        """Change the priority, with a trace: an urgent inquiry is never downgraded
        silently. Side effects: locks and saves the priority and, while no first contact
        was made, the first-contact deadline (which follows the priority); writes a
        Priority changed event (from, to, by). Returns False when nothing changed."""
        priority = InquiryPriority(priority)
        with transaction.atomic():
            current = self._locked()
            if current.priority == priority:
                return False
            previous = current.priority
            current.priority = priority
            changed = ["priority", "updated_at"]
            if current.first_contact_at is None:
                current.first_contact_due_at = current.first_contact_deadline()
                changed.append("first_contact_due_at")
            current.save(update_fields=changed)
            current._record(
                InquiryEvent.Kind.PRIORITY_CHANGED,
                by=by,
                from_priority=previous,
                to_priority=priority,
            )
        for field in changed:
            setattr(self, field, getattr(current, field))
        return True

    set_priority.alters_data = True

    def assign_to(self, user, by=None):
        """Assign the inquiry (None unassigns). Side effects: saves assigned_to and writes
        an assignment event. Returns False when nothing changed."""
        with transaction.atomic():
            current = self._locked()
            if current.assigned_to_id == (user.pk if user else None):
                return False
            current.assigned_to = user
            current.save(update_fields=["assigned_to", "updated_at"])
            current._record(InquiryEvent.Kind.ASSIGNED, by=by, assignee=user)
        self.assigned_to = user
        return True

    assign_to.alters_data = True

    def add_note(self, text, by=None, at=None):
        """Add a staff note. Side effects: saves the note (append-only) and writes a Note
        added event. Returns the note."""
        at = at or timezone.now()
        with transaction.atomic():
            note = Note.objects.create(inquiry_id=self.pk, author=by, text=text, created_at=at)
            self._record(InquiryEvent.Kind.NOTE_ADDED, by=by, at=at)
        return note

    add_note.alters_data = True

    def log_contact(self, channel, outcome, by=None, at=None, note="", next_follow_up_at=None):
        """Record a call, text or email to the person, in one step.

        Side effects: saves the attempt and a Contact logged event; when it reached the
        person, records the first contact and moves a new inquiry to Contacted; with
        `note`, adds a note; with `next_follow_up_at`, saves the next follow-up time.
        Returns the attempt.
        """
        at = at or timezone.now()
        with transaction.atomic():
            attempt = ContactAttempt.objects.create(
                inquiry_id=self.pk, channel=channel, outcome=outcome, by=by, at=at
            )
            self._record(InquiryEvent.Kind.CONTACT_LOGGED, by=by, at=at)
            if outcome == ContactAttempt.Outcome.REACHED:
                type(self).objects.filter(pk=self.pk, first_contact_at__isnull=True).update(
                    first_contact_at=at
                )
                self.refresh_from_db(fields=["first_contact_at", "status"])
                if self.status == InquiryStatus.NEW:
                    self.move_to(InquiryStatus.CONTACTED, by=by)
            if note:
                self.add_note(note, by=by, at=at)
            if next_follow_up_at is not None:
                self.next_follow_up_at = next_follow_up_at
                self.save(update_fields=["next_follow_up_at", "updated_at"])
        return attempt

    log_contact.alters_data = True

    def correct_contact_details(self, phone, email, by=None):
        """Correct a phone number or email found wrong on a call. Side effects: saves
        them and writes a Contact details corrected event (never the values). Returns
        False when nothing changed."""
        with transaction.atomic():
            current = self._locked()
            if (str(current.phone or ""), current.email) == (str(phone or ""), email):
                return False
            current.phone, current.email = phone, email
            current.save(update_fields=["phone", "email", "updated_at"])
            current._record(InquiryEvent.Kind.DETAILS_CORRECTED, by=by)
        self.phone, self.email = phone, email
        return True

    correct_contact_details.alters_data = True

    def book_appointment(self, starts_at, mode, with_staff=None, by=None):
        """Book an assessment. Side effects: saves the appointment, writes an Assessment
        booked event and moves the inquiry to Assessment scheduled (through Contacted
        when it is still new: booking means they have talked). Raises WorkflowError
        for a closed inquiry (reopen it first). Returns the appointment."""
        with transaction.atomic():
            current = self._locked()
            if not current.is_open:
                raise WorkflowError(
                    _("This inquiry is closed (“%(status)s”): move it back to Contacted first.")
                    % {"status": current.get_status_display()}
                )
            appointment = Appointment.objects.create(
                inquiry_id=self.pk,
                starts_at=starts_at,
                mode=mode,
                with_staff=with_staff,
                booked_by=by,
            )
            self._record(InquiryEvent.Kind.APPOINTMENT_BOOKED, by=by, appointment=appointment)
            if current.status == InquiryStatus.NEW:
                self.move_to(InquiryStatus.CONTACTED, by=by)
            self.move_to(InquiryStatus.ASSESSMENT_SCHEDULED, by=by)
        return appointment

    book_appointment.alters_data = True

    def update_appointment(self, appointment, status, by=None):
        """Record what became of an appointment: attended, no-show or cancelled. Side
        effects: saves its status and writes an Assessment updated event. Returns False
        when nothing changed."""
        status = Appointment.Status(status)
        with transaction.atomic():
            current = Appointment.objects.select_for_update().get(pk=appointment.pk, inquiry=self)
            if current.status == status:
                return False
            current.status = status
            current.save(update_fields=["status"])
            self._record(InquiryEvent.Kind.APPOINTMENT_UPDATED, by=by, appointment=current)
        appointment.status = status
        return True

    update_appointment.alters_data = True

    def merge_into(self, earlier, by=None):
        """Merge this inquiry, a duplicate from the same person, into `earlier`. Side
        effects: this one moves to Merged (closed, left out of the report's funnel) and
        points at `earlier`; both get an event naming the other. Raises WorkflowError
        when merging into itself or into or from a merged inquiry."""
        with transaction.atomic():
            current = self._locked()
            target = type(self).objects.select_for_update().get(pk=earlier.pk)
            if target.pk == current.pk:
                raise WorkflowError(_("An inquiry cannot be merged into itself."))
            if InquiryStatus.MERGED in (current.status, target.status):
                raise WorkflowError(_("A merged inquiry cannot be merged again."))
            now = timezone.now()
            previous = current.status
            current.status = InquiryStatus.MERGED
            current.merged_into = target
            current.closed_at = current.closed_at or now
            current.save(update_fields=["status", "merged_into", "closed_at", "updated_at"])
            current._record(
                InquiryEvent.Kind.MERGED_INTO,
                by=by,
                at=now,
                from_status=previous,
                to_status=InquiryStatus.MERGED,
                related_inquiry=target,
            )
            target._record(InquiryEvent.Kind.MERGED_FROM, by=by, at=now, related_inquiry=current)
        self.status, self.merged_into, self.closed_at = (
            current.status,
            current.merged_into,
            current.closed_at,
        )
        return True

    merge_into.alters_data = True

    def release_hold(self, by=None):
        """Clear the held-for-review flag: staff checked it is a real inquiry. Side
        effects: saves the flag and writes a Released from hold event. Returns False
        when it was not held."""
        with transaction.atomic():
            released = (
                type(self)
                .objects.filter(pk=self.pk, held_for_review=True)
                .update(held_for_review=False, updated_at=timezone.now())
            )
            if released:
                self._record(InquiryEvent.Kind.HOLD_RELEASED, by=by)
        self.held_for_review = False
        return bool(released)

    release_hold.alters_data = True


class InquiryHistoryQuerySet:
    """The history-writing methods of Inquiry.objects."""

    def record_export(self, by):
        """Side effects: one Exported event on each inquiry of this queryset (a CSV
        export by `by`), in one insert."""
        now = timezone.now()
        InquiryEvent.objects.bulk_create(
            InquiryEvent(inquiry_id=pk, kind=InquiryEvent.Kind.EXPORTED, actor=by, created_at=now)
            for pk in self.values_list("pk", flat=True)
        )

    record_export.alters_data = True

    def receive_in_bulk(self, inquiries):
        """Store many new inquiries and their Received events in two inserts (benchmark
        data, imports). Each must carry its reference; its deadline is derived."""
        for inquiry in inquiries:
            inquiry.first_contact_due_at = inquiry.first_contact_due_at or (
                inquiry.first_contact_deadline()
            )
        with transaction.atomic():
            created = self.bulk_create(inquiries)
            InquiryEvent.objects.bulk_create(
                InquiryEvent(
                    inquiry_id=inquiry.pk,
                    kind=InquiryEvent.Kind.CREATED,
                    to_status=inquiry.status,
                    created_at=inquiry.received_at,
                )
                for inquiry in created
            )
        return created

    receive_in_bulk.alters_data = True
