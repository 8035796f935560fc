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
        "Page “About us”: text",
        "/fees/",
        "our fees",
        "There is no page at this address.",
    )
    edit_url = reverse("admin:programs_page_change", args=[page.pk])
    assert f'<a href="{edit_url}">Page “About us”: text</a>' in response.content.decode()


def test_the_command_lists_the_broken_link_and_exits_with_an_error(settings):
    page = make_page(slug="about-us", body="See [our fees](/fees/).")

    out, error = run_command()

    assert error == "1 broken internal link(s)."
    assert out.splitlines() == [
        "BROKEN  Page “About us”: text",
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
            "Page “About us”, section “Our team”: text",
            "Question and answer “How long?”: answer",
            "Therapy “Group therapy”: text",
            "Person “Sam Lee, LCSW”: short biography",
            "Article “What is an IOP?”: text",
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


def make_content_with_links(count):
    make_topic(slug="family")
    make_person(slug="sam", name="Sam Lee")
    Redirect.objects.create(old_path="/old/", new_path="/new/")
    for number in range(count):
        page = make_page(
            slug=f"page-{number}",
            body=f"[a](/gone-{number}/) [b](/articles/gone-{number}/) [c](/team/sam/) "
            "[d](/articles/topic/family/) [e](/old/)",
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

    # One per kind of text (6), then pages, articles, people (2), topics, redirects.
    assert len(queries) == 12
    assert len(broken) >= 4 * count


def test_the_checker_page_needs_the_right_to_see_pages(client):
    client.force_login(make_user("alex", groups=("Admissions",)))

    assert client.get(reverse(CHECKER)).status_code == 403


def test_the_pages_list_links_to_the_checker(marketing):
    html = marketing.get(reverse("admin:programs_page_changelist")).content.decode()

    assert f'<a href="{reverse(CHECKER)}">Check links</a>' in html
