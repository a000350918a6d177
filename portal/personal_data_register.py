"""The register of personal data (152-FZ art. 18.1, 22): every model field and file of the
portal that holds data about a person, what it is for, who may see it, how long it is kept
and what the erasure after a withdrawn consent does to it.

The erasure itself is done by each app's eraser (`<app>/personal_data.py`, run by
`accounts.services.user_anonymise`) and the retention terms by the daily
`civiccenter.kernel.tasks.purge_expired`; this register is what they answer to, and
`tests/portal/test_personal_data_register.py` fails when a model gains a field of a personal
kind that is not here (or in `NOT_PERSONAL`, with its reason).
"""

from dataclasses import dataclass
from enum import StrEnum


class Erasure(StrEnum):
    DELETE_ROW = "the row is deleted"
    BLANK = "blanked"
    PSEUDONYM = "replaced with a placeholder"
    KEEP_LINKED = "kept, linked to the anonymised account, counted in totals"
    HIDE_IN_TRAIL = "values naming the person are hidden (•••)"
    SCRUB = "the person's name, e-mail and phone in the text are replaced with •••"
    DELETE_FILE = "the file is deleted from storage"
    RETENTION = "not per person: removed when its term ends"


@dataclass(frozen=True)
class Record:
    model: str  # app_label.Model
    fields: dict[str, Erasure]
    purpose: str
    seen_by: str
    kept: str


PERSON = "the person"
STAFF = "centre staff working with the person"
UNTIL_ERASED = "while the account exists; 30 days after a withdrawn consent it is erased"

REGISTER: list[Record] = [
    Record(
        "accounts.User",
        {
            "first_name": Erasure.BLANK,
            "last_name": Erasure.BLANK,
            "patronymic": Erasure.BLANK,
            "email": Erasure.PSEUDONYM,
            "phone": Erasure.BLANK,
        },
        "the account: signing in, letters, the name on tickets and certificates",
        f"{PERSON}; {STAFF}; coordinators (people and roles)",
        UNTIL_ERASED,
    ),
    Record(
        "accounts.PersonalDataConsent",
        {
            "user": Erasure.KEEP_LINKED,
            "ip_address": Erasure.BLANK,
            "withdrawal_ip_address": Erasure.BLANK,
        },
        "proof of the consent given and withdrawn (date, policy version, address)",
        f"{PERSON}; superusers",
        "the consent row is kept as proof; the addresses are erased",
    ),
    Record(
        "accounts.PublicationConsent",
        {"user": Erasure.KEEP_LINKED},
        "proof of the consent to publish one's name (art. 10.1) and of its withdrawal",
        f"{PERSON}; superusers",
        "kept as proof; the name itself goes with the account's erasure",
    ),
    Record(
        "accounts.ApiToken",
        {"user": Erasure.DELETE_ROW, "name": Erasure.DELETE_ROW},
        "a staff member's keys to the API's exports (only a hash of each key is kept)",
        f"{PERSON}; superusers",
        "until revoked or expired; deleted with the account's erasure",
    ),
    Record(
        "accounts.NewsletterConsent",
        {"user": Erasure.KEEP_LINKED},
        "proof of the consent to receive newsletters and of its withdrawal",
        f"{PERSON}; superusers",
        "kept as proof; the address itself goes with the account's erasure",
    ),
    Record(
        "civiccenter.AuditEntry",
        {
            "object_label": Erasure.HIDE_IN_TRAIL,
            "changes": Erasure.HIDE_IN_TRAIL,
            "actor": Erasure.KEEP_LINKED,
        },
        "who changed which record, for disputes and the registry's change records",
        "staff who may see the record",
        "with the record it describes",
    ),
    Record(
        "civiccenter.PersonalDataAccess",
        {"actor": Erasure.KEEP_LINKED, "address": Erasure.SCRUB},
        "who viewed or exported people's data, when, with which filters (art. 19)",
        "superusers (the data-protection officer)",
        "settings.PERSONAL_DATA_ACCESS_KEEP_DAYS",
    ),
    Record(
        "civiccenter.OutgoingEmail",
        {
            "subject": Erasure.DELETE_ROW,
            "body": Erasure.DELETE_ROW,
            "html_body": Erasure.DELETE_ROW,
            "to": Erasure.DELETE_ROW,
            "attachments": Erasure.DELETE_ROW,
            "headers": Erasure.DELETE_ROW,
        },
        "letters waiting to be sent, and the fact that a letter went",
        "superusers",
        "sent letters for settings.OUTBOX_KEEP_SENT_DAYS; the mail folder of development too",
    ),
    Record(
        "follows.Follow",
        {"user": Erasure.DELETE_ROW},
        "what a person follows (an initiative, a series, a commitment, a programme)",
        PERSON,
        UNTIL_ERASED + "; or until the person stops following",
    ),
    Record(
        "follows.Notice",
        {"user": Erasure.DELETE_ROW, "text": Erasure.DELETE_ROW},
        "what the person was told of what they follow, and whether they read it",
        PERSON,
        UNTIL_ERASED,
    ),
    Record(
        "follows.Digest",
        {"user": Erasure.DELETE_ROW},
        "that a period's digest went to the person (so it goes once)",
        "superusers",
        UNTIL_ERASED,
    ),
    Record(
        "follows.DeliveryChoice",
        {"user": Erasure.DELETE_ROW},
        "how the person wants to be told: at once, daily, weekly or not by e-mail",
        PERSON,
        UNTIL_ERASED,
    ),
    Record(
        "initiatives.Organisation",
        {
            "contact_person": Erasure.BLANK,
            "private_email": Erasure.BLANK,
            "private_phone": Erasure.BLANK,
            "created_by": Erasure.KEEP_LINKED,
        },
        "reaching the initiative's contact person (never published)",
        f"the initiative's team; {STAFF}",
        "while the record exists; blanked when the person named there is erased",
    ),
    Record(
        "initiatives.Membership",
        {"user": Erasure.DELETE_ROW},
        "who may act for an initiative",
        "the initiative's team; staff",
        UNTIL_ERASED,
    ),
    Record(
        "initiatives.Invitation",
        {
            "email": Erasure.DELETE_ROW,
            "token": Erasure.DELETE_ROW,
            "invited_by": Erasure.KEEP_LINKED,
        },
        "inviting a person into a team",
        "the inviting team",
        "until accepted or erased",
    ),
    Record(
        "initiatives.ImportJob",
        {
            "file": Erasure.RETENTION,
            "original_name": Erasure.RETENTION,
            "preview": Erasure.RETENTION,
            "unknown_columns": Erasure.RETENTION,
            "created_by": Erasure.KEEP_LINKED,
        },
        "an imported list (it may hold contacts of the listed initiatives)",
        "coordinators",
        "file and preview for settings.IMPORT_FILES_KEEP_DAYS",
    ),
    Record(
        "initiatives.StatusChange",
        {"changed_by": Erasure.KEEP_LINKED},
        "who changed a record's status",
        "staff",
        "with the record",
    ),
    Record(
        "initiatives.HeadcountRecord",
        {"recorded_by": Erasure.KEEP_LINKED},
        "who recorded a headcount",
        "staff",
        "with the record",
    ),
    Record(
        "consulting.Consultant",
        {"user": Erasure.KEEP_LINKED, "bio": Erasure.BLANK},
        "the consultant's public profile (with their consent to publication)",
        "everyone",
        "while the person consults for the centre",
    ),
    Record(
        "consulting.Booking",
        {"activist": Erasure.KEEP_LINKED, "question": Erasure.BLANK, "staff_note": Erasure.BLANK},
        "a consultation: its time, the question, the centre's note",
        f"{PERSON}; the consultant; coordinators",
        UNTIL_ERASED + "; the booking stays as a number in the hours",
    ),
    Record(
        "consulting.ConsultationLog",
        {
            "summary": Erasure.SCRUB,
            "private_notes": Erasure.BLANK,
            "follow_up": Erasure.BLANK,
            "created_by": Erasure.KEEP_LINKED,
        },
        "the hours delivered, for the quarterly report; notes on the person's circumstances",
        "the consultants of the log; coordinators (the administration sees totals only)",
        "hours for the reports; notes are erased with the person",
    ),
    Record(
        "consulting.Milestone",
        {"owner": Erasure.KEEP_LINKED, "updated_by": Erasure.KEEP_LINKED},
        "who answers for a step of a roadmap",
        "the initiative's team; staff",
        "with the roadmap",
    ),
    Record(
        "consulting.ExpertCouncil",
        {"experts": Erasure.KEEP_LINKED, "external_experts": Erasure.KEEP_LINKED},
        "who sat on an expert council",
        "the initiative's team; staff",
        "with the council's record",
    ),
    Record(
        "consulting.QuarterState",
        {"changed_by": Erasure.KEEP_LINKED},
        "who closed a quarter's hours",
        "staff",
        "with the quarter",
    ),
    Record(
        "consulting.GrantReview",
        {"reviewer": Erasure.KEEP_LINKED},
        "who reviewed a grant application",
        "staff",
        "with the review",
    ),
    Record(
        "training.Trainer",
        {"user": Erasure.KEEP_LINKED, "name": Erasure.KEEP_LINKED, "profile": Erasure.KEEP_LINKED},
        "the trainer's public profile (with their consent to publication)",
        "everyone",
        "while the person trains for the centre",
    ),
    Record(
        "training.Enrolment",
        {"user": Erasure.KEEP_LINKED, "feedback_token": Erasure.KEEP_LINKED},
        "a place in a training session, attendance, the hours of the report",
        f"{PERSON}; the trainer; coordinators",
        UNTIL_ERASED + "; the enrolment stays as a number in the totals",
    ),
    Record(
        "training.Attendance",
        {"marked_by": Erasure.KEEP_LINKED},
        "who marked attendance",
        "staff",
        "with the enrolment",
    ),
    Record(
        "training.Feedback",
        {"comments": Erasure.BLANK},
        "what the person thought of a session (the rating stays in the averages)",
        "the trainer; coordinators",
        UNTIL_ERASED,
    ),
    Record(
        "training.Certificate",
        {"code": Erasure.DELETE_ROW, "file": Erasure.DELETE_FILE},
        "the certificate of participation, checked by its code",
        f"{PERSON}; anyone with the code",
        UNTIL_ERASED,
    ),
    Record(
        "events.Registration",
        {
            "user": Erasure.KEEP_LINKED,
            "ticket_code": Erasure.KEEP_LINKED,
            "checked_in_by": Erasure.KEEP_LINKED,
        },
        "a ticket and the check-in at the door",
        f"{PERSON}; staff at the event",
        UNTIL_ERASED + "; the ticket stays as a number in the attendance",
    ),
    Record(
        "events.GameParticipant",
        {"user": Erasure.DELETE_ROW},
        "a place in a business game, by social group and field",
        "staff running the game",
        UNTIL_ERASED,
    ),
    Record(
        "events.Question",
        {"author": Erasure.KEEP_LINKED, "text": Erasure.PSEUDONYM},
        "a question to the head of the city (published without the author's name)",
        "everyone (the text); staff (the author)",
        UNTIL_ERASED + "; the question keeps its place in the meeting's record",
    ),
    Record(
        "events.QuestionSupport",
        {"user": Erasure.KEEP_LINKED},
        "one vote of support per person",
        "nobody (counted)",
        "with the question",
    ),
    Record(
        "events.Commitment",
        {"responsible": Erasure.KEEP_LINKED, "responsible_email": Erasure.KEEP_LINKED},
        "the official who answers for a commitment of the head of the city",
        "everyone (the name); staff (the e-mail)",
        "with the commitment",
    ),
    Record(
        "events.Stand",
        {"registered_by": Erasure.KEEP_LINKED},
        "who registered a stand",
        "staff",
        "with the event",
    ),
    Record(
        "events.StandReport",
        {"submitted_by": Erasure.KEEP_LINKED, "poster": Erasure.DELETE_FILE},
        "an initiative's poster for the poster session",
        "everyone (accepted posters); staff",
        "with the event; the poster file goes when its author is erased",
    ),
    Record(
        "events.ReportComment",
        {"author": Erasure.KEEP_LINKED, "text": Erasure.PSEUDONYM},
        "the review of a poster",
        "the author; staff",
        UNTIL_ERASED,
    ),
    Record(
        "events.JuryScore",
        {"juror": Erasure.KEEP_LINKED},
        "a juror's scores",
        "staff",
        "with the event",
    ),
    Record(
        "events.PublicVote",
        {"user": Erasure.KEEP_LINKED},
        "one public vote per person",
        "nobody (counted)",
        "with the event",
    ),
    Record(
        "events.Event",
        {"jury": Erasure.KEEP_LINKED},
        "who judges a poster session",
        "staff",
        "with the event",
    ),
    Record(
        "events.MediaPublication",
        {"logged_by": Erasure.KEEP_LINKED},
        "who logged a publication in the media",
        "staff",
        "with the publication",
    ),
    Record(
        "portal.Newsletter",
        {"created_by": Erasure.KEEP_LINKED},
        "who wrote a newsletter",
        "staff",
        "with the newsletter",
    ),
    Record(
        "portal.NewsletterDelivery",
        {"user": Erasure.KEEP_LINKED},
        "that a newsletter went to the person (so it goes once); the letter's count",
        "superusers (staff see only the counts)",
        "with the newsletter; the letter itself is erased with the account's letters",
    ),
    Record(
        "portal.PracticePassport",
        {
            "team_leader": Erasure.KEEP_LINKED,
            "author": Erasure.KEEP_LINKED,
            "approved_by": Erasure.KEEP_LINKED,
        },
        "who leads a practice, who wrote and who approved its passport",
        "everyone (published passports)",
        "with the passport",
    ),
    Record(
        "portal.PassportVersion",
        {"author": Erasure.KEEP_LINKED, "snapshot": Erasure.KEEP_LINKED},
        "the passport's earlier versions",
        "staff",
        "with the passport",
    ),
    Record(
        "portal.QuarterlyReport",
        {"requested_by": Erasure.KEEP_LINKED},
        "who asked for a report (the report holds figures, no people)",
        "staff; the administration",
        "with the report",
    ),
]

# Fields that a name or a type makes look personal but that hold no data about a person,
# with the reason.
NOT_PERSONAL: dict[str, str] = {
    **dict.fromkeys(
        ["portal.Newsletter.subject", "portal.Newsletter.body"],
        "the centre's letter to many people, written by staff, not about a person",
    ),
    **dict.fromkeys(
        [
            "initiatives.Topic.name",
            "initiatives.Topic.name_en",
            "initiatives.District.name",
            "consulting.ConsultingTopic.name",
            "consulting.ConsultingTopic.description",
            "training.Programme.description",
            "events.SiteZone.name",
            "events.SiteZone.note",
            "events.EventSeries.description",
            "events.Event.summary",
            "events.Event.game_social_groups",
            "events.Event.game_fields",
            "civiccenter.QuarterlyTarget.indicators",
        ],
        "reference data and programme texts of the centre",
    ),
    **dict.fromkeys(
        [
            "initiatives.Organisation.name",
            "initiatives.Organisation.description",
            "initiatives.Organisation.public_email",
            "initiatives.Organisation.public_phone",
            "initiatives.Organisation.logo",
            "initiatives.Organisation.returned_reason",
            "initiatives.StatusChange.reason",
            "initiatives.Relation.note",
            "initiatives.Partnership.partner_name",
            "initiatives.Partnership.subject",
            "events.Partner.name",
            "events.Team.problems",
            "events.Team.solutions",
            "events.Stand.note",
            "events.StandReport.abstract",
            "events.Question.answer",
            "events.Commitment.what",
            "events.Commitment.report",
            "events.AgendaItem.speakers",
            "events.MediaPublication.outlet",
            "events.MediaPublication.headline",
            "consulting.ExpertCouncil.conclusion",
        ],
        "an initiative's, an event's or the city's public content, not a person's",
    ),
    **dict.fromkeys(
        [
            "portal.PracticePassport.donor_practice",
            "portal.PracticePassport.preconditions",
            "portal.PracticePassport.indicators_before",
            "portal.PracticePassport.goals",
            "portal.PracticePassport.business_model",
            "portal.PracticePassport.description",
            "portal.PracticePassport.indicators_after",
            "portal.PracticePassport.tables",
            "portal.PracticePassport.returned_reason",
            "portal.PracticePassport.pdf",
            "portal.QuarterlyReport.pdf",
            "portal.QuarterlyReport.xlsx",
            "portal.QuarterlyReport.figures",
            "portal.QuarterlyReport.changed",
        ],
        "a practice's or a quarter's document: figures and public texts",
    ),
    **dict.fromkeys(
        [
            "civiccenter.AuditEntry.object_id",
            "civiccenter.OutgoingEmail.from_email",
            "civiccenter.OutgoingEmail.error",
            "initiatives.ImportJob.error",
            "training.Certificate.error",
            "training.Session.note",
            "portal.PracticePassport.pdf_error",
            "portal.QuarterlyReport.error",
        ],
        "the portal's own addresses, notes and error messages",
    ),
}


def register_fields() -> set[str]:
    return {f"{record.model}.{name}" for record in REGISTER for name in record.fields}
