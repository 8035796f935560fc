"""Load the demo clinic's content: creates what is missing, never changes what exists.

Each record is looked up by its natural key (page, track, therapy, question, topic,
person and article by their short name; an accreditation by its issuer and name; the
clinic settings by their single row). A record that exists is left exactly as it is, so
running this again, as `make run` does, keeps every edit made in the admin. A deleted
demo record comes back on the next run: unpublish it instead.

The Spanish texts (programs/demo_content_es.py) go into the Spanish columns of the demo
records, each only while it is empty: a Spanish text edited in the admin is kept too.
"""

import datetime
import re

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from programs import demo_articles, demo_content, demo_content_es, demo_images
from programs.models import (
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

DEMO_IMAGE = re.compile(r"demo-image:([a-z-]+)")


def _time(text):
    return datetime.time.fromisoformat(text)


def _with_pictures(fields):
    """`fields` of a demo record with its picture (a slug of demo_images.PICTURES under
    `lead_image`) made or found in the library, and each `demo-image:<slug>` in its
    Markdown turned into that picture's `image:<number>`."""
    fields = dict(fields)
    if fields.get("lead_image"):
        fields["lead_image"] = demo_images.picture(fields["lead_image"])
    if "body" in fields:
        fields["body"] = DEMO_IMAGE.sub(
            lambda match: f"image:{demo_images.picture(match.group(1)).pk}", fields["body"]
        )
    return fields


class Command(BaseCommand):
    help = (
        "Create the demo clinic's pages, schedule, therapies, questions, articles, team and "
        "details if missing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = []
        if ClinicSettings.load() is None:
            ClinicSettings.objects.create(
                **demo_content.CLINIC, sharing_image=demo_images.picture("harbor-light")
            )
            created.append("clinic settings")

        for data in demo_content.PAGES:
            if Page.objects.filter(slug=data["slug"]).exists():
                continue
            fields = _with_pictures(
                {key: value for key, value in data.items() if key != "sections"}
            )
            show_in_nav = "nav_order" in fields
            page = Page.objects.create(
                status=Page.Status.PUBLISHED, show_in_nav=show_in_nav, **fields
            )
            for order, (heading, body) in enumerate(data.get("sections", []), start=1):
                PageSection.objects.create(page=page, heading=heading, body=body, order=order)
            created.append(f"page /{page.slug}/")

        for data in demo_content.TRACKS:
            if Track.objects.filter(slug=data["slug"]).exists():
                continue
            fields = {key: value for key, value in data.items() if key != "sessions"}
            track = Track.objects.create(is_published=True, **fields)
            for weekday, start, end, mode, location in data["sessions"]:
                Session.objects.create(
                    track=track,
                    weekday=weekday,
                    start_time=_time(start),
                    end_time=_time(end),
                    mode=mode,
                    location=location,
                )
            created.append(f"track {track.slug}")

        for data in demo_content.THERAPIES:
            if not Therapy.objects.filter(slug=data["slug"]).exists():
                Therapy.objects.create(is_published=True, **data)
                created.append(f"therapy {data['slug']}")

        for order, data in enumerate(demo_content.FAQ, start=1):
            if not FaqEntry.objects.filter(slug=data["slug"]).exists():
                FaqEntry.objects.create(is_published=True, order=order * 10, **data)
                created.append(f"question {data['slug']}")

        for data in demo_content.ACCREDITATIONS:
            natural_key = {"issuer": data["issuer"], "name": data["name"]}
            if not Accreditation.objects.filter(**natural_key).exists():
                Accreditation.objects.create(is_published=True, **data)
                created.append(f"accreditation {data['mark']}")

        created += self.load_library()
        created += self.load_spanish()

        if created:
            self.stdout.write(f"Demo content created: {', '.join(created)}.")
        else:
            self.stdout.write("Demo content already present; nothing changed.")

    def load_library(self):
        created = []
        for data in demo_articles.TOPICS:
            if not Topic.objects.filter(slug=data["slug"]).exists():
                Topic.objects.create(**data)
                created.append(f"topic {data['slug']}")
        for data in demo_articles.PEOPLE:
            if not Person.objects.filter(slug=data["slug"]).exists():
                person = Person.objects.create(**data)
                person.photo = demo_images.portrait(person)
                person.save(update_fields=["photo"])
                created.append(f"person {data['slug']}")

        now = timezone.now()
        today = timezone.localdate()
        people = {person.slug: person for person in Person.objects.all()}
        topics = {topic.slug: topic for topic in Topic.objects.all()}
        for data in demo_articles.ARTICLES:
            if Article.objects.filter(slug=data["slug"]).exists():
                continue
            fields = _with_pictures(
                {
                    key: value
                    for key, value in data.items()
                    if key not in {"topics", "author", "reviewer"} and not key.endswith("_days_ago")
                }
            )
            article = Article.objects.create(
                status=Article.Status.PUBLISHED,
                publish_at=now - datetime.timedelta(days=data["published_days_ago"]),
                last_reviewed=today - datetime.timedelta(days=data["reviewed_days_ago"]),
                author=people[data["author"]],
                reviewer=people[data["reviewer"]],
                **fields,
            )
            article.topics.set([topics[slug] for slug in data["topics"] if slug in topics])
            created.append(f"article {article.slug}")
        return created

    def load_spanish(self):
        """Fill the empty Spanish columns of the demo records from demo_content_es."""
        es = demo_content_es
        filled = []

        def fill(record, texts, label):
            empty = {
                name: value
                for name, value in texts.items()
                if value and not getattr(record, f"{name}_es")
            }
            for name, value in empty.items():
                setattr(record, f"{name}_es", _spanish_pictures(value) if name == "body" else value)
            if empty:
                record.save()
                filled.append(label)

        clinic = ClinicSettings.load()
        if clinic is not None:
            fill(clinic, es.CLINIC, "clinic settings")
        for accreditation in Accreditation.objects.filter(issuer__in=es.ACCREDITATIONS):
            fill(accreditation, {"name": es.ACCREDITATIONS[accreditation.issuer]}, "accreditation")
        pages = {page.slug_en: page for page in Page.objects.filter(slug_en__in=es.PAGES)}
        for slug, data in es.PAGES.items():
            page = pages.get(slug)
            if page is None:
                continue
            fill(page, {k: v for k, v in data.items() if k != "sections"}, f"page /{slug}/")
            for section, (heading, body) in zip(
                page.sections.order_by("order", "id"), data.get("sections", []), strict=False
            ):
                fill(section, {"heading": heading, "body": body}, f"section of /{slug}/")
        tracks = {track.slug: track for track in Track.objects.filter(slug__in=es.TRACKS)}
        for slug, data in es.TRACKS.items():
            if slug not in tracks:
                continue
            track = tracks[slug]
            fill(track, {"name": data["name"], "description": data["description"]}, slug)
            for session in track.sessions.all():
                fill(session, {"location": data["location"]}, f"sessions of {slug}")
        for model, texts, key in (
            (Therapy, es.THERAPIES, "slug"),
            (FaqEntry, es.FAQ, "slug"),
            (Topic, es.TOPICS, "slug_en"),
            (Person, es.PEOPLE, "slug"),
            (Article, es.ARTICLES, "slug_en"),
        ):
            for record in model.objects.filter(**{f"{key}__in": texts}):
                fill(record, texts[getattr(record, key)], f"{model._meta.model_name}")
        for slug, alt_text in es.PICTURES.items():
            for image in Image.objects.filter(file=demo_images.demo_file(slug)):
                fill(image, {"alt_text": alt_text}, "image")
        return [f"Spanish for {label}" for label in dict.fromkeys(filled)]


def _spanish_pictures(text):
    return DEMO_IMAGE.sub(lambda match: f"image:{demo_images.picture(match.group(1)).pk}", text)
