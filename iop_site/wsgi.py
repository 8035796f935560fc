"""WSGI entry point, served by gunicorn (see iop_site/gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iop_site.settings")

# A sample of what a query string or form body decodes: percent-escapes, UTF-8 and a
# stray byte.
SAMPLE = b"a=%C3%A9\xc3\xa9\xff"


def decodes_text(parameter):
    """False for a `charset=` parameter naming no usable text encoding."""
    name, _, value = parameter.partition("=")
    if name.strip().lower() != "charset":
        return True
    try:
        SAMPLE.decode(value.strip().strip('"'), "replace")
    except (LookupError, UnicodeError, TypeError, ValueError):
        return False
    return True


def without_unusable_charset(app):
    """Drop a Content-Type charset that cannot decode text (zlib, base64, idna,
    "undefined"...): Django would fail on it while reading the request, before any
    middleware could answer, and the visitor would get a bare 500. Without it, the
    request is read as UTF-8, Django's default."""

    def application(environ, start_response):
        main, *parameters = environ.get("CONTENT_TYPE", "").split(";")
        kept = [parameter for parameter in parameters if decodes_text(parameter)]
        if len(kept) != len(parameters):
            environ["CONTENT_TYPE"] = ";".join([main, *kept])
        return app(environ, start_response)

    return application


application = without_unusable_charset(get_wsgi_application())
