"""People: credentials fit for a byline, the team page's order, who has a public page."""

import pytest
from django.core.exceptions import ValidationError

from programs.models import Article, Person
from tests.programs.factories import make_article, make_person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("credentials", ["LCSW", "LCSW, CADC III", "MD", "PMHNP-BC", "Ph.D."])
def test_plausible_credentials_are_accepted(credentials):
    make_person(credentials=credentials).full_clean()


@pytest.mark.parametrize("credentials", ["lcsw", "LCSW;; MD", "LCSW,", "<b>MD</b>"])
def test_credentials_that_are_not_letters_and_commas_are_refused(credentials):
    person = make_person(credentials=credentials)

    with pytest.raises(ValidationError) as error:
        person.full_clean()

    assert error.value.message_dict["credentials"] == [
        "Write the credentials as their letters, separated by commas, e.g. “LCSW, LAADC” or “MD”."
    ]


def test_people_are_listed_by_role_then_order_then_name():
    admissions = make_person("sam", name="Sam", role=Person.Role.ADMISSIONS)
    therapist_b = make_person("bo", name="Bo", role=Person.Role.THERAPY, order=5)
    therapist_a = make_person("al", name="Al", role=Person.Role.THERAPY, order=5)
    medical = make_person("mo", name="Mo", role=Person.Role.MEDICAL)
    leader = make_person("lee", name="Lee", role=Person.Role.LEADERSHIP, order=99)
    make_person("hidden", name="Hidden", on_team_page=False)

    assert list(Person.objects.on_team_page()) == [
        leader,
        medical,
        therapist_a,
        therapist_b,
        admissions,
    ]


def test_a_person_off_the_team_page_is_public_only_while_credited_on_a_live_article():
    hidden = make_person("ghost", name="Ghost Writer", on_team_page=False)
    assert hidden not in Person.objects.public()

    article = make_article(author=hidden)
    assert hidden in Person.objects.public()

    article.status = Article.Status.DRAFT
    article.save()
    assert hidden not in Person.objects.public()
