"""SQLite, the embedded default, under concurrent submissions through gunicorn.

WAL mode, IMMEDIATE transactions and a busy timeout (settings.py) must let several
workers write at once without "database is locked": every inquiry accepted is stored
exactly once.
"""

import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from scripts.liveserver import Gunicorn, prepare, site_environment, submit_inquiry, valid_inquiry

SUBMISSIONS = 50
PORT = 8311


@pytest.fixture
def sqlite_site(tmp_path, collected_static):
    env = site_environment(
        tmp_path,
        static_root=collected_static,
        ADMISSIONS_RATE_LIMIT=1000,
        ADMISSIONS_MIN_FILL_SECONDS=0,
    )
    prepare(env, demo_content=False, collect_static=False)
    with Gunicorn(env, PORT, workers=3):
        yield tmp_path / "site.sqlite3"


def test_concurrent_inquiries_on_sqlite_are_each_stored_once(sqlite_site):
    names = [f"Concurrent {number}" for number in range(SUBMISSIONS)]

    with ThreadPoolExecutor(max_workers=SUBMISSIONS) as pool:
        results = list(pool.map(lambda name: submit_inquiry(PORT, valid_inquiry(name)), names))

    database = sqlite3.connect(sqlite_site)
    stored = Counter(
        name for (name,) in database.execute("SELECT first_name FROM admissions_inquiry")
    )
    journal_mode = database.execute("PRAGMA journal_mode").fetchone()[0]
    database.close()
    assert results == [(302, "/contact/thanks/")] * SUBMISSIONS
    assert stored == Counter(names)
    assert journal_mode == "wal"
