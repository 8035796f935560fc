"""WSGI entry point, served by gunicorn (see iop_site/gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iop_site.settings")

application = get_wsgi_application()
