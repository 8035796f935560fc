"""The image library: pictures marketing uploads once and places on pages, articles and
people. How an upload is checked and cleaned, and its renditions, are in
programs/images.py."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programs import images


def library_image_field(verbose_name, help_text):
    """An optional choice of one library picture. PROTECT: a picture in use cannot be
    deleted by accident (the admin says where it is used)."""
    return models.ForeignKey(
        "programs.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


class Image(models.Model):
    title = models.CharField(
        _("name in the library"),
        max_length=120,
        help_text=_("For finding the picture here, e.g. “Group room, evening”. Not shown."),
    )
    file = models.ImageField(
        _("picture"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        max_length=200,
        help_text=_(
            "A JPEG, PNG or WebP picture. It is turned the right way up and stored without "
            "its hidden details (camera, place and time it was taken)."
        ),
    )
    alt_text = models.CharField(
        _("text alternative"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it, in one plain sentence, "
            "e.g. “A counselor listens to a client in a quiet office.” Required unless the "
            "picture is only decorative."
        ),
    )
    is_decorative = models.BooleanField(
        _("decorative only"),
        default=False,
        help_text=_(
            "Tick only if the picture adds nothing a visitor needs (a texture, a pattern). "
            "Screen readers then skip it, and it has no text alternative."
        ),
    )
    width = models.PositiveIntegerField(_("width (pixels)"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height (pixels)"), editable=False, default=0)
    has_transparency = models.BooleanField(
        _("has transparent parts"), editable=False, default=False
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            # On the English text alternative (the text is translated, programs/
            # translation.py); a Spanish one left empty reads as the English one.
            models.CheckConstraint(
                condition=(Q(is_decorative=True) & Q(alt_text_en=""))
                | (Q(is_decorative=False) & ~Q(alt_text_en="")),
                name="programs_image_alt_text_or_decorative",
                violation_error_message=_(
                    "Describe the picture in the text alternative, or tick “decorative "
                    "only” (and leave the text alternative empty)."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Stores a new picture only as its cleaned copy (see programs/images.py), then
        writes its renditions to the storage. A picture replaced by a new upload has
        its old copy and renditions deleted from the storage once the change commits
        (as a deleted one does). Raises ValidationError for a file that is not a picture
        to accept (the admin's form reports it before saving)."""
        new_file = bool(self.file) and not self.file._committed
        replaced = []
        if new_file and self.pk:
            previous = Image.objects.filter(pk=self.pk).first()
            if previous and previous.file:
                replaced = images.stored_names(previous)
        if new_file:
            upload = self.file.file
            if not isinstance(upload, images.CleanPicture):
                upload = images.clean_upload(upload)
            self.file = upload
            self.width, self.height = upload.width, upload.height
            self.has_transparency = upload.has_transparency
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "width",
                    "height",
                    "has_transparency",
                }
        super().save(*args, **kwargs)
        if new_file:
            images.make_renditions(self)
        if replaced:
            current = set(images.stored_names(self))
            stale = [name for name in replaced if name not in current]
            transaction.on_commit(lambda: images.delete_stored_files(stale), robust=True)

    def clean(self):
        # The constraint's rule, with the error beside the field to fix.
        if not self.is_decorative and not self.alt_text.strip():
            raise ValidationError(
                {
                    "alt_text": _(
                        "Describe what the picture shows, or tick “decorative only” if it "
                        "adds nothing a visitor needs."
                    )
                }
            )
        if self.is_decorative and self.alt_text:
            raise ValidationError(
                {
                    "alt_text": _(
                        "A decorative picture has no text alternative: empty this box, or "
                        "untick “decorative only”."
                    )
                }
            )

    @property
    def alt(self):
        """The `alt` attribute: empty for a decorative picture."""
        return "" if self.is_decorative else self.alt_text

    @property
    def markdown_reference(self):
        """What an editor types in Markdown to show this picture in the text."""
        return f"![{self.alt_text}](image:{self.pk})"


def rerender_texts_showing(instance, **kwargs):
    """Signal receiver (an image saved or deleted): the stored HTML of every Markdown
    text that shows the image is rendered again, so it names the current renditions
    and text alternative, or no longer shows a deleted image. Only the HTML field is
    written (no history entry, no change of "last updated")."""
    from django.apps import apps
    from django.utils import translation

    from programs.markdown import IMAGE_REFERENCE, render_markdown

    from .base import RendersMarkdown, markdown_columns

    def shows_it(text):
        return any(int(number) == instance.pk for number in IMAGE_REFERENCE.findall(text))

    for model in apps.get_app_config("programs").get_models():
        if not issubclass(model, RendersMarkdown):
            continue
        # Each language's text, rendered in its language (the picture's text alternative).
        for language, source, target in markdown_columns(model):
            candidates = model.objects.filter(**{f"{source}__contains": f"image:{instance.pk}"})
            for pk, text in candidates.values_list("pk", source):
                if shows_it(text):
                    with translation.override(language):
                        html = render_markdown(text)
                    model.objects.filter(pk=pk).update(**{target: html})


def remove_files_once_deleted(instance, using=None, **kwargs):
    """Signal receiver (an image deleted): once the deletion is committed, its clean copy
    and its renditions are deleted from the storage, so a picture taken out of the
    library is no longer served at its old address. Not before the commit: a deletion
    rolled back keeps its files. A storage that fails then is logged, not shown to the
    editor (the picture is gone from the library either way)."""
    names = images.stored_names(instance)
    transaction.on_commit(lambda: images.delete_stored_files(names), using=using, robust=True)
