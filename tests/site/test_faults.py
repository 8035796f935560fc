"""Faults a real deployment meets: the database or the cache goes away.

Each runs the site in a fresh interpreter pointed at a port where nothing listens,
so the failure is a real refused connection, not a mock.
"""

import json
import subprocess
import sys

from scripts.liveserver import BASE_DIR, manage, site_environment

NOTHING_LISTENS = "127.0.0.1:9"

GET_PAGES = """
import json, sys, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
out = {}
for path in sys.argv[1:]:
    response = client.get(path)
    out[path] = {
        "status": response.status_code,
        "body": response.content.decode(),
        "retry_after": response.get("Retry-After"),
    }
print(json.dumps(out))
"""


def get_pages(env, paths):
    """Ask a freshly started site (the test client, in its own interpreter) for `paths`."""
    result = subprocess.run(  # noqa: S603 - a fixed interpreter and script
        [sys.executable, "-c", GET_PAGES, *paths],
        cwd=BASE_DIR,
        env={**env, "DJANGO_ALLOWED_HOSTS": "testserver", "LOG_LEVEL": "CRITICAL"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # The last line is the script's; log lines (JSON, on stdout) come before it.
    return json.loads(result.stdout.splitlines()[-1])


def test_database_down_gives_503_page_with_phone_and_crisis_lines(collected_static, tmp_path):
    env = site_environment(
        tmp_path,
        database_url=f"postgres://postgres@{NOTHING_LISTENS}/iop",
        static_root=collected_static,
    )

    pages = get_pages(env, ["/", "/contact/", "/readyz"])

    for path in ("/", "/contact/"):
        page = pages[path]
        assert page["status"] == 503, path
        assert page["retry_after"] == "30"
        assert "The site is briefly unavailable" in page["body"]
        assert 'href="tel:+15550100199"' in page["body"]
        assert 'href="tel:988"' in page["body"]
        assert 'href="tel:911"' in page["body"]
        assert "Traceback" not in page["body"]
        assert "OperationalError" not in page["body"]
    assert pages["/readyz"]["status"] == 503
    assert json.loads(pages["/readyz"]["body"])["database"] == "unavailable"


def test_cache_down_keeps_the_site_serving(collected_static, tmp_path):
    env = site_environment(tmp_path, static_root=collected_static)
    manage(env, "migrate", "--noinput", "-v0")

    pages = get_pages({**env, "REDIS_URL": f"redis://{NOTHING_LISTENS}/0"}, ["/", "/readyz"])

    assert pages["/"]["status"] == 200
    assert "Harbor Light Recovery" in pages["/"]["body"]
    assert pages["/readyz"]["status"] == 503
    assert json.loads(pages["/readyz"]["body"])["cache"] == "unavailable"
