"""Old addresses keep working: an editor changes a page's or an article's address and
visitors with the old one are sent on, in one step, without loops."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programs.models import Page, Redirect
from tests.factories import make_page
from tests.programs.factories import make_article
from tests.programs.test_admin import article_form, page_form

pytestmark = pytest.mark.django_db

PUBLISH = {"_publish": "Publish now"}


def rename_page(editor, page, slug):
    response = editor.post(
        reverse("admin:programs_page_change", args=[page.pk]),
        # A live page's change is a draft until published (programs/admin_revisions.py).
        {
            **page_form(title=page.title, slug=slug, meta_description=page.meta_description),
            **PUBLISH,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors


def redirects():
    return sorted(Redirect.objects.values_list("old_path", "new_path"))


def test_changing_a_page_address_answers_301_from_the_old_one(marketing, client):
    page = make_page(slug="parking")
    rename_page(marketing, page, "directions")
    client.logout()

    response = client.get("/parking/?utm_source=flyer")

    assert response.status_code == 301
    assert response["Location"] == "/directions/?utm_source=flyer"
    assert response["Cache-Control"] == "max-age=3600"
    assert client.get("/directions/").status_code == 200
    assert Redirect.objects.get(old_path="/parking/").automatic is True


def test_changing_an_article_address_answers_301_from_the_old_one(marketing, client):
    article = make_article(slug="sleep")
    response = marketing.post(
        reverse("admin:programs_article_change", args=[article.pk]),
        {**article_form(article.author, article.reviewer, slug="sleep-in-recovery"), **PUBLISH},
    )
    assert response.status_code == 302
    client.logout()

    response = client.get("/articles/sleep/")

    assert response.status_code == 301
    assert response["Location"] == "/articles/sleep-in-recovery/"


def test_the_page_cache_does_not_hide_the_redirect(marketing, client):
    page = make_page(slug="parking")
    client.logout()
    assert client.get("/parking/").status_code == 200
    assert client.get("/parking/")["X-Page-Cache"] == "hit"

    page.slug = "directions"
    page.save()

    response = client.get("/parking/")
    assert response.status_code == 301
    assert response["Location"] == "/directions/"


def test_a_second_move_rewrites_the_first_redirect_so_there_is_no_chain(marketing, client):
    page = make_page(slug="a")
    rename_page(marketing, page, "b")
    rename_page(marketing, Page.objects.get(pk=page.pk), "c")

    # In Spanish too: the page has no Spanish address, so it is at /es/a/ and moves.
    assert redirects() == [
        ("/a/", "/c/"),
        ("/b/", "/c/"),
        ("/es/a/", "/es/c/"),
        ("/es/b/", "/es/c/"),
    ]
    assert client.get("/a/")["Location"] == "/c/"


def test_moving_back_removes_the_redirect_so_there_is_no_loop(marketing, client):
    page = make_page(slug="a")
    rename_page(marketing, page, "b")
    rename_page(marketing, Page.objects.get(pk=page.pk), "a")

    assert redirects() == [("/b/", "/a/"), ("/es/b/", "/es/a/")]
    assert marketing.get("/a/").status_code == 200


def test_a_draft_that_was_never_published_leaves_no_redirect(marketing):
    page = make_page(slug="draft-page", status=Page.Status.DRAFT)
    page.slug = "better-name"
    page.save()

    assert redirects() == []


def test_a_save_that_keeps_the_address_makes_no_redirect_and_reads_the_row_once():
    page = make_page(slug="parking")
    page.title = "Parking"
    with CaptureQueriesContext(connection) as queries:
        page.save()

    reads = [q["sql"] for q in queries if q["sql"].startswith('SELECT "programs_page"')]
    assert len(reads) == 1
    assert redirects() == []


def test_a_save_of_other_fields_only_does_not_read_the_address():
    page = make_page(slug="parking")
    with CaptureQueriesContext(connection) as queries:
        page.save(update_fields=["title"])

    assert [q for q in queries if q["sql"].startswith('SELECT "programs_page"')] == []


def test_a_published_page_wins_over_a_redirect_from_its_address(client):
    make_page(slug="parking")
    Redirect.objects.create(old_path="/parking/", new_path="/directions/")

    assert client.get("/parking/").status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_a_404_costs_one_query_for_the_redirect_whatever_their_number(
    client, django_assert_num_queries, count
):
    Redirect.objects.bulk_create(
        Redirect(old_path=f"/old-{number}/", new_path="/new/") for number in range(count)
    )
    client.get("/warm-up/")

    # The page cache's version (the next go-live time was worked out by the warm-up and
    # is remembered for that version), the page's own lookup, then the redirect.
    with django_assert_num_queries(3):
        assert client.get("/no-such-page/").status_code == 404
    with django_assert_num_queries(3):
        assert client.get("/old-0/")["Location"] == "/new/"


def test_a_post_to_a_missing_address_is_not_redirected(client):
    Redirect.objects.create(old_path="/old/", new_path="/new/")

    assert client.post("/old/").status_code in (404, 405)


# --- Redirects in the admin -------------------------------------------------------------


def add_redirect(editor, old_path, new_path):
    return editor.post(
        reverse("admin:programs_redirect_add"), {"old_path": old_path, "new_path": new_path}
    )


def test_marketing_sees_the_automatic_redirects_in_the_admin(marketing):
    rename_page(marketing, make_page(slug="parking"), "directions")

    response = marketing.get(reverse("admin:programs_redirect_changelist"))

    assert response.status_code == 200
    assert [str(row) for row in response.context["cl"].result_list] == [
        "/es/parking/ → /es/directions/",
        "/parking/ → /directions/",
    ]


def test_marketing_adds_a_redirect_typed_as_a_full_address(marketing, settings):
    response = add_redirect(marketing, f"{settings.SITE_URL}/old-flyer/", " /contact/ ")

    assert response.status_code == 302
    assert redirects() == [("/old-flyer/", "/contact/")]


def test_a_redirect_into_another_redirect_is_refused_with_the_final_address(marketing):
    Redirect.objects.create(old_path="/b/", new_path="/c/")

    response = add_redirect(marketing, "/a/", "/b/")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["new_path"] == [
        "“/b/” itself redirects to “/c/”. Enter “/c/” so visitors get there in one step."
    ]


def test_a_redirect_from_an_address_others_lead_to_takes_them_along(marketing):
    Redirect.objects.create(old_path="/a/", new_path="/b/")

    add_redirect(marketing, "/b/", "/c/")

    assert redirects() == [("/a/", "/c/"), ("/b/", "/c/")]


NOT_ON_SITE = "Enter an address on this site starting with “/”, e.g. “/what-is-iop/”."


@pytest.mark.parametrize(
    ("old_path", "new_path", "field", "message"),
    [
        ("/a/", "/a/", "new_path", "A redirect cannot lead to its own address."),
        ("a/", "/b/", "old_path", NOT_ON_SITE),
        ("/a/", "//evil.example/", "new_path", NOT_ON_SITE),
        ("/a/", "/\\evil.example/", "new_path", NOT_ON_SITE),
    ],
)
def test_a_redirect_that_cannot_work_is_refused_with_a_clear_error(
    marketing, old_path, new_path, field, message
):
    response = add_redirect(marketing, old_path, new_path)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field] == [message]
    assert redirects() == []


# --- Spanish addresses ------------------------------------------------------------------

SPANISH_PAGE = {"title_es": "Estacionamiento", "body_es": "Estacionamiento gratuito detrás."}


def spanish_page(slug_es="estacionamiento", **overrides):
    return make_page(slug="parking", slug_es=slug_es, **SPANISH_PAGE, **overrides)


def edit_page(editor, page, **fields):
    """The editor changes the page's fields (slug_es, ...) in the admin and publishes."""
    response = editor.post(
        reverse("admin:programs_page_change", args=[page.pk]),
        {
            **page_form(
                title=page.title_en, slug=page.slug_en, meta_description=page.meta_description
            ),
            **SPANISH_PAGE,
            "slug_es": page.slug_es,
            **fields,
            **PUBLISH,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_changing_a_spanish_page_address_answers_301_from_the_old_one(marketing, client):
    page = spanish_page()
    edit_page(marketing, page, slug_es="como-llegar")
    client.logout()

    response = client.get("/es/estacionamiento/?utm_source=folleto")

    assert response.status_code == 301
    assert response["Location"] == "/es/como-llegar/?utm_source=folleto"
    assert client.get("/es/como-llegar/").status_code == 200
    # The English page has not moved.
    assert client.get("/parking/").status_code == 200
    assert redirects() == [("/es/estacionamiento/", "/es/como-llegar/")]


def test_changing_a_spanish_article_address_answers_301_from_the_old_one(marketing, client):
    article = make_article(
        slug="sleep",
        slug_es="dormir",
        title_es="Dormir al principio de la recuperación",
        summary_es="Por qué cuesta dormir.",
        body_es="El sueño vuelve poco a poco.",
    )
    response = marketing.post(
        reverse("admin:programs_article_change", args=[article.pk]),
        {
            **article_form(article.author, article.reviewer, slug="sleep"),
            "title_es": "Dormir al principio de la recuperación",
            "slug_es": "dormir-en-la-recuperacion",
            "summary_es": "Por qué cuesta dormir.",
            "body_es": "El sueño vuelve poco a poco.",
            **PUBLISH,
        },
    )
    assert response.status_code == 302
    client.logout()

    response = client.get("/es/articulos/dormir/")

    assert response.status_code == 301
    assert response["Location"] == "/es/articulos/dormir-en-la-recuperacion/"
    assert client.get("/es/articulos/dormir-en-la-recuperacion/").status_code == 200
    assert client.get("/articles/sleep/").status_code == 200


def test_a_second_spanish_move_rewrites_the_first_redirect_so_there_is_no_chain(marketing):
    page = spanish_page(slug_es="a")
    edit_page(marketing, page, slug_es="b")
    edit_page(marketing, Page.objects.get(pk=page.pk), slug_es="c")

    assert redirects() == [("/es/a/", "/es/c/"), ("/es/b/", "/es/c/")]


def test_moving_a_spanish_address_back_removes_the_redirect_so_there_is_no_loop(marketing, client):
    page = spanish_page(slug_es="a")
    edit_page(marketing, page, slug_es="b")
    edit_page(marketing, Page.objects.get(pk=page.pk), slug_es="a")
    client.logout()

    assert redirects() == [("/es/b/", "/es/a/")]
    assert client.get("/es/a/").status_code == 200


def test_an_english_move_takes_along_a_spanish_page_without_its_own_address(marketing, client):
    # Not translated: shown in English under /es/ at the English address.
    page = make_page(slug="parking")
    rename_page(marketing, page, "directions")
    client.logout()

    response = client.get("/es/parking/")

    assert response.status_code == 301
    assert response["Location"] == "/es/directions/"
    assert redirects() == [("/es/parking/", "/es/directions/"), ("/parking/", "/directions/")]


def test_an_english_move_leaves_the_spanish_address_alone(marketing, client):
    page = spanish_page()
    edit_page(marketing, page, slug_en="directions")
    client.logout()

    assert redirects() == [("/parking/", "/directions/")]
    assert client.get("/es/estacionamiento/").status_code == 200


def test_a_spanish_address_removed_leads_to_the_english_one_under_es(marketing, client):
    page = spanish_page()
    edit_page(marketing, page, slug_es="")
    client.logout()

    response = client.get("/es/estacionamiento/")

    assert response.status_code == 301
    assert response["Location"] == "/es/parking/"
    assert client.get("/es/parking/").status_code == 200


def test_a_spanish_draft_never_published_leaves_no_redirect():
    page = spanish_page(status=Page.Status.DRAFT)
    page.slug_es = "como-llegar"
    page.save()

    assert redirects() == []


def test_a_save_of_the_spanish_address_only_makes_its_redirect(client):
    page = spanish_page()
    page.slug_es = "como-llegar"
    page.save(update_fields=["slug_es"])

    assert redirects() == [("/es/estacionamiento/", "/es/como-llegar/")]
    assert client.get("/es/estacionamiento/")["Location"] == "/es/como-llegar/"
