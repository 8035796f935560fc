"""One JSON object per log line, on stdout, with no personal data.

Exception messages are left out on purpose: a database error can echo the values of
the row it failed on (an email address, a phone number). The exception's class and
the stack's file, line and function names are enough to find the bug; the request id
ties the line to what the visitor saw.
"""

import json
import logging
import traceback
from datetime import UTC, datetime

from django.views.debug import SafeExceptionReporterFilter

# Attributes every LogRecord has; anything else was passed with `extra=`.
_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def stack_without_messages(exc_info):
    """The traceback's frames and the exception's class, without its message."""
    exc_type, _exc, tb = exc_info
    frames = [
        f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in traceback.extract_tb(tb)
    ]
    return {"exception": f"{exc_type.__module__}.{exc_type.__qualname__}", "stack": frames}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            # Plain values only: Django passes the request object itself as `extra`, and
            # its repr carries the query string.
            if key not in _STANDARD_ATTRIBUTES and isinstance(value, str | int | float | bool):
                entry[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            entry.update(stack_without_messages(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports (the DEBUG page, and any report a handler builds) show no posted
    value and no local variable of any frame.

    `sensitive_post_parameters` and `sensitive_variables` only cover the view that
    carries them; a failure deeper down (a model's save, the database driver) would
    still show what a visitor typed in its frames' variables.
    """

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
