from .passports import PassportVersion, PracticePassport
from .reports import QuarterlyReport

__all__ = ["PassportVersion", "PracticePassport", "QuarterlyReport"]
