"""The image library in the admin: upload, describe, and see where to use a picture."""

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import images
from .models import Image

ACCEPTED_TYPES = ",".join(mime for _extension, mime in images.ALLOWED_FORMATS.values())


class ImageForm(forms.ModelForm):
    class Meta:
        model = Image
        # "alt_text" is the English text alternative (the admin is in English) and
        # "alt_text_es" the Spanish one (programs/translation.py).
        fields = ["title", "file", "alt_text", "alt_text_es", "is_decorative"]
        # A plain file field: the picture is checked by clean_file alone, with messages
        # of its own (Django's image field would refuse a decompression bomb as merely
        # "not a valid image").
        field_classes = {"file": forms.FileField}
        widgets = {
            "file": forms.ClearableFileInput(attrs={"accept": ACCEPTED_TYPES}),
            "alt_text": forms.TextInput(attrs={"size": 80}),
            "alt_text_es": forms.TextInput(attrs={"size": 80}),
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            # A new upload (otherwise the picture already stored, or nothing).
            return images.clean_upload(upload)
        return upload


@admin.register(Image)
class ImageAdmin(SimpleHistoryAdmin):
    form = ImageForm
    list_display = ["thumbnail", "title", "text_alternative", "dimensions", "updated_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["is_decorative"]
    search_fields = ["title", "alt_text"]
    readonly_fields = ["preview", "dimensions", "markdown_reference", "uploaded_at", "updated_at"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "file", "preview", "alt_text", "alt_text_es", "is_decorative"]},
        ),
        (
            _("Using it"),
            {
                "fields": ["markdown_reference", "dimensions", "uploaded_at", "updated_at"],
                "description": _(
                    "Choose it as the lead image of a page or article or as a person's photo, "
                    "or copy the line below into a Markdown text where the picture should go."
                ),
            },
        ),
    ]

    def _picture(self, image, width):
        if not image or not image.pk or not image.file:
            return "-"
        return render_to_string(
            "programs/_picture.html",
            images.picture_context(image, sizes=f"{width}px", eager=False, max_width=width),
        )

    @admin.display(description=_("picture"))
    def thumbnail(self, image):
        return self._picture(image, 100)

    @admin.display(description=_("preview"))
    def preview(self, image):
        return self._picture(image, 400)

    @admin.display(description=_("text alternative"), ordering="alt_text")
    def text_alternative(self, image):
        return _("(decorative)") if image.is_decorative else image.alt_text

    @admin.display(description=_("size in pixels"))
    def dimensions(self, image):
        return f"{image.width} by {image.height}" if image.width else "-"

    @admin.display(description=_("in a Markdown text, write"))
    def markdown_reference(self, image):
        return image.markdown_reference if image.pk else _("(once saved)")
