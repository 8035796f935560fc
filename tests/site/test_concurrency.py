"""SQLite, the embedded default, under concurrent submissions through gunicorn.

WAL mode, IMMEDIATE transactions and a busy timeout (settings.py) must let several
workers write at once without "database is locked": every inquiry accepted is stored
exactly once, and the per-address count is race-free (admissions/limits.py).
"""

import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from scripts.liveserver import Gunicorn, prepare, site_environment, submit_inquiry, valid_inquiry

SUBMISSIONS = 50
SAME_ADDRESS, LIMIT = 20, 5
PORT = 8311


@pytest.fixture
def sqlite_site(tmp_path, collected_static):
    env = site_environment(
        tmp_path,
        static_root=collected_static,
        ADMISSIONS_RATE_LIMIT=LIMIT,
        ADMISSIONS_MIN_FILL_SECONDS=0,
        # Each client says who it is in X-Forwarded-For, trusted only behind a proxy.
        DJANGO_BEHIND_PROXY="true",
    )
    prepare(env, demo_content=False, collect_static=False)
    with Gunicorn(env, PORT, workers=3):
        yield tmp_path / "site.sqlite3"


def stored(database_file, query):
    database = sqlite3.connect(database_file)
    try:
        return [row[0] for row in database.execute(query)]
    finally:
        database.close()


def send_all(names, address_of):
    def send(number):
        headers = {"X-Forwarded-For": address_of(number)}
        return submit_inquiry(PORT, valid_inquiry(names[number]), headers)

    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        return list(pool.map(send, range(len(names))))


def test_concurrent_inquiries_on_sqlite_are_each_stored_once(sqlite_site):
    names = [f"Concurrent {number}" for number in range(SUBMISSIONS)]

    results = send_all(names, lambda number: f"192.0.2.{number + 1}")

    assert [status for status, _reference in results] == [200] * SUBMISSIONS
    assert all(reference for _status, reference in results)
    assert Counter(stored(sqlite_site, "SELECT first_name FROM admissions_inquiry")) == Counter(
        names
    )
    assert stored(sqlite_site, "PRAGMA journal_mode") == ["wal"]


def test_simultaneous_posts_from_one_address_are_all_stored_and_the_excess_held(sqlite_site):
    names = [f"Same address {number}" for number in range(SAME_ADDRESS)]

    results = send_all(names, lambda number: "198.51.100.7")

    assert all(reference for _status, reference in results)
    assert sorted(stored(sqlite_site, "SELECT first_name FROM admissions_inquiry")) == sorted(names)
    held = stored(sqlite_site, "SELECT first_name FROM admissions_inquiry WHERE held_for_review")
    assert len(held) == SAME_ADDRESS - LIMIT
