"""A mail folder people can read: Django's file backend writes each letter as MIME (Cyrillic
in base64); this one adds the subject, recipients and text beside it, decoded."""

from email import message_from_bytes, policy
from typing import Any

from django.core.mail.backends.filebased import EmailBackend


class ReadableFileBackend(EmailBackend):
    def write_message(self, message: Any) -> None:
        super().write_message(message)
        parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
        body = parsed.get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        if self.stream is None:
            return
        copy = (
            f"\n--- readable copy ---\nSubject: {parsed['subject']}\nTo: {parsed['to']}\n\n{text}\n"
        )
        # Django's file backend opens its stream in binary mode ("ab"); the stubs say text.
        self.stream.write(copy.encode())  # type: ignore[arg-type]
