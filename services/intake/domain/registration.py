"""What a family tells the desk when it registers (SPEC 3.1): the command and its field checks.

Checks of one field live here as validators; checks that need several fields, today's date or the
desk's policy live in ``checks.py``. Both report message codes that the user reads in nl, fr or en.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from contracts import municipalities
from contracts.types import CarePattern, CategoryFlags, Channel, Preferences
from services.intake.domain.identifiers import valid_national_number, valid_phone

PriorityCode = Literal["work_related", "single_parent", "low_income", "foster_child", "sibling_present"]
Language = Literal["nl", "fr", "en"]
ContactChannel = Literal["email", "phone", "post"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def checked_email(value: object) -> object:
    """Empty means none; a wrong address gets our own plain message instead of the library's."""
    if value in (None, ""):
        return None
    try:
        validate_email(str(value), check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError("bad_email") from exc
    return value


def _national_number(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not valid_national_number(value):
        raise ValueError("bad_national_number")
    return "".join(ch for ch in value if ch.isdigit())


class PostalAddress(Strict):
    """Enough to reach a family by post (many vulnerable families have no e-mail)."""

    street: str = Field(min_length=1, max_length=120, examples=["Dampoortstraat"])
    house_number: str = Field(min_length=1, max_length=12, examples=["17 bus 2"])
    postcode: str = Field(pattern=r"^\d{4}$", examples=["9000"])
    city: str = Field(min_length=1, max_length=80, examples=["Gent"])


class ParentIn(Strict):
    first_name: str = Field(min_length=1, max_length=100, examples=["Sara"])
    last_name: str = Field(min_length=1, max_length=100, examples=["Peeters"])
    national_number: str | None = Field(default=None, max_length=20)

    @field_validator("national_number")
    @classmethod
    def national_number_valid(cls, value: str | None) -> str | None:
        return _national_number(value)


class SiblingIn(Strict):
    """Another child of the same family registered at the same time (one request per child)."""

    first_name: str = Field(default="", max_length=100, description="May stay empty before birth")
    last_name: str = Field(min_length=1, max_length=100)
    birth_date: date
    birth_expected: bool = False
    national_number: str | None = Field(default=None, max_length=20)

    @field_validator("national_number")
    @classmethod
    def national_number_valid(cls, value: str | None) -> str | None:
        return _national_number(value)


class RegisterRequest(Strict):
    """Command: register one request for one child (and one more per sibling in ``siblings``)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "child_first_name": "Noor", "child_last_name": "Peeters", "child_birth_date": "2026-03-14",
        "home_nis": "44021", "wanted_start_date": "2026-11-02",
        "care_pattern": {"days": [{"weekday": "mon"}, {"weekday": "tue"}, {"weekday": "thu", "part": "morning"}]},
        "preferences": {"mode": "distance", "max_distance_km": 5},
        "parents": [{"first_name": "Sara", "last_name": "Peeters"}],
        "contact_email": "sara.peeters@example.org", "consent": True,
    }]})

    child_first_name: str = Field(default="", max_length=100, examples=["Noor"],
                                  description="May stay empty before birth")
    child_last_name: str = Field(min_length=1, max_length=100, examples=["Peeters"])
    child_birth_date: date = Field(description="Birth date or expected birth date", examples=["2026-03-14"])
    birth_expected: bool = False
    child_national_number: str | None = Field(default=None, max_length=20, description="Optional")
    parents: list[ParentIn] = Field(default_factory=list, max_length=2)
    contact_email: EmailStr | None = None
    contact_phone: str | None = Field(default=None, max_length=30)
    contact_address: PostalAddress | None = None
    preferred_contact: ContactChannel | None = Field(default=None, description="Default: e-mail, phone, post")
    language: Language = Field(default="nl", description="Language of mails and letters")
    home_nis: str = Field(pattern=r"^\d{5}$", examples=["44021"])
    wanted_start_date: date = Field(examples=["2026-11-02"])
    care_pattern: CarePattern
    atypical_hours_needed: bool = False
    specific_care_need: bool = False
    preferences: Preferences
    ikt_wanted: bool = Field(default=False, description="Income-related tariff (inkomenstarief) wanted")
    categories: CategoryFlags = Field(
        default_factory=CategoryFlags,
        description="urgent: desk only; vulnerable_family: desk or referrer, with consent. The others follow "
                    "from the answers (atypical hours, specific care need, priority answers).")
    priority_answers: list[PriorityCode] = Field(default_factory=list, max_length=5)
    priority_sworn: bool = Field(default=False, description="The family declares the answers true (sworn statement)")
    priority_evidence: bool = Field(default=False, description="Evidence was shown (optional)")
    vulnerability_consent: bool = False
    siblings: list[SiblingIn] = Field(default_factory=list, max_length=4)
    sibling_of: str | None = Field(default=None, max_length=36, description="Desk only: an existing request")
    place_siblings_together: bool = False
    consent: bool = Field(description="Consent to process these data for finding childcare")
    channel: Channel = Channel.ONLINE
    desk_id: str | None = Field(default=None, description="Desk to register at; by default the desk of home_nis")

    @field_validator("home_nis")
    @classmethod
    def known_municipality(cls, value: str) -> str:
        if municipalities.get(value) is None:
            raise ValueError("unknown_municipality")
        return municipalities.current_code(value) or value

    @field_validator("child_national_number")
    @classmethod
    def national_number(cls, value: str | None) -> str | None:
        return _national_number(value)

    @field_validator("contact_phone")
    @classmethod
    def phone(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not valid_phone(value):
            raise ValueError("bad_phone")
        return value

    @field_validator("contact_email", mode="before")
    @classmethod
    def email(cls, value: object) -> object:
        return checked_email(value)

    @field_validator("consent")
    @classmethod
    def consented(cls, value: bool) -> bool:
        if not value:
            raise ValueError("consent_required")
        return value

    def contact_channel(self) -> ContactChannel:
        if self.preferred_contact:
            return self.preferred_contact
        if self.contact_email:
            return "email"
        return "phone" if self.contact_phone else "post"
