"""Two revisions of an item side by side: for every field an editor can change (and the
item's rows, such as a page's sections), the old and the new value, with the words that
changed marked <del> (left) and <ins> (right). Words are compared with difflib.

Every value is shown as an editor reads it (a choice's label, a related record's name,
Yes/No), escaped; nothing from a revision reaches the page unescaped.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import models
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .revisions import child_relations, relation_key

# Apostrophes (straight and curly) and hyphens stay inside a word.
WORD = re.compile(r"\s+|[\w'\u2019-]+|[^\w\s]", re.UNICODE)


def split_words(text):
    """Words, runs of white space and single punctuation marks: joined they give back
    the text."""
    return WORD.findall(text)


def mark_changes(old, new):
    """(old, new) as safe HTML, the removed words in <del> and the added ones in <ins>."""
    before, after = split_words(old), split_words(new)
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    runs = [
        [operation != "equal", "".join(before[a_start:a_end]), "".join(after[b_start:b_end])]
        for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes()
    ]
    # One mark for a run of changed words: the spaces between them join the change.
    merged = []
    for index, (changed, removed, added) in enumerate(runs):
        between_changes = 0 < index < len(runs) - 1 and runs[index - 1][0] and runs[index + 1][0]
        if not changed and removed.isspace() and between_changes:
            changed = True
        if changed and merged and merged[-1][0]:
            merged[-1][1] += removed
            merged[-1][2] += added
        else:
            merged.append([changed, removed, added])
    left, right = [], []
    for changed, removed, added in merged:
        if not changed:
            left.append(conditional_escape(removed))
            right.append(conditional_escape(added))
            continue
        if removed:
            left.append(format_html("<del>{}</del>", removed))
        if added:
            right.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 (escaped above)


@dataclass
class Row:
    label: str
    old: str
    new: str
    changed: bool


@dataclass
class Group:
    """One record of the comparison: the item, or one of its rows (a section)."""

    title: str
    rows: list = field(default_factory=list)

    @property
    def changed(self):
        return any(row.changed for row in self.rows)


def shown_fields(model):
    """The fields an editor sets: editable, not the id or a time kept by Django, and of
    a translated field its languages ("Title [en]", "Title [es]"), not the original
    column, which only mirrors one of them (programs/translation.py)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    return [
        model_field
        for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if model_field.editable
        and model_field.name not in translated
        and not model_field.primary_key
        and not getattr(model_field, "auto_now", False)
        and not getattr(model_field, "auto_now_add", False)
    ]


class Labels:
    """Names of the related records the revisions point to, fetched once per related
    model (one query each, however many revisions or rows)."""

    def __init__(self, model_fields, records):
        wanted = {}
        for model_field in model_fields:
            if not model_field.is_relation:
                continue
            ids = wanted.setdefault(model_field.related_model, set())
            for record in records:
                value = record.get(model_field.name)
                if isinstance(value, list):
                    ids.update(value)
                elif value is not None:
                    ids.add(value)
        self.names = {}
        for related, ids in wanted.items():
            found = related._default_manager.filter(pk__in=ids) if ids else []
            self.names[related] = {item.pk: str(item) for item in found}

    def name(self, related, pk):
        return self.names.get(related, {}).get(pk, _("(deleted, id %(id)s)") % {"id": pk})


def display(model_field, value, labels):
    """A stored value as an editor reads it."""
    if value is None or value == "":
        return ""
    if model_field.many_to_many:
        return ", ".join(sorted(labels.name(model_field.related_model, pk) for pk in value))
    if model_field.is_relation:
        return labels.name(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    try:
        return str(localize(model_field.to_python(value)))
    except Exception:  # A value stored before the field changed type.
        return str(value)


def _rows(model_fields, old, new, labels):
    rows = []
    for model_field in model_fields:
        before = display(model_field, old.get(model_field.name) if old else None, labels)
        after = display(model_field, new.get(model_field.name) if new else None, labels)
        marked_old, marked_new = mark_changes(before, after)
        label = str(model_field.verbose_name).capitalize()
        rows.append(Row(label, marked_old, marked_new, before != after))
    return rows


def compare(model, old_data, new_data):
    """[Group, ...]: the item first, then each of its rows present in either revision."""
    item_fields = shown_fields(model)
    old_item, new_item = old_data["item"]["fields"], new_data["item"]["fields"]
    groups = [Group(str(model._meta.verbose_name).capitalize())]
    relations = child_relations(model)
    all_records = [old_item, new_item]
    child_rows = {}
    for relation in relations:
        key = relation_key(relation)
        old_rows = {row["pk"]: row["fields"] for row in old_data["children"].get(key, [])}
        new_rows = {row["pk"]: row["fields"] for row in new_data["children"].get(key, [])}
        child_rows[relation] = (old_rows, new_rows)
        all_records += [*old_rows.values(), *new_rows.values()]
    child_fields = {
        relation: [f for f in shown_fields(relation.related_model) if f != relation.field]
        for relation in relations
    }
    labels = Labels(
        [*item_fields, *(f for fields in child_fields.values() for f in fields)], all_records
    )
    groups[0].rows = _rows(item_fields, old_item, new_item, labels)
    for relation in relations:
        old_rows, new_rows = child_rows[relation]
        name = str(relation.related_model._meta.verbose_name).capitalize()
        for pk in sorted(old_rows.keys() | new_rows.keys(), key=lambda pk: (pk is None, pk)):
            old, new = old_rows.get(pk), new_rows.get(pk)
            title = str((new or old).get("heading") or (new or old).get("title") or name)
            if old is None:
                title = _("%(name)s added: %(title)s") % {"name": name, "title": title}
            elif new is None:
                title = _("%(name)s removed: %(title)s") % {"name": name, "title": title}
            else:
                title = _("%(name)s: %(title)s") % {"name": name, "title": title}
            groups.append(Group(title, _rows(child_fields[relation], old, new, labels)))
    return groups


def same(before, after):
    """Whether a field's value is unchanged. An empty text is empty whether it was never
    filled (a Spanish column starts as NULL) or cleared in the form ("")."""
    return (before if before is not None else "") == (after if after is not None else "")


def changed_labels(model, old_data, new_data):
    """The names of what changed between two revisions, for a history list. No query."""
    if old_data is None:
        return []
    names = []
    old_item, new_item = old_data["item"]["fields"], new_data["item"]["fields"]
    for model_field in shown_fields(model):
        if not same(old_item.get(model_field.name), new_item.get(model_field.name)):
            names.append(str(model_field.verbose_name).capitalize())
    for relation in child_relations(model):
        key = relation_key(relation)
        if old_data["children"].get(key, []) != new_data["children"].get(key, []):
            names.append(str(relation.related_model._meta.verbose_name_plural).capitalize())
    return names
