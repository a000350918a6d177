"""GET every named URL (the Django admin's aside) as anonymous, the activist who owns the
objects, another activist, centre staff (a coordinator) and the administration. A URL with no
expected outcome here fails the test, so a new page cannot slip in unreviewed. Every page
that answers is also read for English labels of Django or allauth (the interface is Russian).

302 for the anonymous is the login page; 405 is a POST-only action; 404 hides what a person
may not know exists (someone else's ticket, an invitation to someone else)."""

import pytest
from django.urls import reverse

from tests.english_labels import english_labels_in, texts_of_html

from .routes import kwargs_for, named_routes

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "activist", "other_activist", "staff", "administration")
PUBLIC = (200, 200, 200, 200, 200)
SIGNED_IN = (302, 200, 200, 200, 200)
POST_ONLY = (302, 405, 405, 405, 405)
STAFF_AND_ADMINISTRATION = (302, 403, 403, 200, 200)
STAFF = (302, 403, 403, 200, 403)

EXPECTED = {
    # accounts (allauth and ours)
    "account_change_password": SIGNED_IN,
    "account_confirm_email": PUBLIC,
    "account_confirm_login_code": (302, 302, 302, 302, 302),
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_inactive": PUBLIC,
    "account_login": (200, 302, 302, 302, 302),
    "account_logout": SIGNED_IN,
    "account_reauthenticate": SIGNED_IN,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_set_password": (302, 302, 302, 302, 302),
    "account_signup": (200, 302, 302, 302, 302),
    "accounts:consent_give": SIGNED_IN,
    "accounts:consent_withdraw": POST_ONLY,
    "accounts:profile": SIGNED_IN,
    "accounts:personal_data": SIGNED_IN,
    "accounts:personal_data_page": SIGNED_IN,
    "accounts:publication_consent": POST_ONLY,
    "accounts:newsletter_consent": POST_ONLY,
    "accounts:api_tokens": STAFF_AND_ADMINISTRATION,
    "accounts:api_token_revoke": (302, 403, 403, 405, 405),
    "accounts:newsletter_unsubscribe": PUBLIC,  # one button; the GET changes nothing
    "mfa_activate_totp": (302, 302, 302, 302, 302),
    "mfa_authenticate": (302, 302, 302, 302, 302),
    "mfa_deactivate_totp": (302, 404, 404, 302, 302),
    "mfa_download_recovery_codes": (302, 404, 404, 404, 404),
    "mfa_generate_recovery_codes": (302, 302, 302, 302, 302),
    "mfa_index": SIGNED_IN,
    "mfa_reauthenticate": (302, 302, 302, 200, 200),
    "mfa_view_recovery_codes": (302, 404, 404, 404, 404),
    "set_language": (302, 302, 302, 302, 302),
    # portal
    "home": PUBLIC,
    "healthz": PUBLIC,
    "readyz": (503, 503, 503, 503, 503),  # no Celery worker runs beside the sweep
    "media": PUBLIC,
    "privacy": PUBLIC,
    "consent_document": PUBLIC,
    "desk": STAFF_AND_ADMINISTRATION,
    "targets": STAFF_AND_ADMINISTRATION,
    "people": STAFF,
    "people_roles": STAFF,
    "targets_edit": STAFF_AND_ADMINISTRATION,
    "newsletters": STAFF_AND_ADMINISTRATION,
    "newsletter": STAFF_AND_ADMINISTRATION,
    "newsletter_new": STAFF,
    "newsletter_edit": STAFF,
    "newsletter_test": (302, 403, 403, 405, 403),
    "newsletter_send": (302, 403, 403, 405, 403),
    "reports:archive": STAFF_AND_ADMINISTRATION,
    "reports:download": STAFF_AND_ADMINISTRATION,
    "reports:status": STAFF_AND_ADMINISTRATION,
    "reports:period": STAFF_AND_ADMINISTRATION,
    # registry
    "initiatives:analytics": STAFF_AND_ADMINISTRATION,
    "initiatives:catalogue": PUBLIC,
    "initiatives:create": SIGNED_IN,
    "initiatives:decide": (302, 403, 403, 405, 403),
    "initiatives:edit": (302, 200, 403, 403, 403),
    "initiatives:export": STAFF_AND_ADMINISTRATION,
    "initiatives:history": (302, 200, 403, 200, 403),
    "initiatives:import": STAFF,
    "initiatives:import_detail": STAFF,
    "initiatives:import_status": STAFF,
    "initiatives:invitation_accept": (302, 404, 200, 404, 404),
    "initiatives:mine": SIGNED_IN,
    "initiatives:moderation": STAFF,
    "initiatives:open_data": PUBLIC,
    "passports:detail": PUBLIC,
    "passports:action": POST_ONLY,
    "passports:create": SIGNED_IN,
    "passports:edit": STAFF,
    "passports:pdf": PUBLIC,
    "passports:list": PUBLIC,
    "initiatives:profile": PUBLIC,
    # consulting
    "consulting:book": SIGNED_IN,
    "consulting:cancel": POST_ONLY,
    "consulting:catalogue": PUBLIC,
    "consulting:councils": STAFF_AND_ADMINISTRATION,
    "consulting:dashboard": STAFF_AND_ADMINISTRATION,
    "consulting:decide": (302, 403, 403, 405, 403),
    "consulting:log": STAFF,
    "consulting:log_create": STAFF,
    "consulting:log_edit": STAFF,
    "consulting:log_export": STAFF,
    "consulting:mine": SIGNED_IN,
    "consulting:move": (302, 200, 403, 200, 403),
    "consulting:outcome": STAFF,
    "consulting:quarter_state": (302, 403, 403, 403, 405),
    "consulting:reviews": STAFF_AND_ADMINISTRATION,
    "consulting:availability": STAFF,
    "consulting:roadmap": (302, 200, 403, 200, 200),  # the administration reads it
    "consulting:staff_bookings": STAFF,
    # training
    "training:attendance": STAFF,
    "training:cancel": POST_ONLY,
    "training:certificate_download": (302, 200, 403, 200, 403),
    "training:certificate_request": POST_ONLY,
    "training:dashboard": STAFF_AND_ADMINISTRATION,
    "training:enrol": POST_ONLY,
    "training:feed": PUBLIC,
    "training:feedback": PUBLIC,
    "training:feedback_results": STAFF_AND_ADMINISTRATION,
    "training:mine": SIGNED_IN,
    "training:programmes": PUBLIC,
    "training:session": PUBLIC,
    "training:session_ics": PUBLIC,
    "training:verify": PUBLIC,
    "training:manage": STAFF,
    "training:programme_create": STAFF,
    "training:programme_edit": STAFF,
    "training:trainer_create": STAFF,
    "training:trainer_edit": STAFF,
    "training:session_create": STAFF,
    "training:session_edit": STAFF,
    "training:session_copy": STAFF,
    "training:session_cancel": (302, 403, 403, 405, 403),
    "consulting:council_create": STAFF,
    "consulting:council_edit": STAFF,
    "consulting:roadmap_create": STAFF,
    "consulting:manage": STAFF,
    "consulting:topic_create": STAFF,
    "consulting:topic_edit": STAFF,
    "consulting:consultant_create": STAFF,
    "consulting:consultant_edit": STAFF,
    # events
    "events:calendar": PUBLIC,
    "events:cancel": POST_ONLY,
    "events:check_in": STAFF,
    "events:commitment_done": (302, 403, 403, 405, 405),
    "events:commitments": PUBLIC,
    "events:counts": STAFF,
    "events:release_no_shows": (302, 403, 403, 405, 403),
    "events:event": PUBLIC,
    "events:feed": PUBLIC,
    "events:gallery": PUBLIC,
    "events:game_join": POST_ONLY,
    "events:game_leave": POST_ONLY,
    "events:moderate": (302, 403, 403, 405, 403),
    "events:manage": STAFF,
    "events:manage_create": STAFF,
    "events:manage_event": STAFF,
    "events:manage_programme": STAFF,
    "events:manage_outcome": STAFF,
    "events:media": STAFF_AND_ADMINISTRATION,
    # the read API (portal/api.py): public, read-only, no personal data
    # follows
    "follows:notifications": SIGNED_IN,
    "follows:delivery": POST_ONLY,
    "follows:follow": POST_ONLY,
    "follows:unsubscribe": PUBLIC,  # one button; the GET changes nothing
    "api:api-root": (404, 404, 404, 404, 404),
    "api:openapi-json": PUBLIC,
    "api:initiatives": PUBLIC,
    "api:initiative": PUBLIC,
    "api:events": PUBLIC,
    "api:training_sessions": PUBLIC,
    "api:commitments": PUBLIC,
    "api:quarter_figures": PUBLIC,
    "api:staff_consultations": (401, 401, 401, 401, 401),  # a key, not a session
    "events:media_create": STAFF,
    "events:media_edit": STAFF,
    "events:media_delete": (302, 403, 403, 405, 403),
    "events:manage_copy": STAFF,
    "events:manage_cancel": (302, 403, 403, 405, 403),
    "events:manage_commitment": STAFF,
    "events:manage_team": STAFF,
    "events:series_create": STAFF,
    "events:series_edit": STAFF,
    "events:questions": PUBLIC,
    "events:register": POST_ONLY,
    "events:report_action": POST_ONLY,
    "events:stand": POST_ONLY,
    "events:submit_report": SIGNED_IN,
    "events:support": (405, 405, 405, 405, 405),
    "events:teams": STAFF,
    "events:ticket": (302, 200, 404, 404, 404),
    "events:tickets": SIGNED_IN,
}


def test_every_url_has_an_expected_outcome():
    routes = set(named_routes())
    assert routes - set(EXPECTED) == set(), "new URLs need an expected outcome in this table"
    assert set(EXPECTED) - routes == set(), "the table names URLs that no longer exist"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_answers_each_role_as_expected(name, world, clients):
    url = reverse(name, kwargs=kwargs_for(name, world))
    responses = [clients[role].get(url) for role in ROLES]
    actual = tuple(response.status_code for response in responses)
    assert actual == EXPECTED[name], dict(zip(ROLES, actual, strict=True))
    for role, response in zip(ROLES, responses, strict=True):
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            english = english_labels_in(texts_of_html(response.content.decode()))
            assert not english, f"English labels of Django or allauth for {role}: {english}"
