"""The client address of a request: one function for the whole site (the inquiry rate
limit, the login lockout and the request log all read it)."""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address of the browser that sent `request`, as a normalised IP string.

    With DJANGO_BEHIND_PROXY off, REMOTE_ADDR alone: no forwarded header is ever read,
    as anyone can send one. With it on, the reverse proxy appends the address it saw to
    X-Forwarded-For: that last hop is the only one trusted (the ones before it are
    whatever the client claimed). A value that is not an IP address is ignored.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        address = _normalised(forwarded)
        if address:
            return address
    return _normalised(request.META.get("REMOTE_ADDR", "")) or ""


def _normalised(value):
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv6 zone ("fe80::1%eth0") is free text from the client: not an address.
    if getattr(address, "scope_id", None) is not None:
        return None
    return str(address)
