from .newsletters import Newsletter, NewsletterDelivery
from .passports import PassportVersion, PracticePassport
from .reports import QuarterlyReport

__all__ = [
    "Newsletter",
    "NewsletterDelivery",
    "PassportVersion",
    "PracticePassport",
    "QuarterlyReport",
]
