"""Who may open which page: anonymous -> sign in, outsiders -> 403, members read, writers edit their own."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_front_page_sends_anonymous_visitors_to_sign_in(client):
    response = client.get("/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    first_form = html[html.index("<form"):html.index("</form>")]
    assert 'name="username"' in first_form and 'name="password"' in first_form


def test_signing_in_lands_on_the_desk(client, writer):
    from tests.conftest import PASSWORD

    response = client.post(reverse("login"), {"username": "writer", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("editorial:desk")


def test_logging_out_takes_a_post(login, writer):
    client = login(writer)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("name", ["desk", "waiting", "draft_new"])
def test_it_refuses_outsiders_on_every_page(login, outsider, name):
    assert login(outsider).get(reverse(f"editorial:{name}")).status_code == 403


def test_it_refuses_outsiders_a_draft(login, outsider, draft):
    assert login(outsider).get(reverse("editorial:draft", args=[draft.pk])).status_code == 403


def test_it_sends_anonymous_visitors_of_a_draft_to_sign_in(client, draft):
    response = client.get(reverse("editorial:draft", args=[draft.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_every_member_reads_every_draft(login, other_writer, publisher, reviewer, draft):
    for user in (other_writer, publisher, reviewer):
        login(user)
        assert login(user).get(reverse("editorial:draft", args=[draft.pk])).status_code == 200


def test_only_the_writer_may_open_the_editor(login, writer, other_writer, draft):
    url = reverse("editorial:draft_edit", args=[draft.pk])
    assert login(other_writer).get(url).status_code == 403
    assert login(writer).get(url).status_code == 200


def test_an_admin_may_edit_any_draft(login, admin_user, draft):
    assert login(admin_user).get(reverse("editorial:draft_edit", args=[draft.pk])).status_code == 200


def test_another_writer_cannot_save_a_revision(login, other_writer, draft):
    url = reverse("editorial:draft_edit", args=[draft.pk])
    response = login(other_writer).post(url, {"title": "x", "body": "y"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.revision_number == 1


def test_an_unknown_draft_is_a_404(login, writer):
    assert login(writer).get(reverse("editorial:draft", args=[999999])).status_code == 404


def test_password_change_page_is_styled(login, writer):
    html = login(writer).get(reverse("password_change")).content.decode()
    assert 'href="/static/editorial/base.css"' in html and 'name="old_password"' in html


def test_password_reset_is_styled_and_sends_a_mail(client, writer, settings):
    from django.core import mail

    # The lookup and the mail run in a task (the answer must not depend on the address): run it now.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

    html = client.get(reverse("password_reset")).content.decode()
    assert 'href="/static/editorial/base.css"' in html and 'name="email"' in html
    client.post(reverse("password_reset"), {"email": writer.email})
    assert len(mail.outbox) == 1 and writer.email in mail.outbox[0].to
    assert "base.css" in client.get(reverse("password_reset_done")).content.decode()
