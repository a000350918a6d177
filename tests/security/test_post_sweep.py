"""POST to every named URL (the Django admin's aside), in each of its variants, as the five
roles of the GET sweep, and check both the answer and the database.

The activist owns the world's objects (a booking, an enrolment with a certificate, a ticket, a
question, a stand report, a draft record); «other_activist» is another person, who must not
cancel, request or review any of them. A refused POST must leave every table as it was: each
POST runs in a savepoint, the tables' digests are compared before and after, and the savepoint
is rolled back so that the next POST meets the same world. Only the (URL, role) pairs listed
in CHANGES may change the database, and a URL with no expected answer here fails the test.

Answers: 302 for the anonymous is the login page (or the page that says why, with a message,
for a signed-in person); 403 a right the role lacks; 404 what the person may not know exists;
405 a URL that takes no POST; 200 a form shown again with its errors; 429 a public form's
limit."""

import copy

import pytest
from django.db import connection, transaction
from django.urls import reverse

from .routes import kwargs_for, named_routes

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "activist", "other_activist", "staff", "administration")

# Extra URL arguments: one row of the table for each action of a URL that takes several.
VARIANTS = {
    "events:report_action": {a: {"action": a} for a in ("vote", "review", "score")},
    "events:moderate": {a: {"action": a} for a in ("accept", "reject", "answer")},
    "initiatives:decide": {d: {"decision": d} for d in ("approve", "return")},
    "consulting:decide": {d: {"decision": d} for d in ("confirm", "decline")},
    "passports:action": {
        a: {"action": a} for a in ("publish", "submit", "approve", "return", "pdf")
    },
}


def database_digest() -> dict[str, tuple]:
    """Row count and a digest of the rows of every table of the portal."""
    digest = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table in ("django_session", "civiccenter_cache"):
                continue  # a request may touch its own session and the cache
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) FROM \"{table}\" t"  # noqa: S608, E501 (names from the database itself)
            )
            digest[table] = cursor.fetchone()
    return digest


EXPECTED = {
    "account_change_password": (302, 200, 200, 200, 200),
    "account_confirm_email": (404, 404, 404, 404, 404),
    "account_confirm_login_code": (302, 302, 302, 302, 302),
    "account_email": (302, 302, 302, 302, 302),
    "account_email_verification_sent": (405, 405, 405, 405, 405),
    "account_inactive": (405, 405, 405, 405, 405),
    "account_login": (200, 302, 302, 302, 302),
    "account_logout": (302, 302, 302, 302, 302),
    "account_reauthenticate": (302, 200, 200, 200, 200),
    "account_reset_password": (200, 200, 200, 200, 200),
    "account_reset_password_done": (405, 405, 405, 405, 405),
    "account_reset_password_from_key": (200, 200, 200, 200, 200),
    "account_reset_password_from_key_done": (405, 405, 405, 405, 405),
    "account_set_password": (302, 302, 302, 302, 302),
    "account_signup": (200, 302, 302, 302, 302),
    "accounts:consent_give": (302, 200, 200, 200, 200),
    "accounts:consent_withdraw": (302, 200, 200, 200, 200),
    "accounts:personal_data": (302, 405, 405, 405, 405),
    "accounts:personal_data_page": (302, 405, 405, 405, 405),
    "accounts:publication_consent": (302, 302, 302, 302, 302),
    "accounts:newsletter_consent": (302, 302, 302, 302, 302),  # «no», from people who said no
    "accounts:api_tokens": (302, 403, 403, 400, 400),  # a key needs a name
    "accounts:api_token_revoke": (302, 403, 403, 302, 302),  # not one's own key: no change
    "accounts:newsletter_unsubscribe": (200, 200, 200, 200, 200),  # the token is the proof
    "accounts:profile": (302, 302, 302, 302, 302),
    "consulting:availability": (302, 403, 403, 404, 403),
    "consulting:book": (302, 200, 200, 200, 200),
    "consulting:cancel": (302, 302, 403, 302, 403),
    "consulting:catalogue": (405, 405, 405, 405, 405),
    "consulting:councils": (302, 403, 403, 405, 405),
    "consulting:dashboard": (302, 403, 403, 405, 405),
    "consulting:decide[confirm]": (302, 403, 403, 302, 403),
    "consulting:decide[decline]": (302, 403, 403, 302, 403),
    "consulting:log": (302, 403, 403, 405, 403),
    "consulting:log_create": (302, 403, 403, 200, 403),
    "consulting:log_edit": (302, 403, 403, 200, 403),
    "consulting:log_export": (302, 403, 403, 405, 403),
    "consulting:mine": (302, 405, 405, 405, 405),
    "consulting:move": (302, 200, 403, 200, 403),
    "consulting:outcome": (302, 403, 403, 200, 403),
    "consulting:quarter_state": (302, 403, 403, 403, 404),
    "consulting:reviews": (302, 403, 403, 200, 403),
    "consulting:roadmap": (302, 200, 403, 200, 403),
    "consulting:staff_bookings": (302, 403, 403, 405, 403),
    "desk": (302, 403, 403, 405, 405),
    "targets": (302, 403, 403, 405, 405),
    "people": (302, 403, 403, 405, 403),
    "people_roles": (302, 403, 403, 302, 403),
    "targets_edit": (302, 403, 403, 200, 200),
    "newsletters": (302, 403, 403, 405, 405),
    "newsletter": (302, 403, 403, 405, 405),
    "newsletter_new": (302, 403, 403, 400, 403),  # an empty form: its errors
    "newsletter_edit": (302, 403, 403, 400, 403),
    "newsletter_test": (302, 403, 403, 302, 403),
    "newsletter_send": (302, 403, 403, 302, 403),
    "training:manage": (302, 403, 403, 405, 403),
    "training:programme_create": (302, 403, 403, 200, 403),
    "training:programme_edit": (302, 403, 403, 200, 403),
    "training:trainer_create": (302, 403, 403, 200, 403),
    "training:trainer_edit": (302, 403, 403, 200, 403),
    "training:session_create": (302, 403, 403, 200, 403),
    "training:session_edit": (302, 403, 403, 200, 403),
    "training:session_copy": (302, 403, 403, 200, 403),
    "training:session_cancel": (302, 403, 403, 302, 403),
    "consulting:council_create": (302, 403, 403, 200, 403),
    "consulting:council_edit": (302, 403, 403, 200, 403),
    "consulting:roadmap_create": (302, 403, 403, 200, 403),
    "consulting:manage": (302, 403, 403, 405, 403),
    "consulting:topic_create": (302, 403, 403, 200, 403),
    "consulting:topic_edit": (302, 403, 403, 200, 403),
    "consulting:consultant_create": (302, 403, 403, 200, 403),
    "consulting:consultant_edit": (302, 403, 403, 200, 403),
    "events:calendar": (405, 405, 405, 405, 405),
    "events:cancel": (302, 302, 302, 302, 302),
    "events:check_in": (302, 403, 403, 302, 403),
    "events:commitment_done": (302, 403, 403, 302, 302),
    "events:commitments": (405, 405, 405, 405, 405),
    "events:counts": (302, 403, 403, 405, 403),
    "events:release_no_shows": (302, 403, 403, 302, 403),
    "events:event": (405, 405, 405, 405, 405),
    "events:feed": (405, 405, 405, 405, 405),
    "events:gallery": (405, 405, 405, 405, 405),
    "events:game_join": (302, 302, 302, 302, 302),
    "events:game_leave": (302, 404, 404, 404, 404),
    "events:manage": (302, 403, 403, 405, 403),
    "events:manage_create": (302, 403, 403, 200, 403),
    "events:manage_event": (302, 403, 403, 200, 403),
    "events:manage_programme": (302, 403, 403, 200, 403),
    "events:manage_outcome": (302, 403, 403, 200, 403),
    "events:media": (302, 403, 403, 405, 405),
    # the read API takes no POST
    "follows:notifications": (302, 405, 405, 405, 405),
    "follows:delivery": (302, 302, 302, 302, 302),  # an empty choice: a message, no change
    "follows:follow": (302, 302, 302, 302, 302),  # «stop following» what one did not follow
    "follows:unsubscribe": (200, 200, 200, 200, 200),  # the token is the proof, not a session
    "api:api-root": (404, 404, 404, 404, 404),
    "api:openapi-json": (200, 200, 200, 200, 200),  # the schema whatever the method; no change
    "api:initiatives": (405, 405, 405, 405, 405),
    "api:initiative": (405, 405, 405, 405, 405),
    "api:events": (405, 405, 405, 405, 405),
    "api:training_sessions": (405, 405, 405, 405, 405),
    "api:commitments": (405, 405, 405, 405, 405),
    "api:quarter_figures": (405, 405, 405, 405, 405),
    "api:staff_consultations": (405, 405, 405, 405, 405),
    "events:media_create": (302, 403, 403, 200, 403),
    "events:media_edit": (302, 403, 403, 200, 403),
    "events:media_delete": (302, 403, 403, 302, 403),
    "events:manage_copy": (302, 403, 403, 200, 403),
    "events:manage_cancel": (302, 403, 403, 302, 403),
    "events:manage_commitment": (302, 403, 403, 200, 403),
    "events:manage_team": (302, 403, 403, 302, 403),
    "events:series_create": (302, 403, 403, 200, 403),
    "events:series_edit": (302, 403, 403, 200, 403),
    "events:moderate[accept]": (302, 403, 403, 302, 403),
    "events:moderate[reject]": (302, 403, 403, 302, 403),
    "events:moderate[answer]": (302, 403, 403, 200, 403),  # the form again, with its errors
    "events:questions": (302, 200, 200, 200, 200),
    "events:register": (302, 302, 302, 302, 302),
    "events:report_action[vote]": (302, 302, 302, 302, 302),
    "events:report_action[review]": (302, 302, 302, 302, 302),
    "events:report_action[score]": (302, 302, 302, 302, 302),
    "events:stand": (302, 302, 302, 302, 302),
    "events:submit_report": (302, 200, 200, 200, 200),
    "events:support": (302, 302, 302, 302, 302),
    "events:teams": (302, 403, 403, 302, 403),
    "events:ticket": (302, 405, 405, 405, 405),
    "events:tickets": (302, 405, 405, 405, 405),
    "healthz": (200, 200, 200, 200, 200),
    "home": (405, 405, 405, 405, 405),
    "initiatives:analytics": (302, 403, 403, 405, 405),
    "initiatives:catalogue": (405, 405, 405, 405, 405),
    "initiatives:create": (302, 200, 200, 200, 200),
    "initiatives:decide[approve]": (302, 403, 403, 302, 403),
    "initiatives:decide[return]": (302, 403, 403, 302, 403),
    "initiatives:edit": (302, 200, 403, 403, 403),
    "initiatives:export": (302, 403, 403, 405, 405),
    "initiatives:history": (302, 404, 403, 404, 403),
    "initiatives:import": (302, 403, 403, 200, 403),
    "initiatives:import_detail": (302, 403, 403, 302, 403),
    "initiatives:import_status": (302, 403, 403, 405, 403),
    "initiatives:invitation_accept": (302, 302, 302, 302, 302),
    "initiatives:mine": (302, 405, 405, 405, 405),
    "initiatives:moderation": (302, 403, 403, 405, 403),
    "initiatives:open_data": (405, 405, 405, 405, 405),
    "initiatives:profile": (405, 405, 405, 405, 405),
    "media": (405, 405, 405, 405, 405),
    "mfa_activate_totp": (302, 302, 302, 302, 302),
    "mfa_authenticate": (302, 302, 302, 302, 302),
    "mfa_deactivate_totp": (302, 404, 404, 302, 302),
    "mfa_download_recovery_codes": (302, 404, 404, 404, 404),
    "mfa_generate_recovery_codes": (302, 302, 302, 302, 302),
    "mfa_index": (302, 405, 405, 405, 405),
    "mfa_reauthenticate": (302, 302, 302, 200, 200),
    "mfa_view_recovery_codes": (302, 405, 405, 405, 405),
    "passports:action[publish]": (302, 403, 403, 302, 403),
    "passports:action[submit]": (302, 403, 403, 302, 403),
    "passports:action[approve]": (302, 403, 403, 302, 403),
    "passports:action[return]": (302, 403, 403, 302, 403),
    "passports:action[pdf]": (302, 403, 403, 302, 403),
    "passports:create": (302, 200, 200, 200, 200),
    "passports:detail": (405, 405, 405, 405, 405),
    "passports:edit": (302, 403, 403, 200, 403),
    "passports:list": (405, 405, 405, 405, 405),
    "passports:pdf": (405, 405, 405, 405, 405),
    "consent_document": (405, 405, 405, 405, 405),
    "privacy": (405, 405, 405, 405, 405),
    "readyz": (503, 503, 503, 503, 503),
    "reports:archive": (302, 403, 403, 302, 302),
    "reports:download": (302, 403, 403, 405, 405),
    "reports:period": (302, 403, 403, 405, 405),
    "reports:status": (302, 403, 403, 405, 405),
    "set_language": (302, 302, 302, 302, 302),
    "training:attendance": (302, 403, 403, 302, 403),
    "training:cancel": (302, 302, 302, 302, 302),
    "training:certificate_download": (302, 405, 405, 405, 405),
    "training:certificate_request": (302, 302, 404, 404, 404),
    "training:dashboard": (302, 403, 403, 405, 405),
    "training:enrol": (302, 302, 302, 302, 302),
    "training:feed": (405, 405, 405, 405, 405),
    "training:feedback": (200, 200, 200, 200, 200),
    "training:feedback_results": (302, 403, 403, 405, 405),
    "training:mine": (302, 405, 405, 405, 405),
    "training:programmes": (405, 405, 405, 405, 405),
    "training:session": (405, 405, 405, 405, 405),
    "training:session_ics": (405, 405, 405, 405, 405),
    "training:verify": (405, 405, 405, 405, 405),
}

# The only POSTs that may change the database, each the person's own act or a right of the role.
CHANGES = {
    # the unsubscribe link of the activist's letters works for whoever holds it (RFC 8058)
    ("follows:unsubscribe", "anonymous"),
    ("follows:unsubscribe", "activist"),
    ("follows:unsubscribe", "other_activist"),
    ("follows:unsubscribe", "staff"),
    ("follows:unsubscribe", "administration"),
    # each person saves their own profile
    ("accounts:profile", "activist"),
    ("accounts:profile", "other_activist"),
    ("accounts:profile", "staff"),
    ("accounts:profile", "administration"),
    # the activist's own booking; a coordinator may cancel any
    ("consulting:cancel", "activist"),
    ("consulting:cancel", "staff"),
    # a coordinator decides bookings
    ("consulting:decide[confirm]", "staff"),
    # a coordinator decides bookings
    ("consulting:decide[decline]", "staff"),
    # the activist's own ticket; a coordinator may cancel any
    ("events:cancel", "activist"),
    ("events:cancel", "staff"),
    # a coordinator removes a publication logged by mistake
    ("events:media_delete", "staff"),
    ("newsletter_test", "staff"),
    ("newsletter_send", "staff"),
    # a coordinator cancels an event, or a training session
    ("events:manage_cancel", "staff"),
    ("training:session_cancel", "staff"),
    # a coordinator sets a person's roles (an empty form: no role)
    ("people_roles", "staff"),
    # a coordinator moderates questions
    ("events:moderate[accept]", "staff"),
    # a coordinator moderates questions
    ("events:moderate[reject]", "staff"),
    # each registers themself (the activist already is)
    ("events:register", "other_activist"),
    ("events:register", "staff"),
    ("events:register", "administration"),
    # a vote for somebody else's report (the activist's own is refused)
    ("events:report_action[vote]", "other_activist"),
    ("events:report_action[vote]", "staff"),
    ("events:report_action[vote]", "administration"),
    # support for somebody else's question (the author's own is refused)
    ("events:support", "other_activist"),
    ("events:support", "staff"),
    ("events:support", "administration"),
    # the person the invitation was sent to joins
    ("initiatives:invitation_accept", "other_activist"),
    # a coordinator publishes
    ("passports:action[publish]", "staff"),
    # a coordinator asks for the PDF
    ("passports:action[pdf]", "staff"),
    # the activist's own enrolment; a coordinator may cancel any
    ("training:cancel", "activist"),
    ("training:cancel", "staff"),
    # each enrols themself (the activist already is)
    ("training:enrol", "other_activist"),
    ("training:enrol", "staff"),
    ("training:enrol", "administration"),
}


def _keys() -> set[str]:
    return {
        f"{name}[{variant}]" if variant else name
        for name in named_routes()
        for variant in VARIANTS.get(name, {"": {}})
    }


def test_every_url_has_an_expected_post_answer():
    assert _keys() - set(EXPECTED) == set(), "new URLs need an expected POST answer here"
    assert set(EXPECTED) - _keys() == set(), "the table names URLs that no longer exist"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_a_post_answers_each_role_as_expected_and_a_refusal_changes_nothing(key, world, clients):
    name, _, variant = key.partition("[")
    extra = VARIANTS.get(name, {}).get(variant.rstrip("]"), {})
    url = reverse(name, kwargs={**kwargs_for(name, world), **extra})
    answers, changed = [], []
    for role in ROLES:
        client = clients[role]
        cookies = copy.deepcopy(client.cookies)  # a POST to log out must not sign the next out
        with transaction.atomic():
            before = database_digest()
            answers.append(client.post(url, {}).status_code)
            after = database_digest()
            transaction.set_rollback(True)
        client.cookies = cookies
        if after != before:
            changed.append(role)

    assert tuple(answers) == EXPECTED[key], dict(zip(ROLES, answers, strict=True))
    assert {(key, role) for role in changed} <= CHANGES, f"{key} changed the database for {changed}"
