"""The one function that says which address a request came from."""

import pytest
from django.test import RequestFactory

from iop_site.addresses import client_address


def request_from(remote="203.0.113.9", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_client_address_ignores_forwarded_header_without_proxy(settings):
    settings.BEHIND_PROXY = False

    assert client_address(request_from(forwarded="198.51.100.7")) == "203.0.113.9"


def test_client_address_trusts_only_the_proxys_appended_hop(settings):
    settings.BEHIND_PROXY = True

    # The client claimed 10.0.0.1; the proxy appended what it saw, 198.51.100.7.
    request = request_from(remote="127.0.0.1", forwarded="10.0.0.1, 198.51.100.7")

    assert client_address(request) == "198.51.100.7"


@pytest.mark.parametrize(
    "forwarded", ["", "not-an-address", "198.51.100.7, <script>", " , ", "fe80::1%<script>"]
)
def test_client_address_behind_proxy_falls_back_on_garbage(settings, forwarded):
    settings.BEHIND_PROXY = True

    assert client_address(request_from(remote="127.0.0.1", forwarded=forwarded)) == "127.0.0.1"


def test_client_address_normalises_ipv6(settings):
    settings.BEHIND_PROXY = True

    request = request_from(remote="127.0.0.1", forwarded="2001:DB8:0:0:0:0:0:1")

    assert client_address(request) == "2001:db8::1"
