from .bookings import Booking
from .catalogue import AvailabilityException, Consultant, ConsultingTopic, WeeklyAvailability
from .complex import ExpertCouncil, Milestone, Roadmap
from .logs import ConsultationLog, QuarterState
from .reviews import GrantReview
from .rollups import DailyConsultantTotal, DailyTopicTotal, QuarterInitiativeTotal

__all__ = [
    "AvailabilityException",
    "Booking",
    "ConsultationLog",
    "Consultant",
    "ConsultingTopic",
    "DailyConsultantTotal",
    "DailyTopicTotal",
    "ExpertCouncil",
    "GrantReview",
    "Milestone",
    "QuarterInitiativeTotal",
    "QuarterState",
    "Roadmap",
    "WeeklyAvailability",
]
