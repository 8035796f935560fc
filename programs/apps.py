from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

# Every model whose rows the public pages show. A save or delete of any of them (or a
# change to their many-to-many links) changes the page cache's content version, and
# the Marketing group edits them all. A new content model joins this list, and only it.
CONTENT_MODELS = (
    "page",
    "pagesection",
    "track",
    "session",
    "therapy",
    "faqentry",
    "topic",
    "person",
    "article",
    "clinicsettings",
    "image",
    "accreditation",
)
# The clinic's details are one record: Marketing may correct it, never add or delete it.
SINGLE_RECORD_MODELS = ("clinicsettings",)


def _model_permissions(models, actions):
    return [f"programs.{action}_{model}" for model in models for action in actions]


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Site content")

    # Synced to the groups after every migrate by iop_site.groups.
    staff_group_permissions = {
        "Marketing": [
            *_model_permissions(
                [model for model in CONTENT_MODELS if model not in SINGLE_RECORD_MODELS],
                ("add", "change", "delete", "view"),
            ),
            *_model_permissions(SINGLE_RECORD_MODELS, ("change", "view")),
        ],
    }

    def ready(self):
        from PIL import Image as PillowImage

        from .cache import bump_content_version

        # Pillow refuses to decode a picture with more pixels than this (a decompression
        # bomb); uploads are held to the same number (programs/images.py).
        PillowImage.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS

        for model_name in CONTENT_MODELS:
            model = self.get_model(model_name)
            for event, signal in (("saved", post_save), ("deleted", post_delete)):
                signal.connect(
                    bump_content_version,
                    sender=model,
                    dispatch_uid=f"programs_cache_{model_name}_{event}",
                )
            links = [f for f in model._meta.get_fields() if f.many_to_many and f.concrete]
            for field in links:
                m2m_changed.connect(
                    bump_content_version,
                    sender=field.remote_field.through,
                    dispatch_uid=f"programs_cache_{model_name}_{field.name}_changed",
                )
