from .history import Grant, HeadcountRecord, Partnership, Relation, StatusChange
from .imports import ImportJob
from .organisation import Organisation, OrganisationLink
from .reference import District, Topic
from .team import Invitation, Membership, Role

__all__ = [
    "District",
    "Grant",
    "HeadcountRecord",
    "ImportJob",
    "Invitation",
    "Membership",
    "Organisation",
    "OrganisationLink",
    "Partnership",
    "Relation",
    "Role",
    "StatusChange",
    "Topic",
]
