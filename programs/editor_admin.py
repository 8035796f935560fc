"""What every content editing form in the admin shares: the Markdown editor (a tall box
with a short formatting help, the placeholders and the site's pages beside it, and a
preview) and named date-and-time boxes.

The preview works without JavaScript: its button submits the form with `_preview` (the
field's name); the form then comes back with everything as typed, nothing saved, and the
text rendered below the box as visitors will see it. With JavaScript
(static/js/admin_editor.js) the same button asks `…/markdown-preview/` and shows the
result in place.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F, Value
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from .markdown import render_markdown
from .placeholders import Facts

PREVIEW = "_preview"


def is_preview(request):
    return request.method == "POST" and PREVIEW in request.POST


def link_snippet(title, address):
    """The Markdown of a link to `address` reading `title` (brackets in it escaped, so
    a title such as "Fees [2026]" still makes one link)."""
    words = title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"[{words}]({address})"


class EditorHelp:
    """The help beside every Markdown box of one request: placeholders with their values
    now, the pages and articles to link to, and the library's pictures. Worked out once
    (four queries: the clinic, the placeholders' schedule, one for pages and articles
    together, one for the pictures)."""

    def __init__(self):
        self._facts = None
        self._pages = None
        self._images = None

    @property
    def facts(self):
        if self._facts is None:
            from .models import ClinicSettings

            clinic = ClinicSettings.load()
            self._facts = Facts(clinic.as_context() if clinic else {})
        return self._facts

    def pages(self):
        """(title, address, Markdown link) of the pages and articles, live or not, by
        title: one query."""
        if self._pages is None:
            from .models import Article, Page

            # The same columns in the same order on both sides of the union.
            pages = Page.objects.annotate(kind=Value("page"), page_layout=F("layout"))
            articles = Article.objects.annotate(kind=Value("article"), page_layout=Value(""))
            columns = ["title", "slug", "kind", "page_layout"]
            rows = (
                pages.order_by()
                .values_list(*columns)
                .union(articles.order_by().values_list(*columns), all=True)
                .order_by("title", "kind")
            )
            self._pages = []
            for title, slug, kind, layout in rows:
                if kind == "article":
                    address = reverse("programs:article", kwargs={"slug": slug})
                elif layout == Page.Layout.HOME:
                    address = reverse("programs:home")
                else:
                    address = reverse("programs:page", kwargs={"slug": slug})
                self._pages.append((title, address, link_snippet(title, address)))
        return self._pages

    def images(self):
        """(name in the library, Markdown that shows it) of every library picture, by
        name: one query."""
        if self._images is None:
            from .models import Image

            pictures = Image.objects.only("title", "alt_text").order_by("title", "pk")
            self._images = [(image.title, image.markdown_reference) for image in pictures]
        return self._images

    def preview(self, text):
        """`text` as visitors will see it: rendered, sanitised, placeholders filled."""
        return self.facts.fill(render_markdown(text))


def editor_help(request):
    if not hasattr(request, "content_editor_help"):
        request.content_editor_help = EditorHelp()
    return request.content_editor_help


class MarkdownEditor(forms.Textarea):
    """A tall Markdown box with its help, the page links and a preview button."""

    def __init__(self, help, preview_url, previewed_name=None):
        super().__init__(attrs={"rows": 20, "class": "vLargeTextField markdown-editor"})
        self.help = help
        self.preview_url = preview_url
        self.previewed_name = previewed_name

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {}), "data-preview-url": self.preview_url}
        box = super().render(name, value, attrs, renderer)
        box_id = attrs.get("id") or f"id_{name}"
        preview = ""
        if name == self.previewed_name:
            preview = self.help.preview(value or "")
        return format_html(
            '<div class="markdown-editor-wrap">'
            '<div class="markdown-editor-main">{box}'
            '<p><button type="submit" class="button" name="{preview_name}" value="{name}" '
            'data-preview-for="{box_id}">{preview_label}</button></p>'
            '<section class="markdown-preview prose" id="{box_id}_preview" '
            'aria-labelledby="{box_id}_preview_title" tabindex="-1"{hidden}>'
            '<h3 id="{box_id}_preview_title" class="markdown-preview-title">{preview_title}</h3>'
            '<div class="markdown-preview-body">{preview}</div></section>'
            "</div>{aside}</div>",
            box=box,
            preview_name=PREVIEW,
            name=name,
            box_id=box_id,
            preview_label=gettext("Preview"),
            hidden="" if preview else " hidden",
            preview_title=gettext("Preview (not saved yet)"),
            preview=preview,
            aside=self.render_aside(box_id),
        )

    def render_aside(self, box_id):
        formatting = [
            ("## " + gettext("Heading"), gettext("a heading")),
            ("- " + gettext("item"), gettext("a list")),
            ("1. " + gettext("step"), gettext("numbered steps")),
            ("**" + gettext("bold") + "**", gettext("bold")),
            ("*" + gettext("italic") + "*", gettext("italic")),
            ("[" + gettext("words") + "](/address/)", gettext("a link")),
            ("> " + gettext("quote"), gettext("a quote")),
            ("| A | B |", gettext("a table (a line “Table: …” above it is its caption)")),
        ]
        return format_html(
            '<aside class="markdown-help" aria-label="{label}">'
            "<h3>{formatting_title}</h3><dl>{formatting}</dl>"
            "<details><summary>{placeholders_title}</summary><p>{placeholders_intro}</p>"
            "<dl>{placeholders}</dl></details>"
            '<details class="markdown-links" data-insert-into="{box_id}" '
            'data-insert-label="{insert_label}">'
            "<summary>{links_title}</summary><p>{links_intro}</p><ul>{links}</ul></details>"
            '<details class="markdown-links markdown-images" data-insert-into="{box_id}" '
            'data-insert-label="{insert_image_label}">'
            "<summary>{images_title}</summary><p>{images_intro}</p>{images}</details>"
            "</aside>",
            label=gettext("Help for this text"),
            formatting_title=gettext("Formatting"),
            formatting=format_html_join("", "<dt><code>{}</code></dt><dd>{}</dd>", formatting),
            placeholders_title=gettext("Placeholders"),
            placeholders_intro=gettext(
                "Written in double braces, they always show the value now, e.g. "
                "“{{ days-per-week }} evenings a week”. Values of a track other than the "
                "first: {{ virtual-evening: session-days }}."
            ),
            placeholders=format_html_join(
                "",
                "<dt><code>{}</code></dt><dd>{}: <q>{}</q></dd>",
                self.help.facts.help_rows(),
            ),
            box_id=box_id,
            insert_label=gettext("Insert"),
            links_title=gettext("Link to a page on this site"),
            links_intro=gettext(
                "Copy a link into the text, and change the words in brackets if you like:"
            ),
            links=format_html_join(
                "",
                '<li data-title="{}" data-address="{}" data-snippet="{}">{} <code>{}</code></li>',
                (
                    (title, url, snippet, title, snippet)
                    for title, url, snippet in self.help.pages()
                ),
            ),
            insert_image_label=gettext("Insert picture"),
            images_title=gettext("Insert a picture from the image library"),
            images_intro=gettext(
                "Copy a picture into the text on a line of its own. The words in brackets "
                "describe it for people who cannot see it."
            ),
            images=format_html(
                "<ul>{}</ul>",
                format_html_join(
                    "",
                    '<li data-title="{}" data-snippet="{}">{} <code>{}</code></li>',
                    ((title, snippet, title, snippet) for title, snippet in self.help.images()),
                ),
            )
            if self.help.images()
            else format_html("<p>{}</p>", gettext("The image library is empty.")),
        )


class MarkdownEditorMixin:
    """For a ModelAdmin or an inline: Markdown fields get the editor, and date-and-time
    boxes their names (Django's admin labels only the pair, so screen readers announced
    two unnamed boxes)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        model = self.model
        # A translated Markdown field shows once per language (body_en, body_es).
        name = getattr(db_field, "translated_field", db_field).name
        if name in getattr(model, "markdown_fields", {}):
            kwargs["widget"] = MarkdownEditor(
                editor_help(request),
                preview_url=reverse(f"admin:{self.preview_route()}"),
                previewed_name=request.POST.get(PREVIEW) if is_preview(request) else None,
            )
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and isinstance(
            getattr(formfield, "widget", None), forms.MultiWidget
        ):
            date, time = formfield.widget.widgets
            date.attrs["aria-label"] = gettext("%(field)s: date") % {"field": formfield.label}
            time.attrs["aria-label"] = gettext("%(field)s: time") % {"field": formfield.label}
        return formfield

    def preview_route(self):
        owner = getattr(self, "parent_model", None) or self.model
        return f"{owner._meta.app_label}_{owner._meta.model_name}_markdown_preview"


class PreviewOnlyForm:
    """Mixed into the admin form when the preview button was pressed: validated (its
    errors show) but never valid, so nothing is saved and the form comes back as typed."""

    def is_valid(self):
        super().is_valid()
        return False


class ContentEditorAdmin(MarkdownEditorMixin, admin.ModelAdmin):
    # Enter in a box saves, as in any admin form (the template's hidden default button),
    # rather than pressing the first Preview button.
    change_form_template = "admin/programs/content_change_form.html"

    class Media:
        css = {"all": ["css/admin_editor.css"]}
        js = ["js/admin_editor.js"]

    def render_change_form(self, request, context, *args, **kwargs):
        context["has_markdown_editor"] = True
        return super().render_change_form(request, context, *args, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if is_preview(request):
            return type(form.__name__, (PreviewOnlyForm, form), {})
        return form

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "markdown-preview/",
                self.admin_site.admin_view(self.markdown_preview_view),
                name=f"{opts.app_label}_{opts.model_name}_markdown_preview",
            ),
            *super().get_urls(),
        ]

    def markdown_preview_view(self, request):
        """JSON {"html": …}: the posted `text` as visitors will see it. Saves nothing."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        return _preview_response(request)


@require_POST
def _preview_response(request):
    return JsonResponse({"html": editor_help(request).preview(request.POST.get("text", ""))})


class ContentEditorInline(MarkdownEditorMixin):
    """Mixed into an inline (page sections): the same editor, previewed through the
    parent's admin."""
