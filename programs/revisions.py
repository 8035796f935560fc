"""Drafts of live content: how a revision is made from an item, applied to it, and
published (now, or at a set time with no cron job).

A revision holds the whole item in Django's own serialization format
(django.core.serializers): the item's concrete fields and many-to-many links, and the
rows that belong to it (every model with a ForeignKey to it that cascades on delete,
such as a page's sections). Nothing here names a field, so fields added to a page or an
article later (SEO fields, a lead image, translations kept in their own rows) are in
every revision made after they exist, with no change here.

Why this storage and not a library:
- django-simple-history (installed) records each save of the live row; a draft is by
  definition not saved there, so it cannot hold one.
- django-reversion stores the same serialized data, but its Version rows follow saves
  too, and a draft of inline rows that do not exist yet needs the same "save, capture,
  roll back" step below anyway; one small model with a status and a publish time is
  what the rest (scheduling, approval, compare) needs.

Capturing a draft: the admin runs its normal save (form, inlines, many-to-many, the
Markdown rendered on save) inside a savepoint, `serialize` reads the saved item, and the
savepoint is rolled back, so the live row, its history and the page cache never see it.
A preview or the edit form applies a revision the same way (`applied`) and renders the
real templates against it, so what staff see is exactly what visitors will see.
"""

import datetime
import json
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import cache as page_cache
from .models import Revision
from .models.base import next_go_live, translated_columns

PUBLISH_PERMISSION = "programs.publish_protected"


class RevisionProblem(Exception):
    """A revision cannot be applied as it is (e.g. its address is now another page's).
    The message is for the editor."""


# --- What a revision holds -------------------------------------------------------------


def child_relations(model):
    """The rows that belong to an item of `model`: every one-to-many relation whose
    ForeignKey cascades (a page's sections). History tables do not cascade."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and relation.on_delete is models.CASCADE
        and not relation.related_model._meta.auto_created
    ]


def relation_key(relation):
    return f"{relation.related_model._meta.label_lower}.{relation.field.name}"


class FullPrecisionEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeps milliseconds only: a published revision must give back
    a time (e.g. an article's first publication) exactly."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _as_data(objects):
    # The JSON form, as stored: what is compared in memory is what the database holds.
    return json.loads(serializers.serialize("json", objects, cls=FullPrecisionEncoder))


def serialize(item):
    """The whole item as it is in the database now, as revision data."""
    children = {}
    for relation in child_relations(type(item)):
        rows = relation.related_model._default_manager.filter(**{relation.field.name: item.pk})
        children[relation_key(relation)] = _as_data(rows.order_by("pk"))
    return {"item": _as_data([item])[0], "children": children}


def deserialize_item(model, data):
    """An unsaved instance of `model` holding the revision's own fields (for display
    and for the approval rule), and its many-to-many data {field name: [pks]}."""
    (found,) = serializers.deserialize("python", [data["item"]], ignorenonexistent=True)
    return found.object, found.m2m_data


def needs_publisher(live, data):
    """Whether publishing `data` over `live` needs a member of the Publisher group:
    the model decides (Page: a legal page; ClinicSettings: a patient-facing detail)."""
    rule = getattr(live, "changes_need_publisher", None)
    if rule is None:
        return False
    draft, _m2m = deserialize_item(type(live), data)
    return rule(draft)


def can_publish(user, live, data):
    model = type(live)
    if not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
        return False
    return not needs_publisher(live, data) or user.has_perm(PUBLISH_PERMISSION)


def revisions_of(item):
    return Revision.objects.for_item(item)


def pending_revision(item):
    """The item's unpublished draft (scheduled or not), or None."""
    return revisions_of(item).pending().select_related("created_by").first()


# --- Applying a revision to the database -----------------------------------------------


def _check_references(instance):
    """Point a ForeignKey whose row has gone since the revision was saved (e.g. an image
    deleted) to nothing, or refuse if it must point somewhere."""
    for field in instance._meta.concrete_fields:
        if not field.many_to_one:
            continue
        value = getattr(instance, field.attname)
        if value is None or field.related_model._default_manager.filter(pk=value).exists():
            continue
        if field.null:
            setattr(instance, field.attname, None)
        else:
            raise RevisionProblem(
                _("%(field)s of this version no longer exists.")
                % {"field": str(field.verbose_name).capitalize()}
            )


def _validate(instance, exclude=()):
    # A translated field is checked in each language's column; its original column only
    # mirrors one of them (programs/translation.py), and would say each error twice.
    exclude = [*exclude, *translated_columns(type(instance))]
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise RevisionProblem(" ".join(error.messages)) from error


def apply(live, data, raw=False):
    """Make the database hold the revision `data` for the item `live`: its fields, its
    many-to-many links and its rows (rows not in the revision are deleted).

    raw=False (publishing) saves as any edit does: history, derived fields, the page
    cache's signals. raw=True (a preview or the edit form, always rolled back) writes
    the stored values as they are, with no history."""
    try:
        with transaction.atomic():
            return _apply(live, data, raw)
    except IntegrityError as error:
        raise RevisionProblem(
            _("It conflicts with another record (an address or layout already in use).")
        ) from error


def _apply(live, data, raw):
    model = type(live)
    item, m2m = deserialize_item(model, data)
    stored = data["item"]["fields"]
    for field in model._meta.concrete_fields:
        # A field added since the revision was saved keeps its live value.
        if not field.primary_key and field.name not in stored:
            setattr(item, field.attname, getattr(live, field.attname))
    item.pk = live.pk
    item._state.adding = False
    _check_references(item)
    if raw:
        models.Model.save_base(item, raw=True)
    else:
        _validate(item)
        item.save()
    for name, pks in m2m.items():
        related = model._meta.get_field(name).related_model
        getattr(item, name).set(related._default_manager.filter(pk__in=pks))
    for relation in child_relations(model):
        _apply_children(item, relation, data["children"].get(relation_key(relation), []), raw)
    return item


def _apply_children(item, relation, rows, raw):
    child_model, parent_field = relation.related_model, relation.field
    own = child_model._default_manager.filter(**{parent_field.name: item.pk})
    wanted = [
        found.object for found in serializers.deserialize("python", rows, ignorenonexistent=True)
    ]
    own_pks = set(own.values_list("pk", flat=True))
    # A row added in the draft got its id inside a rolled-back savepoint; if another row
    # has taken that id since (SQLite reuses ids), this one gets a new id.
    taken = set(
        child_model._default_manager.filter(pk__in=[row.pk for row in wanted])
        .exclude(pk__in=own_pks)
        .values_list("pk", flat=True)
    )
    own.exclude(pk__in=[row.pk for row in wanted if row.pk not in taken]).delete()
    for row in wanted:
        setattr(row, parent_field.attname, item.pk)
        row._state.adding = row.pk not in own_pks
        if row.pk in taken:
            row.pk = None
        _check_references(row)
        if raw and row.pk is not None:
            models.Model.save_base(row, raw=True)
        else:
            if not raw:
                _validate(row, exclude=[parent_field.name])
            row.save()


@contextmanager
def rehearsal():
    """A savepoint that is always rolled back, for changes staff see and visitors never
    do (a draft opened in the edit form, previewed or captured): the page cache is not
    told of them, so it stays current."""
    with page_cache.unchanged_for_visitors(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)


@contextmanager
def applied(live, data):
    """Within the block, the database holds the revision for the item; afterwards it
    holds what it held before (the savepoint is rolled back)."""
    with rehearsal():
        yield apply(live, data, raw=True)


# --- Making and publishing revisions -----------------------------------------------------


def _content_type(item):
    return ContentType.objects.get_for_model(type(item))


def _record(item, data, status, by=None, **fields):
    return Revision.objects.create(
        content_type=_content_type(item),
        object_id=item.pk,
        title=str(deserialize_item(type(item), data)[0])[:200],
        data=data,
        status=status,
        created_by=by,
        **fields,
    )


def record_published(item, by):
    """A revision for a change saved straight to the item (one that was not live)."""
    now = timezone.now()
    return _record(
        item, serialize(item), Revision.Status.PUBLISHED, by, published_at=now, published_by=by
    )


def _ensure_baseline(live):
    """The live version as a published revision, if the item has none yet, so the first
    draft can be compared with what visitors see."""
    if not revisions_of(live).exists():
        when = getattr(live, "updated_at", None) or timezone.now()
        _record(live, serialize(live), Revision.Status.PUBLISHED, published_at=when)


def save_draft(live, data, by):
    """Keep `data` as the item's unpublished draft, replacing any earlier one."""
    with transaction.atomic():
        _ensure_baseline(live)
        revisions_of(live).pending().update(status=Revision.Status.REPLACED)
        return _record(
            live, data, Revision.Status.DRAFT, by, needs_publisher=needs_publisher(live, data)
        )


def publish(revision, by, now=None):
    """Make `revision` live now: the item is changed as by an ordinary save (history,
    page cache). Raises PermissionDenied if `by` may not publish it, RevisionProblem if it
    no longer fits. Returns False (and does nothing) if it was published or replaced
    meanwhile."""
    now = now or timezone.now()
    with transaction.atomic():
        if not _lock_pending(revision):
            return False
        live = _lock_item(revision)
        if by is not None and not can_publish(by, live, revision.data):
            raise PermissionDenied
        _publish_locked(revision, live, by, now)
    return True


def _lock_pending(revision):
    """Lock the revision's row; True if it is still waiting to be published."""
    locked = Revision.objects.select_for_update().filter(pk=revision.pk).pending().first()
    if locked is None:
        return False
    revision.status, revision.data = locked.status, locked.data
    return True


def _lock_item(revision):
    model = revision.content_type.model_class()
    return model._default_manager.select_for_update().get(pk=revision.object_id)


def _publish_locked(revision, live, by, when):
    apply(live, revision.data)
    revision.status = Revision.Status.PUBLISHED
    revision.published_at = when
    revision.published_by = by
    revision.problem = ""
    revision.save(update_fields=["status", "published_at", "published_by", "problem"])


def schedule(revision, when, by):
    """Publish `revision` at `when` (by the first request after it). A new content
    version makes cached pages, and the cached next change time, be worked out again."""
    live = revision.content_type.model_class()._default_manager.get(pk=revision.object_id)
    if not can_publish(by, live, revision.data):
        raise PermissionDenied
    revision.status = Revision.Status.SCHEDULED
    revision.publish_at = when
    revision.scheduled_by = by
    revision.problem = ""
    revision.save(update_fields=["status", "publish_at", "scheduled_by", "problem"])
    page_cache.bump_content_version()


def publish_due(now=None):
    """Publish every scheduled revision whose time has come, each once (the revision's
    row is locked, and one that another request published meanwhile is skipped), and
    return when content changes next (a scheduled record or revision), or None.

    One query when nothing is due: the same one that tells the page cache how long a
    page may be kept."""
    now = now or timezone.now()
    next_change = next_go_live(now)
    if next_change is None or next_change > now:
        return next_change
    due = Revision.objects.filter(status=Revision.Status.SCHEDULED, publish_at__lte=now)
    for revision in due.select_related("content_type", "scheduled_by").order_by("publish_at"):
        _publish_scheduled(revision, now)
    return next_go_live(now)


def publish_if_due(now=None, version=None):
    """publish_due, asked only when something may be due: each process remembers the
    next change time under the content version it was worked out for, so a request
    before that time costs one cache read (none with `version`, the content version a
    page lookup read already) and no query. Returns (when content changes next or None,
    the content version read)."""
    now = now or timezone.now()
    version = version or page_cache.current_version()
    known, at = page_cache.next_changes.known(version, now)
    if known and (at is None or at > now):
        return at, version
    next_change = publish_due(now)
    # Under the version read before: if publishing (or anyone) changed content
    # meanwhile, that version is out of date already and the next request asks again.
    page_cache.next_changes.remember(version, next_change, now)
    return next_change, version


def _publish_scheduled(revision, now):
    try:
        with transaction.atomic():
            locked = (
                Revision.objects.select_for_update()
                .filter(pk=revision.pk, status=Revision.Status.SCHEDULED, publish_at__lte=now)
                .first()
            )
            if locked is None:
                return
            revision.data = locked.data
            live = _lock_item(revision)
            scheduler = revision.scheduled_by
            if scheduler is None or not can_publish(scheduler, live, revision.data):
                raise RevisionProblem(_("The person who scheduled it may no longer publish it."))
            _publish_locked(revision, live, scheduler, revision.publish_at)
    except (RevisionProblem, revision.content_type.model_class().DoesNotExist) as problem:
        # Back to a draft with the reason, so no request tries it again.
        Revision.objects.filter(pk=revision.pk, status=Revision.Status.SCHEDULED).update(
            status=Revision.Status.DRAFT, publish_at=None, problem=str(problem)[:500]
        )


def revert_to(revision, by):
    """A new draft with the content of an earlier `revision`."""
    model = revision.content_type.model_class()
    live = model._default_manager.get(pk=revision.object_id)
    return save_draft(live, revision.data, by)


def discard(live):
    """Drop the item's unpublished draft."""
    return revisions_of(live).pending().update(status=Revision.Status.REPLACED)
