import os

import pytest
from django.core.management import call_command
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer


@pytest.fixture(autouse=True, scope="session")
def collected_static(tmp_path_factory, django_test_environment):
    """Collect static files once, as `make run` does, so pages render with the
    hashed names of the manifest storage and whitenoise can serve them."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Staff logins in tests need no slow, attack-resistant hash."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def shared_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def media_root(settings, shared_media_root):
    """Uploaded pictures and their renditions go to a folder of the test run's own,
    shared by its tests so the demo pictures are drawn once (they are found by name)."""
    settings.MEDIA_ROOT = shared_media_root
    return settings.MEDIA_ROOT


def _site_application(_test_handlers):
    """The live server's application: the site's own WSGI application instead of the one
    Django's test handlers wrap (`static_handler` receives it)."""
    from iop_site.wsgi import application

    return application


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, but answered as in production: static files by
    whitenoise from the collected manifest (Django's finders know no hashed names) and
    uploads by the site's /media/ (Django's test handler would serve any file under
    MEDIA_ROOT, with none of its checks and headers)."""
    address = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    server.thread.static_handler = _site_application
    server.start()
    yield server
    server.stop()
