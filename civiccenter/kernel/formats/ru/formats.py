"""Russian formats of the portal where Django's read like machine output: times always with
two digits for the hour («09:00», «00:16», not «0:16»), and no «г.» glued before a time."""

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
