"""The inquiry form in Spanish (/es/contacto/), and a Spanish inquiry on the desk."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from admissions.models import Inquiry
from programs.models import Page
from tests.admissions.helpers import form_token, inquiry_data
from tests.admissions.test_form_page_cache import VERSION_QUERIES
from tests.admissions.test_worklist import coordinator, queue_rows  # noqa: F401
from tests.factories import make_clinic_settings, make_inquiry, make_page
from tests.html import page_of, parse

pytestmark = pytest.mark.django_db

SPANISH_FORM = "/es/contacto/"
ENGLISH_FORM = "/contact/"
CHANGELIST = reverse("admin:admissions_inquiry_changelist")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 3
    settings.ADMISSIONS_NOTIFY_EMAILS = []
    make_clinic_settings()
    make_page("privacy", title="Privacy notice", show_in_nav=False)


def text_of(response):
    """The page's words, one space between them, without its scripts."""
    html = re.sub(r"<script.*?</script>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def labels(response):
    """{field id: label text} of the form."""
    html = response.content.decode()
    found = re.findall(r'<label[^>]*for="(id_[\w]+)"[^>]*>(.*?)</label>', html, flags=re.S)
    return {
        for_id: " ".join(re.sub(r"<[^>]+>", " ", text).replace("*", "").split())
        for for_id, text in found
    }


def test_spanish_form_speaks_spanish(client):
    response = client.get(SPANISH_FORM)

    assert response.status_code == 200
    assert parse(response.content.decode()).h1_texts == ["Contactar a admisiones"]
    found = labels(response)
    assert found["id_first_name"] == "Nombre, o el nombre que usted prefiera"
    assert found["id_phone"] == "Número de teléfono"
    assert found["id_email"] == "Correo electrónico"
    words = text_of(response)
    assert "¿Usted, o la persona por la que pregunta, está a salvo en este momento?" in words
    assert "Más detalles (opcional)" in words
    assert "Enviar a admisiones" in response.content.decode()


def test_spanish_form_links_the_english_privacy_notice_and_says_so(client):
    response = client.get(SPANISH_FORM)

    consent = labels(response)["id_consent"]
    assert consent == (
        "Acepto que el equipo de admisiones me contacte sobre esta consulta y he leído el "
        "aviso de privacidad del sitio web (en inglés) y el Aviso de Prácticas de Privacidad "
        "(en inglés)."
    )
    link = next(
        attrs
        for tag, attrs in parse(response.content.decode()).tags
        if tag == "a" and attrs.get("href") == "/privacy/" and attrs.get("hreflang")
    )
    assert link["hreflang"] == "en"


def test_spanish_safety_notice_gives_the_spanish_crisis_lines(client):
    words = text_of(client.get(SPANISH_FORM))

    assert "En una emergencia, llame al 911 ." in words
    assert "para español, oprima 2 al llamar o envíe la palabra AYUDA por texto" in words
    assert "Línea Nacional de Ayuda de SAMHSA" in words
    assert "en español y en inglés: 1-800-662-4357" in words


def test_spanish_form_fields_are_not_shared_with_the_english_form(client):
    # The blank form's fields are a cached fragment: one per language.
    client.get(SPANISH_FORM)

    english = client.get(ENGLISH_FORM)
    spanish = client.get(SPANISH_FORM)

    assert labels(english)["id_phone"] == "Phone number"
    assert labels(spanish)["id_phone"] == "Número de teléfono"


@pytest.mark.parametrize(
    ("overrides", "field", "error"),
    [
        # Django's own messages, in the Spanish Django ships.
        ({"first_name": ""}, "first_name", "Este campo es obligatorio."),
        (
            {"email": "robin@"},
            "email",
            "Introduzca una dirección de correo electrónico válida.",
        ),
        (
            {"first_name": "x" * 101},
            "first_name",
            "Asegúrese de que este valor tenga menos de 100 caracteres (tiene 101).",
        ),
        # The form's own, and the phone number's.
        (
            {"phone": "12"},
            "phone",
            "Escriba un número de teléfono de EE. UU. con el código de área, por ejemplo "
            "202 555 0143.",
        ),
        (
            {"phone": "", "email": ""},
            "phone",
            "Por favor, déjenos un número de teléfono o un correo electrónico para poder "
            "comunicarnos con usted.",
        ),
        (
            {"consent": None},
            "consent",
            "Por favor, autorice que le contactemos, para que podamos responderle.",
        ),
        ({"voicemail_ok": None}, "voicemail_ok", "Por favor, elija una opción."),
        (
            {"message": "x" * 1001},
            "message",
            "Por favor, limite su mensaje a 1000 caracteres como máximo (ahora tiene 1001).",
        ),
    ],
)
def test_spanish_form_errors_are_in_spanish(client, overrides, field, error):
    response = client.post(SPANISH_FORM, inquiry_data(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    words = text_of(response)
    # Beside the field, and in the summary above the form.
    assert words.count(error) >= 2
    assert "Por favor, revise el formulario" in words
    assert Inquiry.objects.count() == 0


def test_too_fast_spanish_form_asks_again_in_spanish(client):
    response = client.post(SPANISH_FORM, inquiry_data(form_token=form_token(age_seconds=0)))

    assert (
        "Eso fue muy rápido. Por favor, revise sus respuestas y envíe el formulario de nuevo."
        in (text_of(response))
    )


def test_spanish_inquiry_is_stored_with_its_language_and_confirmed_in_spanish(client):
    response = client.post(SPANISH_FORM, inquiry_data(message="¿Tienen grupos por la noche?"))

    inquiry = Inquiry.objects.get()
    assert (inquiry.language, inquiry.privacy_notice_language) == ("es", "en")
    assert inquiry.priority == Inquiry.Priority.ROUTINE
    assert parse(response.content.decode()).h1_texts == ["Gracias, recibimos su mensaje"]
    words = text_of(response)
    assert f"Su número de referencia es {inquiry.reference} ." in words
    assert "Nos pidió que le llamáramos." in words
    assert (
        "Un consejero de admisiones intentará comunicarse con usted en menos de 4 horas, "
        "de día o de noche."
    ) in words


def test_english_inquiry_is_stored_as_english(client):
    client.post(ENGLISH_FORM, inquiry_data())

    inquiry = Inquiry.objects.get()
    assert (inquiry.language, inquiry.privacy_notice_language) == ("en", "en")


def test_spanish_crisis_message_makes_the_inquiry_urgent_and_leads_with_the_lines(client):
    response = client.post(SPANISH_FORM, inquiry_data(message="Mi hermano no respira"))

    inquiry = Inquiry.objects.get()
    assert (inquiry.priority, inquiry.crisis_rule) == ("urgent", "not_breathing")
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", response.content.decode())
    assert headings[0] == "Si usted u otra persona podría estar en peligro ahora mismo"
    words = text_of(response)
    assert "Llame al 988 (oprima 2 para español) o envíe AYUDA por texto al 988" in words


def test_over_the_daily_cap_the_spanish_form_comes_back_in_spanish(client, settings):
    settings.ADMISSIONS_DAILY_CAP = 0

    response = client.post(SPANISH_FORM, inquiry_data())

    assert response.status_code == 429
    assert "No pudimos enviar su mensaje en este momento." in text_of(response)
    assert Inquiry.objects.count() == 0


def test_notification_of_a_spanish_inquiry_is_in_english_and_carries_no_personal_data(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.ADMISSIONS_NOTIFY_EMAILS = ["desk@example.org"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            SPANISH_FORM, inquiry_data(first_name="Lucía", message="Quiero información, por favor")
        )

    inquiry = Inquiry.objects.get()
    [email] = mailoutbox
    assert email.subject == f"New inquiry {inquiry.reference} (Routine)"
    assert email.body.startswith("A new admissions inquiry has arrived.")
    for personal in ("Lucía", "2025550143", "555", "información", "Spanish", "Español"):
        assert personal not in email.subject + email.body


# --- On the desk ------------------------------------------------------------------------


def change_url(inquiry):
    return reverse("admin:admissions_inquiry_change", args=[inquiry.pk])


def spanish_and_english():
    received = timezone.now() - timedelta(minutes=5)
    spanish = make_inquiry(first_name="Lucía", language="es", received_at=received)
    english = make_inquiry(first_name="Robin", phone="+15032240000", received_at=received)
    return spanish, english


def test_queue_shows_a_spanish_inquiry_as_spanish(client, coordinator):  # noqa: F811
    spanish, english = spanish_and_english()

    rows = {row["inquiry"] for row in queue_rows(client.get(CHANGELIST))}

    assert rows == {f"{spanish.reference} / Lucía / Spanish", f"{english.reference} / Robin"}


def test_queue_filters_by_language(client, coordinator):  # noqa: F811
    spanish, _english = spanish_and_english()

    response = client.get(CHANGELIST, {"language__exact": "es"})

    assert [row["inquiry"] for row in queue_rows(response)] == [
        f"{spanish.reference} / Lucía / Spanish"
    ]
    filters = page_of(response).find("nav", id="changelist-filter").text()
    assert "By language" in filters


def test_inquiry_page_says_to_call_back_in_spanish(client, coordinator):  # noqa: F811
    spanish, english = spanish_and_english()

    spanish_page = page_of(
        client.get(reverse("admin:admissions_inquiry_change", args=[spanish.pk]))
    )
    english_page = page_of(
        client.get(reverse("admin:admissions_inquiry_change", args=[english.pk]))
    )

    panel = spanish_page.find("section", class_="inquiry-panel").text()
    assert "In Spanish: they wrote in Spanish; call or write back in Spanish." in " ".join(
        panel.split()
    )
    assert "write back in" not in english_page.find("section", class_="inquiry-panel").text()


def test_staff_pages_stay_in_english_for_a_spanish_inquiry(client, coordinator):  # noqa: F811
    spanish, _english = spanish_and_english()

    response = client.get(change_url(spanish))

    assert response["Content-Language"] == "en"
    assert '<html lang="en"' in response.content.decode()


def test_staff_record_a_phone_call_taken_in_spanish(client, coordinator):  # noqa: F811
    client.post(
        reverse("admin:admissions_inquiry_add"),
        {
            "source": "phone",
            "first_name": "Marisol",
            "language": "es",
            "phone": "202 555 0111",
            "contact_method": "call",
            "best_time": "any",
            "program_interest": "evening",
            "priority": "routine",
            "next_follow_up_at_0": "",
            "next_follow_up_at_1": "",
        },
    )

    inquiry = Inquiry.objects.get()
    assert (inquiry.first_name, inquiry.language, inquiry.privacy_notice_language) == (
        "Marisol",
        "es",
        "",
    )


# --- The privacy notice they agreed to ----------------------------------------------------


def translate_privacy_notice():
    notice = Page.objects.get(slug_en="privacy")
    notice.title_es, notice.slug_es = "Aviso de privacidad", "privacidad"
    notice.body_es = "Lo que este sitio recoge y por qué."
    notice.save()
    return notice


def consent_links(response):
    """[(href, hreflang or None)] of the links in the consent's label."""
    html = response.content.decode()
    label = re.search(r'<label[^>]*for="id_consent"[^>]*>(.*?)</label>', html, flags=re.S)
    return [
        (attrs["href"], attrs.get("hreflang"))
        for tag, attrs in parse(label.group(1)).tags
        if tag == "a"
    ]


def test_spanish_form_links_the_spanish_privacy_notice_once_translated(client):
    translate_privacy_notice()

    response = client.get(SPANISH_FORM)

    assert labels(response)["id_consent"] == (
        "Acepto que el equipo de admisiones me contacte sobre esta consulta y he leído el "
        "aviso de privacidad del sitio web y el Aviso de Prácticas de Privacidad (en inglés)."
    )
    # The Notice of Privacy Practices is not translated: English, and said so.
    assert consent_links(response) == [("/es/privacidad/", None), ("/privacy-practices/", "en")]
    assert client.get("/es/privacidad/").status_code == 200


def test_spanish_inquiry_records_the_spanish_notice_when_it_is_translated(client):
    translate_privacy_notice()
    english = client.post(ENGLISH_FORM, inquiry_data())
    assert english.status_code == 200

    client.post(SPANISH_FORM, inquiry_data())

    english_inquiry, spanish_inquiry = Inquiry.objects.order_by("pk")
    assert (spanish_inquiry.language, spanish_inquiry.privacy_notice_language) == ("es", "es")
    assert english_inquiry.privacy_notice_language == "en"
    # The same notice, whichever language it was read in.
    assert spanish_inquiry.privacy_notice_version == english_inquiry.privacy_notice_version != ""


def test_spanish_inquiry_records_the_english_notice_it_was_shown_when_not_translated(client):
    form = client.get(SPANISH_FORM)

    client.post(SPANISH_FORM, inquiry_data())

    assert "(en inglés)" in labels(form)["id_consent"]
    assert consent_links(form)[0] == ("/privacy/", "en")
    inquiry = Inquiry.objects.get()
    assert (inquiry.language, inquiry.privacy_notice_language) == ("es", "en")
    assert inquiry.privacy_notice_version != ""


def test_the_shared_spanish_form_shows_a_notice_translated_since(client):
    # The blank form's fields are cached, per content version.
    assert consent_links(client.get(SPANISH_FORM))[0] == ("/privacy/", "en")

    translate_privacy_notice()

    assert consent_links(client.get(SPANISH_FORM))[0] == ("/es/privacidad/", None)


def test_a_notice_with_a_spanish_title_only_is_still_linked_in_english(client):
    notice = Page.objects.get(slug_en="privacy")
    notice.title_es = "Aviso de privacidad"
    notice.save()

    response = client.get(SPANISH_FORM)
    client.post(SPANISH_FORM, inquiry_data())

    assert consent_links(response)[0] == ("/privacy/", "en")
    assert Inquiry.objects.get().privacy_notice_language == "en"


def test_spanish_form_with_a_translated_notice_costs_the_queries_of_the_english_one(client):
    translate_privacy_notice()
    client.get(ENGLISH_FORM)
    client.get(SPANISH_FORM)  # both fragments cached, as for every visitor after the first

    with CaptureQueriesContext(connection) as english:
        client.get(ENGLISH_FORM)
    with CaptureQueriesContext(connection) as spanish:
        client.get(SPANISH_FORM)

    # The content version alone: the notices' languages are read inside the shared
    # fields, never for a visitor served them.
    assert len(spanish.captured_queries) == len(english.captured_queries) == VERSION_QUERIES
