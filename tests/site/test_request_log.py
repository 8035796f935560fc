"""The request log: one JSON line per request, with an id and without query strings."""

import json
import logging

import pytest

from iop_site.log import JsonFormatter

pytestmark = pytest.mark.django_db


def request_records(caplog):
    return [record for record in caplog.records if record.name == "iop_site.requests"]


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
