"""Structured data (JSON-LD) and small display helpers for content templates."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext

from programs.models import hours_label

register = template.Library()

# As django.utils.html.json_script: text typed by staff cannot close the <script>
# element or open a comment inside it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A <script type="application/ld+json"> data block, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )


@register.simple_tag(takes_context=True)
def clinic_json_ld(context):
    clinic = context.get("clinic") or {}
    site_url = context.get("site_url", "")
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": clinic.get("name", ""),
        "url": f"{site_url}/",
        "telephone": clinic.get("phone_e164") or clinic.get("phone", ""),
        "medicalSpecialty": "Psychiatric",
    }
    if clinic.get("street_address"):
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": clinic["street_address"],
            "addressLocality": clinic["city"],
            "addressRegion": clinic["region"],
            "postalCode": clinic["postal_code"],
            "addressCountry": "US",
        }
    if clinic.get("opening_hours_spec"):
        data["openingHours"] = list(clinic["opening_hours_spec"])
    if clinic.get("social_links"):
        data["sameAs"] = [link["url"] for link in clinic["social_links"]]
    if data["telephone"]:
        spanish = clinic.get("spanish_phone_e164")
        admissions = {
            "@type": "ContactPoint",
            "telephone": data["telephone"],
            "contactType": "admissions",
            "hoursAvailable": "Mo-Su 00:00-23:59",
            "availableLanguage": ["English", "Spanish"] if spanish else ["English"],
        }
        data["contactPoint"] = [admissions]
        if spanish and spanish != data["telephone"]:
            data["contactPoint"].append(
                {**admissions, "telephone": spanish, "availableLanguage": ["Spanish"]}
            )
    return json_ld_script(data)


def in_language(context):
    """The language of the text a page shows, as schema.org's inLanguage: the page's
    language, or English when it shows an item not translated yet."""
    if context.get("untranslated") or get_language() == "en":
        return "en-US"
    return f"{get_language()}-US"


@register.simple_tag(takes_context=True)
def page_json_ld(context, page):
    """A content page as a WebPage, in its language."""
    site_url = context.get("site_url", "")
    return json_ld_script(
        {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "url": site_url + page.get_absolute_url(),
            "name": page.title,
            "description": page.meta_description,
            "inLanguage": in_language(context),
            "publisher": _clinic_reference(context),
        }
    )


@register.simple_tag(takes_context=True)
def faq_json_ld(context, entries):
    return json_ld_script(
        {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": in_language(context),
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": entry.question,
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": " ".join(strip_tags(filled(context, entry.answer_html)).split()),
                    },
                }
                for entry in entries
            ],
        }
    )


@register.filter
def hours(value):
    """3.0 -> "3", 2.5 -> "2.5"."""
    return hours_label(value)


def _timestamp(moment):
    """ISO 8601 to the second, in the clinic's time zone."""
    return timezone.localtime(moment).isoformat(timespec="seconds")


@register.filter
def iso_seconds(moment):
    """A moment for <time datetime>: to the second, as the HTML standard and the W3C
    validator accept it (Django's "c" format adds microseconds when there are any)."""
    return _timestamp(moment) if moment else ""


def _person_json_ld(person, site_url):
    data = {
        "@type": "Person",
        "name": person.name,
        "url": site_url + person.get_absolute_url(),
        "jobTitle": person.job_title,
    }
    if person.credentials:
        data["honorificSuffix"] = person.credentials
    return data


def _clinic_reference(context):
    clinic = context.get("clinic") or {}
    site_url = context.get("site_url", "")
    return {"@type": "MedicalClinic", "name": clinic.get("name", ""), "url": f"{site_url}/"}


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article as a MedicalWebPage: who wrote it, who clinically reviewed it and
    when, all addresses absolute."""
    site_url = context.get("site_url", "")
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "url": site_url + article.get_absolute_url(),
        "headline": article.title,
        "name": article.title,
        "description": article.summary,
        "inLanguage": in_language(context),
        "dateModified": _timestamp(article.updated_at),
        "author": _person_json_ld(article.author, site_url),
        "publisher": _clinic_reference(context),
        "about": [{"@type": "Thing", "name": topic.name} for topic in article.topics.all()],
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
    }
    if article.published_at is not None:
        data["datePublished"] = _timestamp(article.published_at)
    if article.reviewer is not None:
        data["reviewedBy"] = _person_json_ld(article.reviewer, site_url)
    if article.last_reviewed is not None:
        data["lastReviewed"] = article.last_reviewed
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def person_json_ld(context, person):
    data = {
        "@context": "https://schema.org",
        **_person_json_ld(person, context.get("site_url", "")),
        "worksFor": _clinic_reference(context),
    }
    if person.bio_html:
        data["description"] = " ".join(strip_tags(filled(context, person.bio_html)).split())
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def page_url(context, slug):
    """The address, in the page's language, of the content page whose English address
    is `slug`: one of the footer's notices (iop_site/context_processors.py), at its
    Spanish address on a Spanish page, so the link answers without a redirect. A notice
    not published (or an error page, which reads no database) keeps the address named
    by `slug`."""
    found = context.get("footer_pages") or {}
    return found.get(slug) or reverse("programs:page", kwargs={"slug": slug})


@register.simple_tag(takes_context=True)
def search_title(context, record):
    """The <title> of a page or an article: its search title, else its title and the
    clinic's name."""
    clinic = context.get("clinic") or {}
    return record.search_title(clinic.get("name", ""))


def _facts(context):
    """One Facts per request (a page shows several texts), reusing the tracks the view
    already fetched."""
    from programs.placeholders import Facts

    request = context.get("request")
    facts = getattr(request, "placeholder_facts", None)
    if facts is None:
        facts = Facts(context.get("clinic"), context.get("tracks"))
        if request is not None:
            request.placeholder_facts = facts
    return facts


@register.simple_tag(takes_context=True)
def filled(context, html, track=None):
    """Stored, sanitised HTML with its placeholders ({{ phone }}) filled in, escaped."""
    return _facts(context).fill(html or "", track)


@register.simple_tag(takes_context=True)
def filled_text(context, text, track=None):
    """Plain text, escaped, with its placeholders filled in."""
    return _facts(context).fill(conditional_escape(text or ""), track)


@register.filter
def long_date(value):
    """A day as the page's language writes it in full: "May 31, 2027" in English,
    "31 de mayo de 2027" in Spanish (the format is in the translation catalogue)."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    # Translators: a date format for the date filter (F month, j day, Y year).
    return date_format(value, pgettext("date format", "F j, Y"))
