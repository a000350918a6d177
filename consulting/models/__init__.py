from .bookings import Booking
from .catalogue import AvailabilityException, Consultant, ConsultingTopic, WeeklyAvailability
from .complex import ExpertCouncil, Milestone, Roadmap
from .logs import ConsultationLog, QuarterState
from .reviews import GrantReview

__all__ = [
    "AvailabilityException",
    "Booking",
    "ConsultationLog",
    "Consultant",
    "ConsultingTopic",
    "ExpertCouncil",
    "GrantReview",
    "Milestone",
    "QuarterState",
    "Roadmap",
    "WeeklyAvailability",
]
