"""A plain mail reads back as it was written: names, subject and body in any language."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import SMTP, default

from services.runtime.smtp_connection import plain_message


def read_back(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    built = plain_message(sender, to, subject, body)
    raw = built.as_bytes()  # as smtplib flattens it
    assert raw.isascii(), "only 7-bit bytes travel: encoded words and quoted-printable"
    assert built.as_bytes(policy=SMTP).replace(b"\r\n", b"\n") == raw
    message = message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_dutch_subject_body_and_names_read_back_unchanged() -> None:
    body = "Dag Zoë,\n\nUw aanvraag voor opvang vanaf 1 september — één plaats — is geregistreerd.\n" + "x" * 120 + "\n"
    message = read_back("Loket Kinderopvang Gentbrügge <loket@gent.example>", "Zoë Peeters <zoe@example.org>",
                        "Uw aanvraag – bevestiging", body)
    assert message["Subject"] == "Uw aanvraag – bevestiging"
    assert message["From"].addresses[0].display_name == "Loket Kinderopvang Gentbrügge"
    assert message["To"].addresses[0].addr_spec == "zoe@example.org"
    assert message.get_content() == body
    assert message.get_content_type() == "text/plain"


def test_a_long_subject_is_folded_and_reads_back_whole() -> None:
    subject = "Nieuwe opvangvraag – Gentbrugge, Sint-Amandsberg en Oostakker – één plaats vanaf 1 september 2027"
    assert read_back("loket@gent.example", "ouder@example.org", subject, "Dag,\n")["Subject"] == subject


def test_an_ascii_mail_stays_plain_text() -> None:
    raw = plain_message("loket@gent.example", "ouder@example.org", "Bevestiging", "Dag,\nTot ziens.\n").as_string()
    assert "Content-Transfer-Encoding: 7bit" in raw
    assert raw.endswith("Dag,\nTot ziens.\n")


def test_an_address_that_is_not_ascii_gets_the_international_message() -> None:
    message = plain_message("loket@gent.example", "zoë@voorbeeld.be", "Bevestiging", "Dag,\n")
    assert isinstance(message, EmailMessage)
    assert message["To"] == "zoë@voorbeeld.be"
