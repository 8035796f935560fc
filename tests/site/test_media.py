"""Uploaded images are served by the site itself at /media/ (iop_site/media.py), with
DEBUG off, through Django's default storage, and nothing else under /media/ is."""

import json
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.http import http_date
from moto.server import ThreadedMotoServer

from iop_site.settings import media_storage
from scripts.liveserver import Gunicorn, fetch, site_environment
from tests.site.test_faults import NOTHING_LISTENS
from tests.test_settings import REAL_KEY, run_settings

# Closing a streamed response ends the request, and Django then tidies its connections.
pytestmark = pytest.mark.django_db

PORT = 8331
# Served as given: the site trusts its upload cleaning, not the bytes' look.
PNG = b"\x89PNG\r\n\x1a\n" + b"calm harbor" * 50
JPEG = b"\xff\xd8\xff\xe0" + b"evening light" * 40
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"dusk" * 30

MEDIA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"
YEAR = "public, max-age=31536000, immutable"
HOUR = "public, max-age=3600"


def store(name, content):
    """Save through the default storage, as the image library does; the stored name."""
    saved = default_storage.save(name, ContentFile(content))
    assert saved == name
    return saved


@pytest.fixture
def stored_files(settings, tmp_path):
    # A folder of these tests' own: the run's shared one (tests/conftest.py) may already
    # hold a file of the same name, and the storage never overwrites.
    settings.MEDIA_ROOT = tmp_path
    store("images/harbor.png", PNG)
    store("images/team/counselor.jpg", JPEG)
    store("renditions/3f9a0c1b2d4e/harbor-800w.webp", WEBP)
    # Present in the storage, but never to be served.
    store("private/notes.png", PNG)
    store("images/page.html", b"<script>alert(1)</script>")
    store("images/drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>")
    store("images/.hidden.png", PNG)


def body_of(response):
    """The bytes of a streamed file response, which is then closed."""
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()


def assert_protected(headers):
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == MEDIA_CSP
    assert headers["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("debug", [False, True])
def test_media_image_is_served_with_its_type_and_protective_headers(
    client, stored_files, settings, debug
):
    settings.DEBUG = debug

    response = client.get("/media/images/harbor.png")

    assert response.status_code == 200
    assert body_of(response) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["Content-Length"] == str(len(PNG))
    assert response["Content-Disposition"] == 'inline; filename="harbor.png"'
    assert response["Cache-Control"] == HOUR
    assert response["Last-Modified"] == http_date(
        default_storage.get_modified_time("images/harbor.png").timestamp()
    )
    assert response["ETag"].startswith('"')
    assert_protected(response)


@pytest.mark.parametrize(
    ("path", "content_type", "body", "cache_control"),
    [
        ("/media/images/team/counselor.jpg", "image/jpeg", JPEG, HOUR),
        ("/media/renditions/3f9a0c1b2d4e/harbor-800w.webp", "image/webp", WEBP, YEAR),
    ],
)
def test_media_type_and_lifetime_follow_the_name(
    client, stored_files, path, content_type, body, cache_control
):
    response = client.get(path)

    assert response.status_code == 200
    assert body_of(response) == body
    assert response["Content-Type"] == content_type
    assert response["Cache-Control"] == cache_control


def test_media_answers_a_current_etag_with_304(client, stored_files):
    first = client.get("/media/renditions/3f9a0c1b2d4e/harbor-800w.webp")
    body_of(first)

    response = client.get(
        "/media/renditions/3f9a0c1b2d4e/harbor-800w.webp", headers={"If-None-Match": first["ETag"]}
    )

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == first["ETag"]
    assert response["Cache-Control"] == YEAR
    assert_protected(response)


def test_media_answers_a_stale_etag_with_the_file(client, stored_files):
    response = client.get("/media/images/harbor.png", headers={"If-None-Match": '"stale"'})

    assert response.status_code == 200
    assert body_of(response) == PNG


def test_media_answers_if_modified_since_with_304(client, stored_files):
    first = client.get("/media/images/harbor.png")
    body_of(first)

    response = client.get(
        "/media/images/harbor.png", headers={"If-Modified-Since": first["Last-Modified"]}
    )

    assert response.status_code == 304


def test_media_head_gives_the_headers_of_a_get_without_the_body(client, stored_files):
    got = client.get("/media/images/harbor.png")
    body_of(got)

    response = client.head("/media/images/harbor.png")

    assert response.status_code == 200
    assert response.content == b""
    for header in (
        "Content-Type",
        "Content-Length",
        "Content-Disposition",
        "ETag",
        "Cache-Control",
    ):
        assert response[header] == got[header], header
    assert_protected(response)


@pytest.mark.parametrize(
    "path",
    [
        "/media/../iop_site/settings.py",
        "/media/images/../private/notes.png",
        "/media/images/%2e%2e/private/notes.png",
        "/media/images/..%2fprivate/notes.png",
        "/media/images/%5c..%5cprivate/notes.png",
        "/media/images//harbor.png",
        "/media//images/harbor.png",
        "/media/images/./harbor.png",
        "/media/images/harbor.png%00.txt",
        "/media/images/.hidden.png",
        "/media/private/notes.png",
        "/media/images/page.html",
        "/media/images/drawing.svg",
        "/media/images/harbor",
        "/media/images/missing.png",
        "/media/images/",
        "/media/",
    ],
)
def test_media_refuses_traversal_other_folders_and_other_types(client, stored_files, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert_protected(response)


def test_media_refuses_writes(client, stored_files):
    response = client.post("/media/images/harbor.png", {"x": "y"})

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_media_touches_no_session_or_database(
    client, stored_files, django_assert_num_queries, admin_user
):
    client.force_login(admin_user)

    with django_assert_num_queries(0):
        response = client.get("/media/images/harbor.png")
        body_of(response)

    assert response.status_code == 200
    assert "Set-Cookie" not in response
    assert "Vary" not in response


def test_media_refuses_an_unknown_host(client, stored_files):
    response = client.get("/media/images/harbor.png", headers={"Host": "evil.example"})

    assert response.status_code == 400


def test_media_is_served_by_the_test_live_server(live_server, stored_files):
    with urllib.request.urlopen(f"{live_server.url}/media/images/harbor.png") as response:  # noqa: S310
        assert response.status == 200
        assert response.headers["Content-Type"] == "image/png"
        assert response.read() == PNG
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{live_server.url}/media/private/notes.png")  # noqa: S310
    refused.value.close()
    assert refused.value.code == 404


def test_media_is_served_by_gunicorn_with_debug_off(tmp_path, collected_static, settings):
    media = tmp_path / "site-media"
    settings.MEDIA_ROOT = media
    store("images/harbor.png", PNG)
    store("private/notes.png", PNG)
    env = site_environment(tmp_path, static_root=collected_static, DJANGO_MEDIA_ROOT=media)

    with Gunicorn(env, PORT, workers=1):
        status, headers, body = fetch(
            PORT, "/media/images/harbor.png", headers={"Accept-Encoding": "gzip"}
        )
        head = fetch(PORT, "/media/images/harbor.png", method="HEAD")
        revalidated = fetch(
            PORT, "/media/images/harbor.png", headers={"If-None-Match": headers["etag"]}
        )
        traversal = fetch(PORT, "/media/images/../private/notes.png")
        encoded = fetch(PORT, "/media/images/%2e%2e/private/notes.png")

    assert (status, body) == (200, PNG)
    assert headers["content-type"] == "image/png"
    assert headers["content-length"] == str(len(PNG))
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-security-policy"] == MEDIA_CSP
    assert headers["cache-control"] == HOUR
    assert "content-encoding" not in headers
    assert "set-cookie" not in headers
    assert head[0] == 200
    assert head[1]["content-length"] == str(len(PNG))
    assert head[1]["etag"] == headers["etag"]
    assert head[2] == b""
    assert revalidated[0] == 304
    assert traversal[0] == 404
    assert encoded[0] == 404


PRINT_STORAGE = """
import json, django
django.setup()
from django.core.files.storage import storages
s = storages["default"]
print(json.dumps({
    "class": type(s).__module__ + "." + type(s).__name__,
    "bucket": getattr(s, "bucket_name", None),
    "endpoint": getattr(s, "endpoint_url", None),
    "region": getattr(s, "region_name", None),
    "location": s.location,
    "overwrite": getattr(s, "file_overwrite", None),
    "access_key": getattr(s, "access_key", None),
    "url": s.url("images/calm harbor.png"),
}))
"""


def storage_from_environment(**environ):
    result = run_settings(PRINT_STORAGE, DJANGO_SECRET_KEY=REAL_KEY, **environ)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_media_storage_defaults_to_the_media_root_folder(tmp_path):
    storage = storage_from_environment(DJANGO_MEDIA_ROOT=str(tmp_path / "uploads"))

    assert storage["class"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert storage["location"] == str(tmp_path / "uploads")
    assert storage["url"] == "/media/images/calm%20harbor.png"


def test_media_storage_is_the_s3_bucket_named_in_the_environment():
    storage = storage_from_environment(
        DJANGO_MEDIA_S3_BUCKET="clinic-media",
        DJANGO_MEDIA_S3_ENDPOINT_URL="https://objects.example.invalid",
        DJANGO_MEDIA_S3_REGION="us-east-2",
        DJANGO_MEDIA_S3_PREFIX="/site/",
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="example-secret",
    )

    assert storage == {
        "class": "iop_site.storage.SiteServedS3Storage",
        "bucket": "clinic-media",
        "endpoint": "https://objects.example.invalid",
        "region": "us-east-2",
        "location": "site",
        "overwrite": False,
        "access_key": "AKIDEXAMPLE",
        # Through the site's own origin, never the bucket's.
        "url": "/media/images/calm%20harbor.png",
    }


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 stand-in on a free local port, for this module's tests."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_media(s3_endpoint, settings, monkeypatch):
    """The default storage is a fresh bucket of the S3 stand-in, configured as the
    environment would (iop_site.settings.media_storage)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = f"media-{uuid.uuid4().hex[:12]}"
    boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ).create_bucket(Bucket=bucket)
    storage = media_storage(
        {
            "DJANGO_MEDIA_S3_BUCKET": bucket,
            "DJANGO_MEDIA_S3_ENDPOINT_URL": s3_endpoint,
            "DJANGO_MEDIA_S3_REGION": "us-east-1",
        }
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    return bucket


def test_media_stored_in_s3_is_served_through_the_site(client, s3_media, settings, tmp_path):
    # An empty folder of this test's own, to show nothing is written to the local disk.
    media_root = settings.MEDIA_ROOT = tmp_path / "media"
    name = default_storage.save("images/harbor.png", ContentFile(PNG))

    response = client.get(default_storage.url(name))
    revalidated = client.get(default_storage.url(name), headers={"If-None-Match": response["ETag"]})
    head = client.head(default_storage.url(name))

    assert default_storage.url(name) == "/media/images/harbor.png"
    assert response.status_code == 200
    assert body_of(response) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["Content-Length"] == str(len(PNG))
    assert revalidated.status_code == 304
    assert (head.status_code, head["Content-Length"]) == (200, str(len(PNG)))
    assert not media_root.exists() or not any(media_root.iterdir())


def test_media_in_s3_keeps_both_files_of_one_name(s3_media):
    first = default_storage.save("images/harbor.png", ContentFile(PNG))
    second = default_storage.save("images/harbor.png", ContentFile(JPEG))

    assert first == "images/harbor.png"
    assert second != first
    with default_storage.open(first) as stored:
        assert stored.read() == PNG


def test_media_missing_from_s3_is_404(client, s3_media):
    response = client.get("/media/images/missing.png")

    assert response.status_code == 404


def test_media_answers_503_when_the_bucket_cannot_be_reached(client, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(
            {
                "DJANGO_MEDIA_S3_BUCKET": "unreachable",
                "DJANGO_MEDIA_S3_ENDPOINT_URL": f"http://{NOTHING_LISTENS}",
                "DJANGO_MEDIA_S3_REGION": "us-east-1",
            }
        ),
    }

    response = client.get("/media/images/harbor.png")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert_protected(response)
