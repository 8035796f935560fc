"""The admin's search-engine tools: redirects, and on pages and articles the search
listing fields with character counters and a preview of the search result.

The counters and the live preview are static/js/admin_editor.js (the CSP allows the
site's own scripts only). Without JavaScript the help texts give the limits, the form
refuses anything longer, and the preview shows what was last saved.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .editor_admin import ContentEditorAdmin
from .links import check_links
from .models import Article, ClinicSettings, Redirect
from .models.base import translated_columns
from .models.seo import DESCRIPTION_SHOWN, SEO_TITLE_SHOWN, site_path

SLUG_MARK = "__slug__"


class RedirectForm(forms.ModelForm):
    class Meta:
        model = Redirect
        fields = ["old_path", "new_path"]

    # An address copied from the browser's address bar is taken as its path.
    def clean_old_path(self):
        return site_path(self.cleaned_data["old_path"])

    def clean_new_path(self):
        return site_path(self.cleaned_data["new_path"])


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    form = RedirectForm

    class Media:
        css = {"all": ["css/admin_editor.css"]}

    list_display = ["old_path", "new_path", "automatic", "updated_at"]
    list_filter = ["automatic"]
    search_fields = ["old_path", "new_path"]
    fields = ["old_path", "new_path", "automatic", "created_at", "updated_at"]
    readonly_fields = ["automatic", "created_at", "updated_at"]

    change_list_template = "admin/programs/change_list_link_check.html"

    def save_model(self, request, obj, form, change):
        obj.save_collapsing_chains()

    def get_urls(self):
        return [
            path(
                "links/",
                self.admin_site.admin_view(self.link_check_view),
                name="programs_link_check",
            ),
            *super().get_urls(),
        ]

    def link_check_view(self, request):
        """The link checker (programs/links.py), for anyone who may see the pages."""
        if not request.user.has_perm("programs.view_page"):
            raise PermissionDenied
        broken, moved = check_links()
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Link checker"),
            "opts": self.model._meta,
            "broken": broken,
            "moved": moved,
        }
        return TemplateResponse(request, "admin/programs/link_check.html", context)


class SearchListingAdmin(ContentEditorAdmin):
    """For pages and articles: counters on the search title and description, and the
    search result preview (`search_preview`, a read-only field to place in a fieldset).
    `description_field` names the model's description field."""

    description_field = "meta_description"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        shown = {"seo_title": SEO_TITLE_SHOWN, self.description_field: DESCRIPTION_SHOWN}
        # A translated field shows once per language (seo_title_en, seo_title_es).
        name = getattr(db_field, "translated_field", db_field).name
        if name in shown:
            formfield.widget.attrs.update(
                {
                    "data-char-count": db_field.max_length,
                    "data-char-shown": shown[name],
                    # {count} and {max} are filled in by the script.
                    "data-char-count-text": gettext("{count} of {max} characters"),
                    "data-char-over-shown-text": gettext(
                        "{count} of {max} characters: search engines may cut it after {shown}"
                    ),
                }
            )
        return formfield

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "search_preview"]

    @admin.display(description=_("search result preview"))
    def search_preview(self, record):
        clinic = ClinicSettings.load()
        clinic_name = clinic.name if clinic else settings.CLINIC_FALLBACK_NAME
        route = "programs:article" if isinstance(record, Article) else "programs:page"
        url_pattern = settings.SITE_URL + reverse(route, kwargs={"slug": SLUG_MARK})
        url = settings.SITE_URL + record.get_absolute_url() if record.slug else ""
        title = record.search_title(clinic_name) if record.title else ""
        description = getattr(record, self.description_field)
        return format_html(
            '<div class="search-preview" data-search-preview data-url-pattern="{}" '
            'data-slug-mark="{}" data-clinic-name="{}" data-title-shown="{}" '
            'data-description-shown="{}" data-description-field="{}" '
            'data-field-suffix="{}" data-home-url="{}">'
            '<span class="search-preview-url">{}</span>'
            '<span class="search-preview-title">{}</span>'
            '<span class="search-preview-description">{}</span>'
            "</div>"
            '<p class="help">{}</p>',
            url_pattern,
            SLUG_MARK,
            clinic_name,
            SEO_TITLE_SHOWN,
            DESCRIPTION_SHOWN,
            self.description_field,
            # The English boxes (title_en, ...) when the fields are kept per language
            # (programs/translation.py): the preview shows the English search result.
            "_en" if translated_columns(type(record)) else "",
            settings.SITE_URL + "/",
            url,
            Truncator(title).chars(SEO_TITLE_SHOWN),
            Truncator(description).chars(DESCRIPTION_SHOWN),
            gettext(
                "Roughly how a search engine lists it. Search engines may choose other "
                "words. Without JavaScript this shows what was last saved."
            ),
        )
