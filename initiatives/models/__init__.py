from .history import ChangeRecord, Grant, HeadcountRecord, Partnership, Relation, StatusChange
from .imports import ImportJob
from .organisation import Organisation, OrganisationLink
from .passports import PassportVersion, PracticePassport
from .reference import District, Topic
from .team import Invitation, Membership, Role

__all__ = [
    "ChangeRecord",
    "District",
    "Grant",
    "HeadcountRecord",
    "ImportJob",
    "Invitation",
    "Membership",
    "Organisation",
    "OrganisationLink",
    "Partnership",
    "PassportVersion",
    "PracticePassport",
    "Relation",
    "Role",
    "StatusChange",
    "Topic",
]
