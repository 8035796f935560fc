from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

CONTENT_MODELS = ("page", "pagesection", "track", "session", "therapy", "faqentry")


def _model_permissions(models, actions):
    return [f"programs.{action}_{model}" for model in models for action in actions]


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Site content")

    # Synced to the groups after every migrate by iop_site.groups. Marketing edits all
    # content and may correct the clinic's details, but cannot add or remove them.
    staff_group_permissions = {
        "Marketing": [
            *_model_permissions(CONTENT_MODELS, ("add", "change", "delete", "view")),
            *_model_permissions(("clinicsettings",), ("change", "view")),
        ],
    }

    def ready(self):
        from .cache import bump_content_version

        for model_name in (*CONTENT_MODELS, "clinicsettings"):
            model = self.get_model(model_name)
            for event, signal in (("saved", post_save), ("deleted", post_delete)):
                signal.connect(
                    bump_content_version,
                    sender=model,
                    dispatch_uid=f"programs_cache_{model_name}_{event}",
                )
