"""Donor registry pages: status, message and what they save."""

from civicapp.accounts.models import Role


def test_donor_admin_pages(client, login, make_user):
    login(make_user(role=Role.ADMIN))
    response = client.post(
        "/initiatives/admin/donors", data={"name": "OSCE", "website": "javascript:alert(1)"}
    )
    assert response.status_code == 400
    assert b"Enter a web address that starts with http://" in response.data
    response = client.post(
        "/initiatives/admin/donors", data={"name": "OSCE"}, follow_redirects=True
    )
    assert b"The donor is added." in response.data
