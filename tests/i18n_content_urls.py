"""The site's URLconf with its content pages under /es/ as well, as they will be once
their content is translated (tests/test_languages.py)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from iop_site.urls import handler404, handler500
from iop_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns[:-1],
    *i18n_patterns(path("", include("programs.urls")), prefix_default_language=False),
]
__all__ = ["handler404", "handler500", "urlpatterns"]
