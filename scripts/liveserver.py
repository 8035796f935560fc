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
import time
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))

HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def site_environment(workdir, database_url=None, **overrides):
    """The environment of a production-like site whose files live in `workdir`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "ADMISSIONS_", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="iop_site.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="liveserver-" + "k" * 60,
        DJANGO_STATIC_ROOT=str(Path(workdir) / "static"),
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


def prepare(env, demo_content=True):
    """migrate, the cache table, static files and (by default) the demo content."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v0")
    if demo_content:
        manage(env, "load_demo_content")


class Gunicorn:
    """gunicorn with the project's config file on HOST:port; a context manager."""

    def __init__(self, env, port, workers=2, log_path=None):
        self.port = port
        self.env = {**env, "GUNICORN_BIND": f"{HOST}:{port}", "GUNICORN_WORKERS": str(workers)}
        self.log_path = Path(
            log_path or Path(env["DJANGO_STATIC_ROOT"]).parent / f"gunicorn-{port}.log"
        )
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


def submit_inquiry(port, fields, headers=None, connection=None):
    """GET the form, then POST it with `fields` the way a browser would (cookies, CSRF
    token, hidden fields). Returns (status of the POST, its Location header)."""
    own_connection = connection is None
    connection = connection or http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", "/contact/", headers=headers or {})
        response = connection.getresponse()
        page = response.read().decode()
        cookies = [
            value.split(";", 1)[0]
            for name, value in response.getheaders()
            if name.lower() == "set-cookie"
        ]
        form = dict(HIDDEN_INPUT.findall(page))
        form.update(fields)
        connection.request(
            "POST",
            "/contact/",
            body=urlencode(form),
            headers={
                **(headers or {}),
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "; ".join(cookies),
                "Referer": f"http://{HOST}:{port}/contact/",
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location", "")
    finally:
        if own_connection:
            connection.close()
