"""The editorial roles in the core (gezondin.roles): every app asks who is a national editor
the same way."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from gezondin.roles import GEMEENTE_GROUP_PREFIX, NATIONAL_GROUP_NAME, is_national_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_user(django_user_model):
    def make(username, group=None, **fields):
        user = django_user_model.objects.create_user(username, password="x", **fields)
        if group:
            user.groups.add(Group.objects.get_or_create(name=group)[0])
        return user

    return make


def test_members_of_the_national_group_and_superusers_are_national_editors(make_user):
    assert is_national_editor(make_user("landelijk", NATIONAL_GROUP_NAME))
    assert is_national_editor(make_user("beheer", is_superuser=True))


def test_municipal_editors_inactive_users_and_visitors_are_not(make_user):
    assert not is_national_editor(make_user("tilburg", f"{GEMEENTE_GROUP_PREFIX}Tilburg"))
    assert not is_national_editor(make_user("oud", NATIONAL_GROUP_NAME, is_active=False))
    assert not is_national_editor(make_user("oud-beheer", is_superuser=True, is_active=False))
    assert not is_national_editor(AnonymousUser())
