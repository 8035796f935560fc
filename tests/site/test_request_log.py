"""The request log: one JSON line per request, with an id and without query strings."""

import datetime
import hashlib
import json
import logging

import pytest
from django.test import RequestFactory
from django.utils import timezone

from iop_site.log import JsonFormatter
from iop_site.middleware import client_tag

pytestmark = pytest.mark.django_db


def request_records(caplog):
    return [record for record in caplog.records if record.name == "iop_site.requests"]


def request_lines(caplog):
    return [json.loads(JsonFormatter().format(record)) for record in request_records(caplog)]


def test_request_log_has_one_line_without_query_string(client, caplog):
    caplog.set_level(logging.INFO, logger="iop_site.requests")

    response = client.get("/?utm_source=newsletter&email=someone%40example.com")

    [record] = request_records(caplog)
    line = json.loads(JsonFormatter().format(record))
    assert line["method"] == "GET"
    assert line["path"] == "/"
    assert line["status"] == 200
    assert line["request_id"] == response["X-Request-ID"]
    assert isinstance(line["duration_ms"], float)
    assert "newsletter" not in json.dumps(line)
    assert "example.com" not in json.dumps(line)


def test_request_log_keeps_a_proxy_request_id_only_when_it_looks_like_one(client, caplog):
    caplog.set_level(logging.INFO, logger="iop_site.requests")

    kept = client.get("/", headers={"X-Request-ID": "lb-1234abcd"})
    replaced = client.get("/", headers={"X-Request-ID": "<script>alert(1)</script>"})

    assert kept["X-Request-ID"] == "lb-1234abcd"
    assert len(replaced["X-Request-ID"]) == 32
    assert "<" not in replaced["X-Request-ID"]


def test_request_log_skips_health_probes(client, caplog):
    caplog.set_level(logging.INFO, logger="iop_site.requests")

    client.get("/healthz")

    assert request_records(caplog) == []


def test_server_error_shows_request_id_and_logs_no_exception_message(client, settings, caplog):
    settings.ROOT_URLCONF = "tests.broken_urls"
    client.raise_request_exception = False
    caplog.set_level(logging.INFO)

    response = client.get("/boom/")

    html = response.content.decode()
    assert response.status_code == 500
    assert response["X-Request-ID"] in html
    lines = [JsonFormatter().format(record) for record in caplog.records]
    error = json.loads(next(line for line in lines if "Internal Server Error" in line))
    assert error["exception"] == "builtins.RuntimeError"
    assert any("broken" in frame for frame in error["stack"])
    assert all("hunter2" not in line for line in lines)


def test_request_log_tags_the_client_by_the_hop_the_proxy_appended(client, settings, caplog):
    settings.BEHIND_PROXY = True
    caplog.set_level(logging.INFO, logger="iop_site.requests")

    client.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    # The same browser through the other proxy, claiming to be someone else.
    client.get("/", REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")
    client.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")

    first, same_browser, other = request_lines(caplog)
    assert first["client"] == same_browser["client"]
    assert first["client"] != other["client"]
    assert len(first["client"]) == 16
    for address in ("198.51.100.7", "203.0.113.9", "192.0.2.1", "10.0.0.2"):
        assert address not in json.dumps([first, same_browser, other])


def test_request_log_tag_never_trusts_a_forwarded_header_without_proxy(client, settings, caplog):
    settings.BEHIND_PROXY = False
    caplog.set_level(logging.INFO, logger="iop_site.requests")

    client.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.7")
    client.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="192.0.2.1")
    client.get("/", REMOTE_ADDR="198.51.100.7")

    forged, forged_again, other = request_lines(caplog)
    assert forged["client"] == forged_again["client"]
    assert forged["client"] != other["client"]


def test_request_log_tag_is_keyed_and_changes_every_day(settings, monkeypatch):
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7")
    today = client_tag(request)
    settings.SECRET_KEY = "another secret key " * 3
    other_key = client_tag(request)
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=1))
    other_key_tomorrow = client_tag(request)

    # Without the key, hashing every address does not find the visitor.
    assert today not in hashlib.sha256(b"198.51.100.7").hexdigest()
    assert today != other_key
    assert other_key_tomorrow != other_key
