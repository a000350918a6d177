from .programmes import Programme, Trainer
from .sessions import Attendance, Certificate, Enrolment, Feedback, Session, SessionDay

__all__ = [
    "Attendance",
    "Certificate",
    "Enrolment",
    "Feedback",
    "Programme",
    "Session",
    "SessionDay",
    "Trainer",
]
