"""The WSGI entry point gunicorn serves, called as gunicorn calls it."""

import io

import pytest
from django.core.signals import request_started
from django.db import close_old_connections

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: a request must not close the test's database
    connection (it holds the test's transaction)."""
    request_started.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)


def call(method, path, query="", content_type="", body=b""):
    # Imported here: whitenoise reads STATIC_ROOT when the application is made, which
    # the suite points at its collected files only once the session starts.
    from iop_site.wsgi import application

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.9",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    statuses = []
    chunks = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(chunks)
    return int(statuses[0].split()[0])


@pytest.mark.parametrize("charset", ["zlib", "base64", "punycode", "undefined", "idna", "x\x00"])
def test_unusable_charset_on_a_page_with_a_query_is_not_a_500(charset):
    status = call("GET", "/contact/", "utm_source=x", f"text/plain; charset={charset}")

    assert status == 200


@pytest.mark.parametrize("charset", ["zlib", "undefined"])
def test_unusable_charset_on_a_form_post_is_not_a_500(charset):
    status = call(
        "POST",
        "/contact/",
        content_type=f"multipart/form-data; boundary=x; charset={charset}",
        body=b"--x--\r\n",
    )

    assert status == 200


def test_usable_charset_is_kept():
    status = call("GET", "/contact/", "utm_source=caf%E9", "text/plain; charset=latin-1")

    assert status == 200
