"""Signals of the accounts app for the apps above it.

Accounts sit low in the layers, so they cannot reach into bookings, enrolments or event
registrations. When a person withdraws consent, `consent_withdrawn` lets every app above stop
processing that person's data at once, inside the same transaction as the withdrawal.
"""

from django.dispatch import Signal

#: Sent with ``user``, the person who withdrew.
consent_withdrawn = Signal()
