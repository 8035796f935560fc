from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from programs import views as programs_views

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("sitemap.xml", programs_views.sitemap, name="sitemap"),
    path("robots.txt", programs_views.robots_txt, name="robots_txt"),
    path(settings.ADMIN_PATH, admin.site.urls),
]
# English at the addresses it always had, Spanish under /es/ (the language is read from
# the path alone: iop_site/languages.py). Which pages have a Spanish version is said in
# iop_site/languages.py and programs/translation.py.
urlpatterns += i18n_patterns(
    path("", include("admissions.urls")),
    # Last: its "<slug>/" takes any first segment left.
    path("", include("programs.urls")),
    prefix_default_language=False,
)

handler400 = "iop_site.views.bad_request"
handler403 = "iop_site.views.permission_denied"
handler404 = "iop_site.views.page_not_found"
handler500 = "iop_site.views.server_error"
