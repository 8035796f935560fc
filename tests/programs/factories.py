"""Factory helpers for the article library: make_<thing>(**overrides) returns a saved
object. (Beside the other content factories in tests/factories.py.)"""

import datetime

from django.utils import timezone


def make_person(slug="dana-reyes", **overrides):
    """A licensed clinician on the team page, unless overridden."""
    from programs.models import Person

    fields = {
        "name": "Dana Reyes",
        "credentials": "LCSW",
        "job_title": "Clinical director",
        "role": Person.Role.LEADERSHIP,
        "bio": "Dana leads the clinical team.",
    }
    fields.update(overrides)
    return Person.objects.create(slug=slug, **fields)


def make_topic(slug="family", **overrides):
    from programs.models import Topic

    fields = {"name": "For families", "description": "For the people who love them."}
    fields.update(overrides)
    return Topic.objects.create(slug=slug, **fields)


def make_article(slug="what-is-iop", topics=(), author=None, reviewer=None, **overrides):
    """A published, clinically reviewed article, first published a day ago. The author
    and reviewer are made if not given (and reused by later calls)."""
    from programs.models import Article, Person

    if author is None:
        author = Person.objects.filter(slug="jordan-whitaker").first() or make_person(
            "jordan-whitaker", name="Jordan Whitaker", credentials="LPC", job_title="Therapist"
        )
    if reviewer is None:
        reviewer = Person.objects.filter(slug="dana-reyes").first() or make_person()
    fields = {
        "title": "What is an IOP?",
        "summary": "A short answer.",
        "body": "An intensive outpatient program meets a few evenings a week.",
        "status": Article.Status.PUBLISHED,
        "publish_at": timezone.now() - datetime.timedelta(days=1),
        "last_reviewed": timezone.localdate() - datetime.timedelta(days=1),
    }
    fields.update(overrides)
    article = Article.objects.create(slug=slug, author=author, reviewer=reviewer, **fields)
    article.topics.set(topics)
    return article


def picture_bytes(size=(1000, 600), image_format="JPEG", color=(214, 140, 92), **save_options):
    """A plain picture made with Pillow, as the bytes of a file."""
    import io

    from PIL import Image as PillowImage

    mode = "RGBA" if len(color) == 4 else "RGB"
    output = io.BytesIO()
    PillowImage.new(mode, size, color).save(output, image_format, **save_options)
    return output.getvalue()


def make_image(title="Group room", name="group-room.jpg", content=None, **overrides):
    """A library image (saved, so cleaned and with its renditions)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from programs.models import Image

    fields = {"alt_text": "Chairs in a circle in a bright group room."}
    fields.update(overrides)
    upload = SimpleUploadedFile(name, content or picture_bytes(), content_type="image/jpeg")
    return Image.objects.create(title=title, file=upload, **fields)
