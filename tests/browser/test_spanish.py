"""The inquiry form in Spanish, in Chromium: found from the English form, filled in with
the keyboard alone, its mistakes and its confirmation, each page checked by axe."""

import re

import pytest
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.browser.helpers import is_focused, radio, save_screenshots, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAFETY_QUESTION = "¿Usted, o la persona por la que pregunta, está a salvo en este momento?"
MORE_DETAILS = "Más detalles (opcional)"
REFERENCE = re.compile(r"Su número de referencia es ([A-Z2-9]{8})\.")


def test_spanish_speaker_switches_language_and_sends_an_inquiry_by_keyboard(
    page, live_server, demo_content, inquiry_settings, axe, screenshots_dir
):
    page.goto(live_server.url + "/contact/")
    keys = page.keyboard
    switch = page.get_by_role("banner").get_by_role("link", name="Español")
    tab_to(page, switch)
    keys.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Contactar a admisiones")
    assert page.url == live_server.url + "/es/contacto/"
    assert page.locator("html").get_attribute("lang") == "es"
    axe.assert_accessible(page)
    save_screenshots(page, "inquiry-form-es")

    tab_to(page, radio(page, SAFETY_QUESTION, "Sí"))
    keys.press("Space")
    tab_to(page, page.get_by_label("Nombre, o el nombre que usted prefiera"))
    keys.type("Lucía")
    tab_to(page, page.get_by_label("Número de teléfono"))
    keys.type("202 555 0143")
    who = page.get_by_role("group", name="¿Para quién es esta consulta?")
    expect(who).to_be_hidden()
    tab_to(page, page.get_by_text(MORE_DETAILS, exact=True))
    keys.press("Enter")
    expect(who).to_be_visible()
    tab_to(page, radio(page, "¿Para quién es esta consulta?", "Para mí"))
    keys.press("ArrowDown")  # Para un ser querido
    tab_to(page, radio(page, "Mejor horario para comunicarnos con usted", "A cualquier hora"))
    for _ in range(3):
        keys.press("ArrowDown")  # Mañana, Tarde, Noche
    tab_to(page, page.get_by_label("¿Hay algo más que quiera contarnos? (opcional)"))
    keys.type("Prefiero que me llamen después del trabajo.")
    consent = page.get_by_role("checkbox", name=re.compile("^Acepto que el equipo"))
    tab_to(page, consent)
    keys.press("Space")
    tab_to(page, page.get_by_role("button", name="Enviar a admisiones"))
    keys.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Gracias, recibimos su mensaje")
    expect(page.get_by_text("Nos pidió que le llamáramos.")).to_be_visible()
    text = " ".join(page.get_by_text("Su número de referencia es").inner_text().split())
    inquiry = Inquiry.objects.get(reference=REFERENCE.search(text).group(1))
    # The demo's website privacy notice has a Spanish version: the form linked it.
    assert (inquiry.first_name, inquiry.language, inquiry.privacy_notice_language) == (
        "Lucía",
        "es",
        "es",
    )
    assert inquiry.inquiry_for == Inquiry.For.SOMEONE_ELSE
    assert inquiry.best_time == Inquiry.BestTime.EVENING
    assert inquiry.message == "Prefiero que me llamen después del trabajo."
    axe.assert_accessible(page)
    save_screenshots(page, "inquiry-confirmation-es")


def test_spanish_form_with_mistakes_lists_them_in_spanish_and_links_each_field(
    page, live_server, inquiry_settings, axe
):
    page.goto(live_server.url + "/es/contacto/")
    page.get_by_label("Nombre, o el nombre que usted prefiera").fill("Lucía")
    page.get_by_label("Número de teléfono").fill("12")
    page.get_by_role("button", name="Enviar a admisiones").click()

    expect(page).to_have_title(re.compile(r"^Error: Contactar a admisiones"))
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text("Por favor, revise el formulario")
    links = summary.get_by_role("link")
    expect(links).to_have_text(
        [
            re.compile(r"^Número de teléfono: Escriba un número de teléfono de EE. UU."),
            re.compile(r"^Autorización para contactarle: Por favor, autorice"),
        ]
    )
    tab_to(page, links.first)
    keys = page.keyboard
    keys.press("Enter")
    assert is_focused(page.get_by_label("Número de teléfono"))
    axe.assert_accessible(page)
    assert Inquiry.objects.count() == 0


def test_spanish_urgent_confirmation_leads_with_the_spanish_crisis_lines(
    page, live_server, inquiry_settings, axe
):
    page.goto(live_server.url + "/es/contacto/")
    radio(page, SAFETY_QUESTION, "No").check()
    lines = page.get_by_text("Por favor, busque ayuda ahora.")
    expect(lines).to_be_visible()
    page.get_by_label("Nombre, o el nombre que usted prefiera").fill("Ana")
    page.get_by_label("Número de teléfono").fill("202 555 0143")
    page.get_by_role("checkbox", name=re.compile("^Acepto que el equipo")).check()
    page.get_by_role("button", name="Enviar a admisiones").click()

    crisis = page.get_by_role("region", name="Si usted u otra persona podría estar en peligro")
    expect(crisis).to_contain_text("Llame al 988 (oprima 2 para español)")
    expect(crisis.get_by_role("link", name="envíe AYUDA por texto al 988")).to_have_attribute(
        "href", "sms:988"
    )
    axe.assert_accessible(page)
    assert Inquiry.objects.get().priority == Inquiry.Priority.URGENT
