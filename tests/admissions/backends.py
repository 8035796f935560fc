"""Stand-ins for infrastructure that is down: a mail server and a shared cache."""

from django.core.cache.backends.base import BaseCache
from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that refuses every message, with an error text that echoes an
    address (as real SMTP errors can): it must never reach the database or a log."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(f"refused mail for {email_messages[0].to}")


class DownCache(BaseCache):
    """A cache server that cannot be reached."""

    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache server unreachable")

    add = get = set = touch = delete = clear = incr = has_key = _fail
