"""Scale-out check: two app servers sharing one PostgreSQL and one cache.

Usage: `.venv/bin/python scripts/scaleout.py` (CI runs it). Environment:
SCALEOUT_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/iop_scaleout; the
database is created anew), REDIS_URL (default redis://127.0.0.1:6379/0; set it to ""
to share the database cache instead).

It starts two gunicorn instances on different ports and shows, exiting non-zero on
any failure:
1. concurrent inquiries sent to both are each stored exactly once;
2. the per-client limit is counted across both, race-free: SAME_ADDRESS simultaneous
   inquiries from one client, alternating servers, are all stored and exactly those
   over the limit are held for review;
3. a content edit made in the admin of one is visible through the other on the next
   request (the page cache is shared and invalidated on save);
4. a picture uploaded through the admin of one (a multipart POST of the image library's
   add form, logged in, with its CSRF token) is served by the other at /media/: its
   clean copy and every rendition (each has its own MEDIA_ROOT; both share an S3
   stand-in, moto's server on a free local port).
"""

import io
import logging
import os
import re
import sys
import tempfile
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import boto3
import dj_database_url
import psycopg
from moto.server import ThreadedMotoServer
from PIL import Image as PillowImage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.liveserver import (
    Browser,
    Gunicorn,
    fetch,
    get,
    manage,
    prepare,
    read_form,
    site_environment,
    submit_inquiry,
    valid_inquiry,
)

DATABASE_URL = os.environ.get(
    "SCALEOUT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/iop_scaleout"
)
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
PORTS = (8321, 8322)
CONCURRENT = 40
RATE_LIMIT = 5
SAME_ADDRESS = 20
EDITED_PAGE = "what-is-iop"
ADMIN_USER, ADMIN_PASSWORD = "scaleout-admin", "scale-out check " + uuid.uuid4().hex


def recreate_database(url):
    config = dj_database_url.parse(url)
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        name = psycopg.sql.Identifier(config["NAME"])
        connection.execute(psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(name))


def stored_names(url):
    with psycopg.connect(url) as connection:
        rows = connection.execute("SELECT first_name FROM admissions_inquiry").fetchall()
    return Counter(name for (name,) in rows)


def held_names(url):
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT first_name FROM admissions_inquiry WHERE held_for_review"
        ).fetchall()
    return [name for (name,) in rows]


def start_s3_stand_in():
    """moto's S3 server on a free local port, with an empty bucket; (server, env)."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's request log
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    credentials = {"AWS_ACCESS_KEY_ID": "scaleout", "AWS_SECRET_ACCESS_KEY": "scaleout"}
    bucket = f"scaleout-{uuid.uuid4().hex[:8]}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=credentials["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=credentials["AWS_SECRET_ACCESS_KEY"],
    ).create_bucket(Bucket=bucket)
    return server, {
        "DJANGO_MEDIA_S3_BUCKET": bucket,
        "DJANGO_MEDIA_S3_ENDPOINT_URL": endpoint,
        "DJANGO_MEDIA_S3_REGION": "us-east-1",
        **credentials,
    }


UPLOAD_SIZE = (1000, 600)
IMAGES_ADMIN = "/admin/programs/image/"


def picture_upload():
    """A JPEG as a phone writes it (a GPS position in its EXIF), UPLOAD_SIZE pixels."""
    picture = PillowImage.new("RGB", UPLOAD_SIZE, (47, 111, 115))
    exif = picture.getexif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8825)[1] = "N"
    output = io.BytesIO()
    picture.save(output, "JPEG", exif=exif)
    return output.getvalue()


def upload_picture(editor):
    """Upload a picture through the image library's add form in `editor`'s admin;
    (status of the POST, the clean copy's /media/ address, [(rendition address,
    width)] as the admin's preview of it names them)."""
    title = f"Scale-out {uuid.uuid4().hex[:8]}"
    _status, _location, form_page = editor.request("GET", f"{IMAGES_ADMIN}add/")
    fields = [
        (n, v) for n, v in read_form(form_page, "image_form") if n not in ("title", "alt_text")
    ]
    fields += [("title", title), ("alt_text", "A test picture uploaded through server A.")]
    status, _location, _page = editor.request(
        "POST",
        f"{IMAGES_ADMIN}add/",
        fields,
        files={"file": ("scale-out.jpg", "image/jpeg", picture_upload())},
    )
    _status, _location, listing = editor.request("GET", f"{IMAGES_ADMIN}?q={quote(title)}")
    found = re.search(rf'href="({IMAGES_ADMIN}\d+/change/)', listing)
    if not found:
        return status, "", []
    _status, _location, change_page = editor.request("GET", found.group(1))
    original = re.search(r'href="(/media/images/[^"]+)"', change_page)
    candidates = {
        (url, int(width.removesuffix("w")))
        for srcset in re.findall(r'srcset="([^"]+)"', change_page)
        for url, width in (candidate.split() for candidate in srcset.split(", "))
    }
    return status, original.group(1) if original else "", sorted(candidates)


def opened(content):
    """The picture in `content`, or None if it is not one."""
    try:
        picture = PillowImage.open(io.BytesIO(content))
        picture.load()
    except (OSError, SyntaxError, ValueError):
        return None
    return picture


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message, flush=True)
    return condition


def main():
    recreate_database(DATABASE_URL)
    workdir = Path(tempfile.mkdtemp(prefix="iop-scaleout-"))
    s3_server, s3_env = start_s3_stand_in()
    env = site_environment(
        workdir,
        database_url=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"scaleout-{uuid.uuid4().hex[:8]}",
        # The check plays many clients from one machine: each says who it is in
        # X-Forwarded-For, which the site trusts only behind a proxy.
        DJANGO_BEHIND_PROXY="true",
        ADMISSIONS_RATE_LIMIT=RATE_LIMIT,
        ADMISSIONS_MIN_FILL_SECONDS=0,
        **s3_env,
    )
    # Each server has a media folder of its own, which must stay empty: uploads go to
    # the shared bucket.
    media_roots = [workdir / "media-a", workdir / "media-b"]
    env_a = {**env, "DJANGO_MEDIA_ROOT": str(media_roots[0])}
    env_b = {**env, "DJANGO_MEDIA_ROOT": str(media_roots[1])}
    prepare(env)
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
        "createsuperuser",
        "--noinput",
        f"--username={ADMIN_USER}",
        "--email=scaleout@example.invalid",
    )
    cache_name = REDIS_URL or "the database cache"
    print(
        f"Two servers on ports {PORTS}, sharing {DATABASE_URL}, {cache_name} and the S3 "
        f"stand-in at {s3_env['DJANGO_MEDIA_S3_ENDPOINT_URL']}"
    )
    results = []
    with Gunicorn(env_a, PORTS[0]), Gunicorn(env_b, PORTS[1]):
        # 1. Concurrent inquiries to both servers, each from its own client address.
        names = [f"Scale {number}" for number in range(CONCURRENT)]

        def send(number):
            headers = {"X-Forwarded-For": f"192.0.2.{number + 1}"}
            return submit_inquiry(PORTS[number % 2], valid_inquiry(names[number]), headers)

        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(send, range(CONCURRENT)))
        accepted = sum(1 for _status, reference in statuses if reference)
        results.append(
            check(accepted == CONCURRENT, f"{accepted}/{CONCURRENT} concurrent inquiries accepted")
        )
        stored = stored_names(DATABASE_URL)
        once = sum(1 for name in names if stored[name] == 1)
        results.append(check(once == CONCURRENT, f"{once}/{CONCURRENT} stored exactly once"))

        # 2. One client sends SAME_ADDRESS inquiries at once, alternating between the
        # servers: all are stored, and exactly those over the shared limit are held.
        one_client = {"X-Forwarded-For": "198.51.100.7"}
        limited = [f"Limited {n}" for n in range(SAME_ADDRESS)]

        def send_limited(number):
            return submit_inquiry(PORTS[number % 2], valid_inquiry(limited[number]), one_client)

        with ThreadPoolExecutor(max_workers=SAME_ADDRESS) as pool:
            confirmed = sum(
                1 for _status, ref in pool.map(send_limited, range(SAME_ADDRESS)) if ref
            )
        held = held_names(DATABASE_URL)
        results.append(
            check(
                confirmed == SAME_ADDRESS,
                f"{confirmed}/{SAME_ADDRESS} simultaneous inquiries from one address confirmed",
            )
        )
        results.append(
            check(
                len(held) == SAME_ADDRESS - RATE_LIMIT and set(held) <= set(limited),
                f"{len(held)} held for review across both servers "
                f"(expected {SAME_ADDRESS - RATE_LIMIT})",
            )
        )

        # 3. An edit in the admin of server A shows on server B at the next request.
        path = f"/{EDITED_PAGE}/"
        before = get(PORTS[1], path)
        editor = Browser(PORTS[0])
        editor.log_in(ADMIN_USER, ADMIN_PASSWORD)
        _status, _location, listing = editor.request(
            "GET", f"/admin/programs/page/?q={EDITED_PAGE}"
        )
        change_path = re.search(r'href="(/admin/programs/page/\d+/change/)', listing).group(1)
        marker = f"Edited on server A {uuid.uuid4().hex[:8]}"
        _status, _location, form_page = editor.request("GET", change_path)
        fields = read_form(form_page, "page_form")
        # The English text: the form has one box per language (programs/translation.py).
        body = next(value for name, value in fields if name == "body_en")
        edited = [(name, value) for name, value in fields if name != "body_en"]
        edited += [("body_en", f"{body}\n\n{marker}\n"), ("_publish", "Publish now")]
        status, _location, _page = editor.request("POST", change_path, edited)
        after = get(PORTS[1], path)
        results.append(
            check(before[0] == 200 and marker not in before[1], "page served by B before the edit")
        )
        results.append(check(status == 302, f"edit saved through A (HTTP {status})"))
        results.append(check(marker in after[1], "the edit made through A is visible through B"))

        # 4. A picture uploaded in the admin of A (a multipart POST of its add form, with
        # the session and CSRF token, as a browser sends it) is served by B from the
        # shared bucket: its clean copy and every rendition A made when it was saved.
        status, original, candidates = upload_picture(editor)
        results.append(check(status == 302, f"picture uploaded through A's admin (HTTP {status})"))
        served = fetch(PORTS[1], original)
        cleaned = opened(served[2])
        results.append(
            check(
                served[0] == 200
                and served[1].get("content-type") == "image/jpeg"
                and cleaned is not None
                and cleaned.size == UPLOAD_SIZE
                and not cleaned.getexif(),
                f"its clean copy is served by B at {original} (HTTP {served[0]}, "
                f"{cleaned.size if cleaned else 'not a picture'})",
            )
        )
        widest = max(candidates, key=lambda candidate: candidate[1], default=("", 0))
        results.append(
            check(
                widest[1] == UPLOAD_SIZE[0],
                f"A names {len(candidates)} renditions, the widest {widest[1]} pixels "
                f"(the picture's own {UPLOAD_SIZE[0]})",
            )
        )
        for url, width in candidates:
            status, headers, content = fetch(PORTS[1], url)
            rendition = opened(content)
            results.append(
                check(
                    status == 200
                    and headers.get("content-type", "").startswith("image/")
                    and rendition is not None
                    and rendition.width == width,
                    f"rendition {width}w served by B at {url} (HTTP {status})",
                )
            )
        revalidated = fetch(
            PORTS[0], original, headers={"If-None-Match": served[1].get("etag", "")}
        )
        results.append(
            check(revalidated[0] == 304, f"B's ETag is current on A (HTTP {revalidated[0]})")
        )
        stray = [str(path) for root in media_roots if root.exists() for path in root.rglob("*")]
        results.append(
            check(not stray, f"nothing written to the servers' own media folders {stray}")
        )

    s3_server.stop()

    if not all(results):
        sys.exit(f"Scale-out check failed; server logs are in {workdir}")
    print("Scale-out check passed.")


if __name__ == "__main__":
    main()
