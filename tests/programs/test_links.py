"""The link checker, from the editor's side: the admin page and the command list the
internal links that lead nowhere or to what visitors cannot see, with where they are."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programs.models import Page, Redirect
from tests.factories import make_faq, make_page, make_therapy, make_user
from tests.programs.factories import make_article, make_person, make_topic

pytestmark = pytest.mark.django_db

CHECKER = "admin:programs_link_check"


def run_command():
    out = StringIO()
    try:
        call_command("check_links", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def test_the_checker_lists_a_link_to_a_missing_page_with_where_it_is(marketing):
    page = make_page(slug="about-us", body="See [our fees](/fees/) and [parking](/about-us/).")

    response = marketing.get(reverse(CHECKER))

    assert response.status_code == 200
    [link] = response.context["broken"]
    assert (link.where, link.href, link.text, link.problem) == (
        "Page “About us”: text in English",
        "/fees/",
        "our fees",
        "There is no page at this address.",
    )
    edit_url = reverse("admin:programs_page_change", args=[page.pk])
    assert f'<a href="{edit_url}">Page “About us”: text in English</a>' in response.content.decode()


def test_the_command_lists_the_broken_link_and_exits_with_an_error(settings):
    page = make_page(slug="about-us", body="See [our fees](/fees/).")

    out, error = run_command()

    assert error == "1 broken internal link(s)."
    assert out.splitlines() == [
        "BROKEN  Page “About us”: text in English",
        "        [our fees](/fees/): There is no page at this address.",
        f"        Edit: {settings.SITE_URL}/admin/programs/page/{page.pk}/change/",
        "1 broken link(s), 0 to an old address.",
    ]


def test_the_command_exits_cleanly_on_the_demo_content(demo_content):
    out, error = run_command()

    assert error is None
    assert out.splitlines()[-1] == "0 broken link(s), 0 to an old address."


def test_links_to_drafts_and_pages_not_live_yet_are_broken(marketing):
    make_page(slug="fees", status=Page.Status.DRAFT)
    make_page(
        slug="new-group",
        publish_at=timezone.make_aware(datetime.datetime(2099, 1, 5, 18, 0)),
    )
    make_article(slug="sleep", status="draft")
    make_page(slug="about-us", body="[a](/fees/) [b](/new-group/) [c](/articles/sleep/)")

    problems = [link.problem for link in marketing.get(reverse(CHECKER)).context["broken"]]

    assert problems == [
        "The page it leads to is a draft.",
        "The page it leads to is scheduled (live from Jan. 5, 2099, 6 p.m.).",
        "The article it leads to is a draft.",
    ]


def test_every_kind_of_text_is_checked(marketing):
    page = make_page(slug="about-us", body="")
    page.sections.create(heading="Our team", body="[x](/gone-1/)", order=1)
    make_faq(answer="[x](/gone-2/)")
    make_therapy(body="[x](/gone-3/)")
    make_person(slug="sam", name="Sam Lee", bio="[x](/gone-4/)")
    make_article(slug="sleep", body="[x](/gone-5/)")

    wheres = sorted(link.where for link in marketing.get(reverse(CHECKER)).context["broken"])

    assert wheres == sorted(
        [
            "Page “About us”, section “Our team”: text in English",
            "Question and answer “How long?”: answer in English",
            "Therapy “Group therapy”: text in English",
            "Person “Sam Lee, LCSW”: short biography in English",
            "Article “What is an IOP?”: text in English",
        ]
    )


def test_only_links_to_this_site_are_checked(marketing, settings):
    make_page(slug="fees")
    make_page(
        slug="about-us",
        body=(
            f"[ok]({settings.SITE_URL}/fees/) [gone]({settings.SITE_URL}/gone/) "
            "[other](https://example.org/gone/) [mail](mailto:a@example.org) "
            "[phone](tel:+15550100199) [here](#top) [form](/contact/) [no slash](/fees)"
        ),
    )

    broken = marketing.get(reverse(CHECKER)).context["broken"]

    assert [link.href for link in broken] == [f"{settings.SITE_URL}/gone/"]


def test_a_link_to_an_old_address_works_through_its_redirect(marketing):
    make_page(slug="directions")
    Redirect.objects.create(old_path="/parking/", new_path="/directions/")
    Redirect.objects.create(old_path="/old-fees/", new_path="/fees/")
    make_page(slug="about-us", body="[a](/parking/) [b](/old-fees/)")

    response = marketing.get(reverse(CHECKER))

    [moved] = response.context["moved"]
    assert (moved.href, moved.moved_to) == ("/parking/", "/directions/")
    [broken] = response.context["broken"]
    assert (broken.href, broken.moved_to, broken.problem) == (
        "/old-fees/",
        "/fees/",
        "There is no page at this address.",
    )


def test_people_and_topics_visitors_cannot_open_are_broken(marketing):
    make_person(slug="off-team", name="Off Team", on_team_page=False)
    make_topic(slug="empty")
    make_page(slug="about-us", body="[a](/team/off-team/) [b](/articles/topic/empty/)")

    problems = [link.problem for link in marketing.get(reverse(CHECKER)).context["broken"]]

    assert problems == [
        "This person's page is not shown to visitors.",
        "This topic has no published article, so visitors get “not found”.",
    ]


# --- Spanish texts ----------------------------------------------------------------------


def spanish_page(slug, slug_es, **overrides):
    return make_page(
        slug=slug, slug_es=slug_es, title_es=slug_es.capitalize(), body_es="Texto.", **overrides
    )


def test_a_broken_link_in_spanish_text_is_listed_as_spanish(marketing, settings):
    page = make_page(slug="about-us", body="See [parking](/about-us/).")
    page.title_es, page.body_es = "Quiénes somos", "Vea [las tarifas](/es/tarifas/)."
    page.save()

    [link] = marketing.get(reverse(CHECKER)).context["broken"]
    out, error = run_command()

    assert (link.where, link.href, link.text, link.language, link.problem) == (
        "Page “About us”: text in Spanish",
        "/es/tarifas/",
        "las tarifas",
        "es",
        "There is no page at this address.",
    )
    assert out.splitlines()[:2] == [
        "BROKEN  Page “About us”: text in Spanish",
        "        [las tarifas](/es/tarifas/): There is no page at this address.",
    ]
    assert error == "1 broken internal link(s)."


def test_the_same_broken_link_in_both_languages_is_listed_once_for_each(marketing):
    make_page(slug="about-us", body="[fees](/fees/)", body_es="[tarifas](/fees/)")

    broken = marketing.get(reverse(CHECKER)).context["broken"]

    assert [(link.where, link.href) for link in broken] == [
        ("Page “About us”: text in English", "/fees/"),
        ("Page “About us”: text in Spanish", "/fees/"),
    ]


def test_every_kind_of_spanish_text_is_checked(marketing):
    page = make_page(slug="about-us", body="")
    page.sections.create(heading="Our team", body_es="[x](/es/ya-no-1/)", order=1)
    make_faq(answer_es="[x](/es/ya-no-2/)")
    make_therapy(body_es="[x](/es/ya-no-3/)")
    make_person(slug="sam", name="Sam Lee", bio_es="[x](/es/ya-no-4/)")
    make_article(slug="sleep", body_es="[x](/es/ya-no-5/)")

    wheres = sorted(link.where for link in marketing.get(reverse(CHECKER)).context["broken"])

    assert wheres == sorted(
        [
            "Page “About us”, section “Our team”: text in Spanish",
            "Question and answer “How long?”: answer in Spanish",
            "Therapy “Group therapy”: text in Spanish",
            "Person “Sam Lee, LCSW”: short biography in Spanish",
            "Article “What is an IOP?”: text in Spanish",
        ]
    )


def test_links_to_spanish_addresses_that_answer_are_not_listed(marketing):
    spanish_page("schedule", "horario")
    make_page(slug="parking")  # Not translated: at /es/parking/, in English.
    article = make_article(
        slug="sleep", slug_es="dormir", title_es="Dormir", summary_es="Dormir.", body_es="Sí."
    )
    topic = make_topic(slug="family", slug_es="familias", name_es="Familias")
    article.topics.add(topic)
    make_person(slug="sam", name="Sam Lee")
    make_page(
        slug="about-us",
        body_es=(
            "[a](/es/horario/) [b](/es/parking/) [c](/es/articulos/dormir/) "
            "[d](/es/articulos/tema/familias/) [e](/es/equipo/sam/) [f](/es/contacto/) "
            "[g](/es/) [h](/es/articulos/)"
        ),
    )

    response = marketing.get(reverse(CHECKER))

    assert (response.context["broken"], response.context["moved"]) == ([], [])


def test_a_spanish_link_to_the_english_address_of_a_spanish_page_is_an_old_address(marketing):
    spanish_page("schedule", "horario")
    make_article(
        slug="sleep", slug_es="dormir", title_es="Dormir", summary_es="Dormir.", body_es="Sí."
    )
    make_page(slug="about-us", body_es="[a](/es/schedule/) [b](/es/articulos/sleep/)")

    response = marketing.get(reverse(CHECKER))

    assert response.context["broken"] == []
    assert [(link.href, link.moved_to) for link in response.context["moved"]] == [
        ("/es/schedule/", "/es/horario/"),
        ("/es/articulos/sleep/", "/es/articulos/dormir/"),
    ]


def test_spanish_links_to_drafts_to_english_only_routes_and_to_old_addresses(marketing):
    spanish_page("fees", "tarifas", status=Page.Status.DRAFT)
    spanish_page("directions", "como-llegar")
    Redirect.objects.create(old_path="/es/estacionamiento/", new_path="/es/como-llegar/")
    make_page(
        slug="about-us",
        body_es="[a](/es/tarifas/) [b](/es/articles/) [c](/es/estacionamiento/)",
    )

    response = marketing.get(reverse(CHECKER))

    assert [(link.href, link.problem) for link in response.context["broken"]] == [
        ("/es/tarifas/", "The page it leads to is a draft."),
        # The library is /es/articulos/ in Spanish: /es/articles/ is a page address.
        ("/es/articles/", "There is no page at this address."),
    ]
    assert [(link.href, link.moved_to) for link in response.context["moved"]] == [
        ("/es/estacionamiento/", "/es/como-llegar/")
    ]


def make_content_with_links(count):
    make_topic(slug="family")
    make_person(slug="sam", name="Sam Lee")
    Redirect.objects.create(old_path="/old/", new_path="/new/")
    for number in range(count):
        page = make_page(
            slug=f"page-{number}",
            body=f"[a](/gone-{number}/) [b](/articles/gone-{number}/) [c](/team/sam/) "
            "[d](/articles/topic/family/) [e](/old/)",
            body_es=f"[a](/es/ya-no-{number}/) [b](/es/articulos/ya-no-{number}/) "
            "[c](/es/equipo/sam/) [d](/es/articulos/tema/family/)",
        )
        page.sections.create(heading="Part", body=f"[x](/gone-s{number}/)", order=1)
        make_faq(slug=f"faq-{number}", answer="[x](/gone/)")
        make_therapy(slug=f"therapy-{number}", body="[x](/gone/)")


@pytest.mark.parametrize("count", [1, 20])
def test_the_checker_runs_a_fixed_number_of_queries(count):
    from programs.links import check_links

    make_content_with_links(count)

    with CaptureQueriesContext(connection) as queries:
        broken, _moved = check_links()

    # One per kind of text (6), then pages, articles, people (2), topics, redirects:
    # both languages at once.
    assert len(queries) == 12
    assert len(broken) >= 6 * count


def test_the_checker_page_needs_the_right_to_see_pages(client):
    client.force_login(make_user("alex", groups=("Admissions",)))

    assert client.get(reverse(CHECKER)).status_code == 403


def test_the_pages_list_links_to_the_checker(marketing):
    html = marketing.get(reverse("admin:programs_page_changelist")).content.decode()

    assert f'<a href="{reverse(CHECKER)}">Check links</a>' in html
