"""Every named URL of the portal (the admin's aside) and how to fill its parameters."""

from django.urls import URLPattern, URLResolver, get_resolver

from civiccenter.kernel.unsubscribe import token_for


def unsubscribe_token(user_pk: int) -> str:
    return token_for(user_pk, "follows")


def named_routes() -> list[str]:
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if namespace and pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}"
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return sorted(
        {name for name in walk(get_resolver().url_patterns) if not name.startswith("admin:")}
    )


def kwargs_for(name: str, world: dict) -> dict:
    o = world["objects"]
    event = {"slug": o["event"].slug}
    table = {
        "initiatives:import_detail": {"pk": o["job"].pk},
        "initiatives:import_status": {"pk": o["job"].pk},
        "initiatives:export": {"fmt": "csv"},
        "initiatives:open_data": {"fmt": "json"},
        "passports:detail": {"pk": o["passport"].pk},
        "passports:edit": {"pk": o["passport"].pk},
        "passports:pdf": {"pk": o["passport"].pk},
        "passports:action": {"pk": o["passport"].pk, "action": "pdf"},
        "initiatives:invitation_accept": {"token": world["kwargs"]["token"]},
        "initiatives:profile": {"slug": o["organisation"].slug},
        "initiatives:edit": {"slug": o["organisation"].slug, "step": "about"},
        "initiatives:history": {"slug": o["organisation"].slug},
        "initiatives:decide": {"slug": o["organisation"].slug, "decision": "approve"},
        "consulting:book": {"topic_id": world["kwargs"]["topic_id"]},
        "consulting:cancel": {"pk": o["booking"].pk},
        "consulting:move": {"pk": o["booking"].pk},
        "consulting:decide": {"pk": o["booking"].pk, "decision": "confirm"},
        "consulting:log_edit": {"pk": o["log"].pk},
        "consulting:log_export": {"fmt": "csv"},
        "consulting:outcome": {"pk": o["review"].pk},
        "consulting:roadmap": {"pk": o["roadmap"].pk},
        "training:session": {"pk": o["session"].pk},
        "training:session_ics": {"pk": o["session"].pk},
        "training:enrol": {"pk": o["session"].pk},
        "training:attendance": {"pk": o["session"].pk, "day_pk": world["kwargs"]["day_pk"]},
        "training:cancel": {"pk": o["enrolment"].pk},
        "training:certificate_request": {"pk": o["enrolment"].pk},
        "training:certificate_download": {"code": o["certificate"].code},
        "training:verify": {"code": o["certificate"].code},
        "training:feedback": {"token": o["enrolment"].feedback_token},
        "events:ticket": {"code": o["registration"].ticket_code},
        "events:cancel": {"pk": o["registration"].pk},
        "events:commitment_done": {"pk": o["commitment"].pk},
        "events:support": {"pk": o["question"].pk},
        "events:moderate": {"pk": o["question"].pk, "action": "accept"},
        "events:report_action": {"pk": o["report"].pk, "action": "vote"},
        "reports:download": {"pk": o["quarterly"].pk, "fmt": "pdf"},
        "targets_edit": {"year": 2026, "quarter": 4},
        "people_roles": {"pk": world["users"]["other_activist"].pk},
        "training:programme_edit": {"pk": o["session"].programme_id},
        "training:trainer_edit": {"pk": o["trainer"].pk},
        "training:session_edit": {"pk": o["session"].pk},
        "training:session_copy": {"pk": o["session"].pk},
        "training:session_cancel": {"pk": o["session"].pk},
        "consulting:council_edit": {"pk": o["council"].pk},
        "consulting:topic_edit": {"pk": o["topic"].pk},
        "consulting:consultant_edit": {"pk": o["consultant"].pk},
        "events:manage_team": {"pk": o["team"].pk},
        "events:series_edit": {"pk": o["series"].pk},
        "events:media_edit": {"pk": o["publication"].pk},
        "api:initiative": {"slug": o["organisation"].slug},
        "events:media_delete": {"pk": o["publication"].pk},
        "follows:follow": {"kind": "initiative", "pk": o["organisation"].pk},
        "follows:unsubscribe": {"token": unsubscribe_token(world["users"]["activist"].pk)},
        "accounts:newsletter_unsubscribe": {
            "token": token_for(world["users"]["activist"].pk, "newsletters")
        },
        "newsletter": {"pk": o["newsletter"].pk},
        "accounts:api_token_revoke": {"pk": 1},
        "newsletter_edit": {"pk": o["newsletter"].pk},
        "newsletter_test": {"pk": o["newsletter"].pk},
        "newsletter_send": {"pk": o["newsletter"].pk},
        "media": {"path": o["report"].poster.name},
        "account_confirm_email": {"key": "nokey"},
        "account_reset_password_from_key": {"uidb36": "1", "key": "nokey"},
    }
    for route in (
        "event",
        "register",
        "stand",
        "game_join",
        "game_leave",
        "check_in",
        "counts",
        "release_no_shows",
        "questions",
        "submit_report",
        "gallery",
        "teams",
    ):
        table[f"events:{route}"] = event
    for route in ("event", "programme", "outcome", "copy", "cancel", "commitment"):
        table[f"events:manage_{route}"] = {"pk": o["event"].pk}
    return table.get(name, {})
