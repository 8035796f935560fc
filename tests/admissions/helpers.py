"""Helpers for the admissions tests: valid form data and signed form tokens."""

import time
import uuid

from django.core import signing

from admissions.forms import TOKEN_SALT


def form_token(age_seconds=60, submission=None):
    """A form token as the page would have rendered it `age_seconds` ago."""
    submission = submission or uuid.uuid4()
    return signing.dumps(
        {"id": submission.hex, "at": int(time.time()) - age_seconds}, salt=TOKEN_SALT
    )


def inquiry_data(**overrides):
    data = {
        "inquiry_for": "myself",
        "first_name": "Robin",
        "phone": "(202) 555-0143",
        "email": "",
        "contact_method": "call",
        "best_time": "evening",
        "voicemail_ok": "no",
        "texts_ok": "no",
        "insurance_provider": "",
        "program_interest": "virtual",
        "heard_about": "",
        "message": "",
        "consent": "on",
        "confirm_details": "",
        "form_token": form_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
