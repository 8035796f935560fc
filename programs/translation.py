"""Content in both languages (django-modeltranslation).

Each translated field gets one column per language in its own table (title_en,
title_es, ...), so a page is still read with one single-table query in either language
and the page cache serves Spanish pages as cheaply as English ones. The original
attribute (page.title) reads the active language's column and falls back to English
when the Spanish one is empty (settings.MODELTRANSLATION_FALLBACK_LANGUAGES).

Whether an item has a Spanish version is decided here, once (`has_translation`, and
`translated_in` for a query): the header's language switch, the head's and the
sitemap's hreflang alternates, the "not yet translated" note and the Spanish feed all
ask it.

django-simple-history is registered here, after the translations, as modeltranslation's
documentation asks: a historical model copies the fields its model has when it is
created, and only from here on do the models have their per-language fields. So the
history (and the revisions, which store every concrete field) keeps both languages.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from modeltranslation.fields import TranslationField
from modeltranslation.translator import TranslationOptions, translator
from simple_history import register as register_history
from simple_history.models import HistoricalRecords

from .models import (
    Accreditation,
    Article,
    ClinicSettings,
    FaqEntry,
    Image,
    Page,
    PageSection,
    Person,
    Session,
    Therapy,
    Topic,
    Track,
)

# An empty Spanish address is stored as NULL, not "": the address columns are unique,
# and any number of items may be without a Spanish address (they use the English one).
NO_SLUG = {"slug": None}


class PageOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "intro",
        "meta_description",
        "body",
        "body_html",
        "nav_label",
        "seo_title",
    )
    empty_values = NO_SLUG
    # The fields a Spanish version needs (where the English has them) to count as one.
    complete_fields = ("title", "body")


class PageSectionOptions(TranslationOptions):
    fields = ("heading", "body", "body_html")
    complete_fields = ("heading", "body")


class ArticleOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "body_html", "seo_title")
    empty_values = NO_SLUG
    complete_fields = ("title", "summary", "body")


class TopicOptions(TranslationOptions):
    fields = ("name", "slug", "description")
    empty_values = NO_SLUG
    complete_fields = ("name",)


class TherapyOptions(TranslationOptions):
    fields = ("title", "summary", "body", "body_html")
    complete_fields = ("title", "body")


class FaqEntryOptions(TranslationOptions):
    fields = ("question", "answer", "answer_html")
    complete_fields = ("question", "answer")


class TrackOptions(TranslationOptions):
    fields = ("name", "description")
    complete_fields = ("name", "description")


class SessionOptions(TranslationOptions):
    fields = ("location",)
    complete_fields = ()


class ClinicSettingsOptions(TranslationOptions):
    fields = ("opening_hours", "license_title")
    complete_fields = ("opening_hours",)


class PersonOptions(TranslationOptions):
    fields = ("job_title", "bio", "bio_html")
    complete_fields = ("job_title", "bio")


class ImageOptions(TranslationOptions):
    fields = ("alt_text",)
    complete_fields = ("alt_text",)


class AccreditationOptions(TranslationOptions):
    fields = ("name",)
    complete_fields = ("name",)


TRANSLATIONS = {
    Page: PageOptions,
    PageSection: PageSectionOptions,
    Article: ArticleOptions,
    Topic: TopicOptions,
    Therapy: TherapyOptions,
    FaqEntry: FaqEntryOptions,
    Track: TrackOptions,
    Session: SessionOptions,
    ClinicSettings: ClinicSettingsOptions,
    Person: PersonOptions,
    Image: ImageOptions,
    Accreditation: AccreditationOptions,
}


class TranslatedHistoricalRecords(HistoricalRecords):
    """History that keeps each language's column as a plain column. A history table
    holds many versions of a record, so nothing in it is unique; django-simple-history
    clears `unique` on the fields it copies, but a translation field describes itself
    (for migrations) through its original field, which would bring `unique` back on
    the history's "slug_en"."""

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, TranslationField):
                _name, _path, args, kwargs = field.deconstruct()
                if kwargs.pop("unique", False):
                    kwargs["db_index"] = True
                fields[name] = type(field.translated_field)(*args, **kwargs)
        return fields


for _model, _options in TRANSLATIONS.items():
    translator.register(_model, _options)
# After the translations (see the module's docstring). Session has no translated field
# of its own but its history is registered here too: all of the app's in one place.
for _model in TRANSLATIONS:
    register_history(_model, records_class=TranslatedHistoricalRecords)


def localized(name, language):
    """The column holding field `name` in `language`: "title", "es" -> "title_es"."""
    return f"{name}_{language.replace('-', '_')}"


def has_translation(item, language):
    """Whether `item` (a page, an article, ...) has a version in `language`: the
    default language always; another when each of its model's `complete_fields` that
    the English has is filled in that language too. For a model without translations,
    whether it is in the default language."""
    if language == settings.LANGUAGE_CODE:
        return True
    options = TRANSLATIONS.get(type(item))
    if options is None:
        return False
    default = settings.LANGUAGE_CODE
    return all(
        getattr(item, localized(name, language)) or not getattr(item, localized(name, default))
        for name in options.complete_fields
    )


def translated_in(model, language):
    """A Q finding the items of `model` that have a version in `language`, as
    `has_translation` decides it for one item, for a list that shows only those."""
    default = settings.LANGUAGE_CODE
    if language == default:
        return Q()
    options = TRANSLATIONS.get(model)
    if options is None:
        return Q(pk__in=[])
    lookup = Q()
    for name in options.complete_fields:
        own, english = localized(name, language), localized(name, default)
        filled = Q(**{f"{own}__isnull": False}) & ~Q(**{own: ""})
        lookup &= filled | Q(**{f"{english}__isnull": True}) | Q(**{english: ""})
    return lookup


def address_lookup(slug, language=None):
    """A Q finding the item at address `slug` in `language` (the active one by default):
    its address in that language, or its English one (an item without a Spanish address
    is at its English one under /es/; the view redirects an English address to the
    Spanish one when there is one)."""
    language = language or translation.get_language()
    default = settings.LANGUAGE_CODE
    lookup = Q(**{localized("slug", language): slug})
    if language != default:
        lookup |= Q(**{localized("slug", default): slug})
    return lookup
