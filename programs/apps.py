from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
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
# Edited by Marketing too, but never shown on a page (no page cache version change).
EDITOR_MODELS = ("redirect",)
# Kept as revisions: a change to a live one is a draft until published.
REVISIONED_MODELS = ("page", "article", "clinicsettings")
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
            *_model_permissions(EDITOR_MODELS, ("add", "change", "delete", "view")),
            "programs.view_revision",
        ],
        # Publishes what needs a second pair of eyes (legal pages, the clinic details
        # patients rely on: see programs/revisions.py). Not an editing group: it may
        # open and publish pages, articles and the clinic settings, and delete nothing.
        "Publisher": [
            *_model_permissions(REVISIONED_MODELS, ("change", "view")),
            *_model_permissions(["pagesection"], ("add", "change", "delete", "view")),
            "programs.view_revision",
            "programs.publish_protected",
        ],
    }

    def ready(self):
        from PIL import Image as PillowImage

        from .cache import bump_content_version
        from .redirects import ROUTES, redirect_old_address, remember_old_address

        for model in ROUTES:
            name = model._meta.model_name
            pre_save.connect(remember_old_address, sender=model, dispatch_uid=f"old_address_{name}")
            post_save.connect(redirect_old_address, sender=model, dispatch_uid=f"redirect_{name}")

        # Pillow refuses to decode a picture with more pixels than this (a decompression
        # bomb); uploads are held to the same number (programs/images.py).
        PillowImage.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS

        from .models.images import remove_files_once_deleted, rerender_texts_showing

        post_delete.connect(
            remove_files_once_deleted,
            sender=self.get_model("image"),
            dispatch_uid="programs_image_deleted_remove_files",
        )

        for event, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(
                rerender_texts_showing,
                sender=self.get_model("image"),
                dispatch_uid=f"programs_image_{event}_rerender_texts",
            )

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
