from .core import AgendaItem, Event, EventSeries, Partner, SiteZone
from .games import GameParticipant, Outcome, Team
from .media import MediaPublication
from .meetings import Commitment, Question, QuestionSupport
from .participation import Registration, Stand
from .posters import JuryScore, PublicVote, ReportComment, StandReport

__all__ = [
    "AgendaItem",
    "Commitment",
    "Event",
    "EventSeries",
    "GameParticipant",
    "JuryScore",
    "MediaPublication",
    "Outcome",
    "Partner",
    "SiteZone",
    "PublicVote",
    "Question",
    "QuestionSupport",
    "Registration",
    "ReportComment",
    "Stand",
    "StandReport",
    "Team",
]
