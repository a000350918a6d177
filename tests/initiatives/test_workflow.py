"""An activist's record from the first step to the catalogue, and who may do what."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from civiccenter.kernel import audit
from initiatives.models import HeadcountRecord, Invitation, Membership, Organisation
from tests.factories import OrganisationFactory, OrganisationLinkFactory
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

ABOUT = {
    "kind": "initiative_group",
    "name": "Зелёный двор",
    "short_description": "Благоустраиваем дворы Ленинского района",
    "description": "Клумбы, скамейки, субботники.",
    "status": "active",
    "founded_on": "2025-04-01",
    "action": "next",
}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "#1d6b35").save(buffer, "PNG")
    return buffer.getvalue()


def _edit(slug, step):
    return reverse("initiatives:edit", args=[slug, step])


def test_activist_registers_in_steps_saves_a_draft_and_submits(
    client, activist, ecology, django_capture_on_commit_callbacks
):
    client.force_login(activist)

    response = client.post(reverse("initiatives:create"), ABOUT)
    organisation = Organisation.objects.get(name="Зелёный двор")
    assert response["Location"] == _edit(organisation.slug, "topics")
    assert organisation.moderation == "draft"
    assert Membership.objects.get(organisation=organisation).user == activist

    client.post(
        _edit(organisation.slug, "topics"),
        {"topics": [ecology.pk], "city": "Пермь", "action": "save"},
    )
    # Saved as a draft: the person can leave and come back to the same step.
    assert client.get(_edit(organisation.slug, "topics")).status_code == 200
    client.post(
        _edit(organisation.slug, "contacts"),
        {
            "website": "https://zeleny-dvor.example.org",
            "public_email": "info@zeleny-dvor.example.org",
            "private_phone": "+7 342 000-00-00",
            "links": "vk.com/zeleny_dvor\nhttps://t.me/zeleny_dvor",
            "action": "next",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _edit(organisation.slug, "team"),
            {
                "members_count": "12",
                "volunteers_count": "30",
                "invite_emails": "friend@example.org",
                "invite_role": "editor",
                "action": "submit",
            },
        )

    organisation.refresh_from_db()
    assert response["Location"] == reverse("initiatives:profile", args=[organisation.slug])
    assert organisation.moderation == "pending"
    assert list(organisation.topics.all()) == [ecology]
    assert sorted(organisation.links.values_list("network", flat=True)) == ["telegram", "vk"]
    assert (organisation.members_count, organisation.volunteers_count) == (12, 30)
    assert HeadcountRecord.objects.get(organisation=organisation).members == 12
    assert Invitation.objects.get(organisation=organisation).email == "friend@example.org"
    assert [message.to for message in mail.outbox] == [["friend@example.org"]]
    actions = {entry.action for entry in audit.history(organisation)}
    assert {"created", "edited", "invited", "submitted"} <= actions
    # Not yet in the catalogue.
    assert "Зелёный двор" not in client.get(reverse("initiatives:catalogue")).content.decode()


def test_submitting_without_topics_is_refused_with_a_reason(client, activist, draft_of):
    organisation = draft_of(activist)
    client.force_login(activist)

    response = client.post(
        _edit(organisation.slug, "team"),
        {
            "members_count": "1",
            "volunteers_count": "0",
            "invite_role": "member",
            "action": "submit",
        },
        follow=True,
    )

    assert "добавьте хотя бы одну тему" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.moderation == "draft"


def test_moderator_approves_and_the_leader_is_emailed(
    client, activist, coordinator, draft_of, ecology, django_capture_on_commit_callbacks
):
    organisation = draft_of(activist, name="Лесная страна", moderation="pending")
    organisation.topics.add(ecology)
    client.force_login(coordinator)

    queue = client.get(reverse("initiatives:moderation"))
    assert "Лесная страна" in queue.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("initiatives:decide", args=[organisation.slug, "approve"]))

    organisation.refresh_from_db()
    assert organisation.moderation == "published"
    assert organisation.published_at is not None
    assert organisation.status_changes.get().to_status == "active"
    assert mail.outbox[0].to == [activist.email]
    assert "Лесная страна" in mail.outbox[0].subject
    assert "Лесная страна" in client.get(reverse("initiatives:catalogue")).content.decode()


def test_moderator_returns_with_a_reason_and_the_activist_sees_it(
    client, activist, coordinator, draft_of, django_capture_on_commit_callbacks
):
    organisation = draft_of(activist, moderation="pending")
    client.force_login(coordinator)

    response = client.post(
        reverse("initiatives:decide", args=[organisation.slug, "return"]),
        {"reason": ""},
        follow=True,
    )
    assert "Укажите, что нужно изменить." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("initiatives:decide", args=[organisation.slug, "return"]),
            {"reason": "Добавьте описание проекта"},
        )

    organisation.refresh_from_db()
    assert organisation.moderation == "returned"
    assert "Добавьте описание проекта" in mail.outbox[0].body
    client.force_login(activist)
    assert (
        "Добавьте описание проекта"
        in client.get(_edit(organisation.slug, "about")).content.decode()
    )


def test_activists_cannot_moderate(client, activist, draft_of):
    organisation = draft_of(activist, moderation="pending")
    client.force_login(activist)

    assert client.get(reverse("initiatives:moderation")).status_code == 403
    response = client.post(reverse("initiatives:decide", args=[organisation.slug, "approve"]))
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.moderation == "pending"


def test_another_users_draft_is_a_404(client, activist, make_user, draft_of):
    organisation = draft_of(activist)
    client.force_login(make_user("activist"))

    assert client.get(reverse("initiatives:profile", args=[organisation.slug])).status_code == 404
    assert client.get(_edit(organisation.slug, "about")).status_code == 404
    client.logout()
    assert client.get(reverse("initiatives:profile", args=[organisation.slug])).status_code == 404


def test_members_see_the_private_part_others_only_the_public(client, activist, make_user):
    organisation = OrganisationFactory(
        public_email="club@example.org", private_phone="+7 900 111-22-33", contact_person="Иван"
    )
    member = make_user("activist")
    Membership.objects.create(organisation=organisation, user=member, role="member")
    url = reverse("initiatives:profile", args=[organisation.slug])

    client.force_login(activist)
    public = client.get(url).content.decode()
    assert "club@example.org" in public and "+7 900 111-22-33" not in public

    client.force_login(member)
    private = client.get(url).content.decode()
    assert "+7 900 111-22-33" in private and "Иван" in private
    # Members see, but do not edit.
    assert client.get(_edit(organisation.slug, "about")).status_code == 403


def test_editor_changes_a_published_record_and_every_change_is_recorded(client, make_user):
    organisation = OrganisationFactory(name="Музыканты Пензы", members_count=138)
    editor = make_user("activist")
    Membership.objects.create(organisation=organisation, user=editor, role="editor")
    client.force_login(editor)

    client.post(
        _edit(organisation.slug, "team"),
        {
            "members_count": "150",
            "volunteers_count": "4",
            "invite_role": "member",
            "action": "save",
        },
    )

    (record,) = [entry for entry in audit.history(organisation) if entry.action == "edited"]
    assert record.actor == editor
    assert record.changes["members_count"] == [138, 150]
    assert HeadcountRecord.objects.get(organisation=organisation).members == 150
    organisation.refresh_from_db()
    assert organisation.moderation == "published"
    assert organisation.last_activity_at is not None


def test_bad_input_is_explained_next_to_the_field_and_nothing_typed_is_lost(client, activist):
    client.force_login(activist)

    response = client.post(
        reverse("initiatives:create"),
        {**ABOUT, "kind": "ngo", "inn": "7707083894", "ogrn": "1027700132195"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Это не ИНН" in html
    assert 'value="Зелёный двор"' in html
    assert "Благоустраиваем дворы Ленинского района" in html
    assert not Organisation.objects.exists()


def test_a_non_http_link_is_refused(client, activist, draft_of):
    organisation = draft_of(activist)
    client.force_login(activist)

    response = client.post(
        _edit(organisation.slug, "contacts"),
        {"links": "javascript:alert(1)\nhttps://vk.com/ok", "action": "next"},
    )

    assert response.status_code == 200
    assert "Это не ссылки на общедоступные сайты: javascript:alert(1)" in response.content.decode()
    assert not organisation.links.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"MZ\x90\x00" + b"\0" * 200,
            "Этот файл не изображение: загрузите логотип в PNG, JPEG или WebP.",
        ),
        (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
            "Рисунки SVG не принимаются как логотип: сохраните логотип в PNG и загрузите его.",
        ),
        (None, "Файл изображения повреждён или неполон: сохраните его заново и загрузите."),
        (
            b"\0" * (30 * 1024 * 1024),
            "Логотип слишком большой: 30,0 МБ, допускается не более 2 МБ.",
        ),
    ],
    ids=["exe renamed png", "svg", "damaged png", "30 MB"],
)
def test_a_logo_that_is_not_a_usable_image_is_refused_with_the_reason(
    client, activist, draft_of, content, message
):
    organisation = draft_of(activist)
    client.force_login(activist)
    content = content if content is not None else _png()[:60]  # the picture cut short
    upload = SimpleUploadedFile("logo.png", content, content_type="image/png")

    response = client.post(_edit(organisation.slug, "about"), {**ABOUT, "logo": upload})

    assert response.status_code == 200
    assert message in response.content.decode()
    organisation.refresh_from_db()
    assert not organisation.logo


def test_a_good_logo_is_stored_under_a_generated_name(client, activist, draft_of):
    organisation = draft_of(activist)
    client.force_login(activist)

    good = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    client.post(_edit(organisation.slug, "about"), {**ABOUT, "logo": good})
    organisation.refresh_from_db()
    assert organisation.logo.name.startswith("logos/")


def test_a_duplicate_name_warns_with_a_link_and_can_be_confirmed(client, activist):
    existing = OrganisationFactory(name="Зелёный двор")
    client.force_login(activist)

    response = client.post(reverse("initiatives:create"), {**ABOUT, "name": "зеленый  двор"})
    html = response.content.decode()
    assert reverse("initiatives:profile", args=[existing.slug]) in html
    assert not Organisation.objects.filter(moderation="draft").exists()

    client.post(
        reverse("initiatives:create"), {**ABOUT, "name": "зеленый  двор", "confirm_distinct": "on"}
    )
    assert Organisation.objects.filter(moderation="draft").count() == 1


def test_invitation_link_adds_the_person_to_the_team(client, activist, make_user, draft_of):
    organisation = draft_of(activist)
    invitation = Invitation.objects.create(
        organisation=organisation, email="friend@example.org", role="editor", invited_by=activist
    )
    friend = make_user("activist", email="friend@example.org")
    client.force_login(friend)
    url = reverse("initiatives:invitation_accept", args=[invitation.token])

    assert client.get(url).status_code == 200
    client.post(url)

    assert Membership.objects.get(organisation=organisation, user=friend).role == "editor"
    # The link alone does not make a member: another person who has it is refused.
    stranger = make_user("activist")
    second = Invitation.objects.create(
        organisation=organisation, email="colleague@example.org", role="member", invited_by=activist
    )
    client.force_login(stranger)
    second_url = reverse("initiatives:invitation_accept", args=[second.token])
    assert client.get(second_url).status_code == 404
    client.post(second_url)
    assert not Membership.objects.filter(organisation=organisation, user=stranger).exists()
    client.force_login(friend)
    assert client.get(_edit(organisation.slug, "about")).status_code == 200
    assert client.get(url).status_code == 404


def test_renaming_a_draft_leads_to_the_next_step_under_the_new_address(client, activist, draft_of):
    organisation = draft_of(activist, name="Рабочее название")
    client.force_login(activist)

    response = client.post(_edit(organisation.slug, "about"), ABOUT, follow=True)

    organisation.refresh_from_db()
    assert organisation.slug == "зелёный-двор"
    assert response.redirect_chain == [(_edit(organisation.slug, "topics"), 302)]
    assert response.status_code == 200


def test_every_step_of_a_complete_record_saves_again_unchanged(client, make_user, ecology):
    """Found in use: once a record had links, «Contacts and links» refused every save with
    «a link with these values already exists», twice."""
    organisation = OrganisationFactory(
        name="Зелёный двор",
        kind="ngo",
        inn="7707083893",
        ogrn="1027700132195",
        website="https://zeleny-dvor.example.org",
        public_email="info@zeleny-dvor.example.org",
        private_phone="+73422123456",
        contact_person="Соколова Анна",
        founded_on="2024-03-01",
        volunteers_count=12,
    )
    organisation.topics.add(ecology)
    OrganisationLinkFactory(organisation=organisation, url="https://vk.com/zeleny_dvor")
    OrganisationLinkFactory(organisation=organisation, url="https://t.me/zeleny_dvor")
    leader = make_user("activist")
    Membership.objects.create(organisation=organisation, user=leader, role="leader")
    client.force_login(leader)

    for step in ("about", "topics", "contacts", "team"):
        page = client.get(_edit(organisation.slug, step))
        data = form_data(page.content.decode(), form_id="step-form")
        response = client.post(_edit(organisation.slug, step), {**data, "action": "save"})

        assert response.status_code == 302, (step, response.context["form"].errors)
        assert response["Location"] == _edit(organisation.slug, step)

    assert [entry.action for entry in audit.history(organisation)] == []
    assert sorted(organisation.links.values_list("url", flat=True)) == [
        "https://t.me/zeleny_dvor",
        "https://vk.com/zeleny_dvor",
    ]
