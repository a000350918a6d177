"""The page behind a bulk letter's unsubscribe link (`unsubscribe.py`), one for each kind of
letter: a page names its template and what unsubscribing does."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt


@method_decorator(csrf_exempt, name="dispatch")
class OneClickUnsubscribeView(View):
    """Unsubscribing without signing in (RFC 8058). A GET shows one button, so a link checker
    opening the page changes nothing; a POST — the button, or a mail client's
    List-Unsubscribe-Post — unsubscribes. The signed token is the proof, so the form needs no
    CSRF token. The template gets `token`, `done` and `invalid`."""

    template_name: str

    def unsubscribe(self, token: str) -> Any | None:
        """Does the unsubscribing; returns the person, or None for a token not genuine."""
        raise NotImplementedError

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return render(request, self.template_name, {"token": token, "done": False})

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        if self.unsubscribe(token) is None:
            return render(request, self.template_name, {"invalid": True}, status=400)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=204)
        return render(request, self.template_name, {"done": True})
