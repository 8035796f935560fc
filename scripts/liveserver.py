"""Run the site as production does (gunicorn, DEBUG off) and talk to it over HTTP.

Shared by the concurrency test, the scale-out check (scripts/scaleout.py) and the
benchmark (scripts/bench.py). Servers only ever listen on 127.0.0.1.
"""

import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def site_environment(workdir, database_url=None, static_root=None, **overrides):
    """The environment of a production-like site whose files live in `workdir`
    (static files too, unless `static_root` names a folder already collected)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "ADMISSIONS_", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="iop_site.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="liveserver-" + "k" * 60,
        DJANGO_STATIC_ROOT=str(static_root or Path(workdir) / "static"),
        DATABASE_URL=database_url or f"sqlite:///{Path(workdir) / 'site.sqlite3'}",
        ADMISSIONS_NOTIFY_EMAILS="",
        LOG_LEVEL="WARNING",
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args):
    subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, timeout=300
    )


def prepare(env, demo_content=True, collect_static=True):
    """migrate, the cache table, static files and the demo content (each by default)."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    if collect_static:
        manage(env, "collectstatic", "--noinput", "-v0")
    if demo_content:
        manage(env, "load_demo_content")


class Gunicorn:
    """gunicorn with the project's config file on HOST:port; a context manager."""

    def __init__(self, env, port, workers=2, log_path=None):
        self.port = port
        self.env = {**env, "GUNICORN_BIND": f"{HOST}:{port}", "GUNICORN_WORKERS": str(workers)}
        self.log_path = Path(log_path or Path(tempfile.gettempdir()) / f"iop-gunicorn-{port}.log")
        self.process = None

    def __enter__(self):
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603 - the venv's gunicorn, fixed arguments
            [GUNICORN, "--config", "iop_site/gunicorn.conf.py", "iop_site.wsgi:application"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not start on port {self.port}; see {self.log_path}")

    def __exit__(self, *exc_info):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def get(port, path, headers=None):
    """(status, body) of a GET."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def fetch(port, path, method="GET", headers=None):
    """(status, headers with lower-case names, body bytes) of a request sent as given,
    the path unnormalized."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        found = {name.lower(): value for name, value in response.getheaders()}
        return response.status, found, response.read()
    finally:
        connection.close()


def valid_inquiry(name, **overrides):
    """Form fields of a valid inquiry from someone called `name`."""
    return {
        "inquiry_for": "myself",
        "first_name": name,
        "phone": "202-555-0143",
        "email": "",
        "contact_method": "call",
        "best_time": "evening",
        "voicemail_ok": "no",
        "texts_ok": "no",
        "program_interest": "evening",
        "heard_about": "",
        "message": "",
        "consent": "on",
        **overrides,
    }


def submit_inquiry(port, fields, headers=None):
    """GET the inquiry form, then POST it with `fields` changed, the way a browser would
    (cookies, hidden fields). Returns (status of the POST, the reference its confirmation
    shows, or None when it is not a confirmation)."""
    status, _location, page = Browser(port, headers).submit("/contact/", "inquiry-form", fields)
    return status, reference_shown(page)


def reference_shown(page):
    """The reference an inquiry's confirmation page shows, or None."""
    found = re.search(r'<strong class="reference-code">(\w+)</strong>', page)
    return found and found.group(1)


class FormReader(HTMLParser):
    """The fields a browser would send for the form with id `form_id`: inputs (checked
    boxes only), textareas and selected options."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.fields = []
        self._in_form = self._done = False
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and not self._done and attributes.get("id") == self.form_id:
            self._in_form = True
        if not self._in_form or (not attributes.get("name") and tag != "option"):
            return
        if tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            self.fields.append([attributes["name"], attributes.get("value") or ""])
        elif tag == "textarea":
            self._textarea = [attributes["name"], ""]
            self.fields.append(self._textarea)
        elif tag == "select":
            self._select = attributes["name"]
        elif tag == "option" and self._select and "selected" in attributes:
            self.fields.append([self._select, attributes.get("value", "")])

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self._textarea and self._textarea[1].startswith("\n"):
                self._textarea[1] = self._textarea[1][1:]
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


def read_form(html, form_id):
    reader = FormReader(form_id)
    reader.feed(html)
    return [tuple(field) for field in reader.fields]


def filled_form(html, form_id, changes):
    """The (name, value) pairs a browser sends for the form `form_id` in `html` once the
    fields in `changes` are set."""
    fields = [(name, value) for name, value in read_form(html, form_id) if name not in changes]
    return fields + list(changes.items())


def multipart(fields, files):
    """(body bytes, Content-Type) of a multipart/form-data form: `fields` as (name,
    value) pairs, `files` as {name: (filename, content type, bytes)}."""
    boundary = f"----scaleout{uuid.uuid4().hex}"
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, (filename, content_type, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


class Browser:
    """A cookie-keeping HTTP client for one server: enough to log into the admin and
    send its forms. Not a real browser: the journeys in tests/browser use Chromium."""

    def __init__(self, port, headers=None):
        self.port = port
        self.headers = headers or {}
        self.cookies = {}

    def request(self, method, path, fields=None, files=None):
        """(status, Location, body text). `fields` are (name, value) pairs sent as a
        form; with `files`, {name: (filename, content type, bytes)}, as a multipart
        form, the way a browser sends a file input."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        headers = {**self.headers, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if files:
            body, headers["Content-Type"] = multipart(fields or [], files)
        elif fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if body is not None:
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location", ""), response.read().decode()
        finally:
            connection.close()

    def submit(self, path, form_id, changes):
        """GET the page at `path`, change some fields of its form `form_id`, POST it."""
        _status, _location, page = self.request("GET", path)
        return self.request("POST", path, filled_form(page, form_id, changes))

    def log_in(self, username, password, admin_path="/admin/"):
        status, _location, _page = self.submit(
            f"{admin_path}login/?next={admin_path}",
            "login-form",
            {"username": username, "password": password, "next": admin_path},
        )
        if status != 302:
            raise RuntimeError(f"Could not log in as {username} (HTTP {status}).")
