"""Old addresses keep working: a page or article whose address changes leaves a
permanent redirect behind, and a request that would be a 404 follows it.

Each language has its own address (/what-is-iop/, /es/que-es-un-iop/; an item without
a Spanish one is at its English one under /es/), and each is followed on its own: a
change of the English address moves the English page (and the Spanish one, when it
has no address of its own), a change of the Spanish address moves the Spanish page.

The redirect is made when the saved row's address in a language actually changes,
whoever saves it (the admin form, publishing a draft, a shell), by the pre_save/
post_save receivers below, connected in apps.py. The lookup runs only for a 404 (a
published page always wins over a redirect from its address), after the page cache
(which stores only 200s), and costs one query on an indexed column.
"""

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control

from .models import Article, Page, Redirect
from .models.base import columns_of

# How long a browser may keep a redirect. Without a limit browsers keep a 301 for good,
# and a page moved back to its old address would loop in them.
REDIRECT_MAX_AGE = 60 * 60

# The model's route with the old slug: the home page is shown at "/" whatever its slug,
# but its slug address led there too.
ROUTES = {Page: "programs:page", Article: "programs:article"}


def slugs_by_language(model, values):
    """{language: the slug of the item's address in it} from `values` ({column:
    value}): a language's own slug, or the English one when it has none."""
    default = settings.LANGUAGE_CODE
    columns = dict(columns_of(model, "slug"))
    english = values[columns[default]]
    return {
        code: (values[columns[code]] or english) if code in columns else english
        for code, _name in settings.LANGUAGES
    }


def remember_old_address(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: note the addresses the row had, in each language whose address is
    being saved and changes. One query."""
    instance._addresses_before = None
    if raw or instance.pk is None:
        return
    columns = [column for _code, column in columns_of(sender, "slug")]
    if update_fields is not None and not {"slug", *columns} & set(update_fields):
        return
    before = sender.objects.filter(pk=instance.pk).values(*columns, "status").first()
    if before is None:
        return
    old = slugs_by_language(sender, before)
    new = slugs_by_language(sender, {column: getattr(instance, column) for column in columns})
    moved = {}
    for code, slug in old.items():
        if slug != new[code]:
            with translation.override(code):
                moved[code] = reverse(ROUTES[sender], kwargs={"slug": slug})
    if moved:
        instance._addresses_before = (moved, before["status"] == sender.Status.PUBLISHED)


def redirect_old_address(sender, instance, raw=False, **kwargs):
    """post_save: in each language whose address changed, the old address redirects to
    the new one if the row was published there; redirects to the old address are
    pointed at the new one; a redirect away from the new address is deleted. Writes
    Redirect rows."""
    moved = getattr(instance, "_addresses_before", None)
    if raw or moved is None:
        return
    old_paths, was_published = moved
    instance._addresses_before = None
    for code, old_path in old_paths.items():
        with translation.override(code):
            new_path = instance.get_absolute_url()
        Redirect.objects.record_move(old_path, new_path, keep_old=was_published)


class RedirectFallbackMiddleware:
    """Answer a GET or HEAD that found nothing (404) with the redirect from its address,
    keeping the query string (campaign links keep their utm_ values)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        path = request.path_info
        if len(path) > Redirect._meta.get_field("old_path").max_length:
            return response
        try:
            new_path = (
                Redirect.objects.filter(old_path=path).values_list("new_path", flat=True).first()
            )
        except DatabaseError:
            # The page was not found anyway: say so rather than fail.
            return response
        if new_path is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        redirect = HttpResponsePermanentRedirect(f"{new_path}?{query}" if query else new_path)
        patch_cache_control(redirect, max_age=REDIRECT_MAX_AGE)
        return redirect
