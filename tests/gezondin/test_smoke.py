import pytest

pytestmark = pytest.mark.django_db


def test_dutch_and_english_home_pages_are_served(client, home_page):
    assert client.get("/nl/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_root_redirects_to_a_language(client, home_page):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"
