"""Deterministic demo data shared by the identity provider and the seeding of each service.

Ids are UUIDv5 of readable names, so every service and every run agree on them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

NAMESPACE = uuid.UUID("6f1c2a52-5d3e-4c1b-9a51-0c0ffee00001")


def demo_id(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


DESK_GENT = demo_id("desk:gent")
DESK_LEUVEN = demo_id("desk:leuven")
PROVIDER_ZONNEBLOEM = demo_id("provider:zonnebloem")
PROVIDER_KABOUTERTJES = demo_id("provider:kaboutertjes")
PROVIDER_LEUVEN = demo_id("provider:leuven-kinderopvang")


@dataclass(frozen=True)
class DemoDesk:
    desk_id: str
    name: str
    working_area: tuple[str, ...]
    email: str


@dataclass(frozen=True)
class DemoLocation:
    location_id: str
    provider_id: str
    name: str
    street: str
    nis_code: str
    latitude: float
    longitude: float
    kind: str
    capacity: int
    ikt: bool
    atypical_hours: bool = False
    specific_care: bool = False


@dataclass(frozen=True)
class DemoProvider:
    provider_id: str
    name: str
    kbo_number: str
    email: str


@dataclass(frozen=True)
class DemoAccount:
    username: str
    name: str
    role: str
    desk_ids: tuple[str, ...] = ()
    provider_id: str | None = None
    locale: str = "nl"
    email: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def subject(self) -> str:
        return demo_id(f"account:{self.username}")


DESKS = (
    DemoDesk(DESK_GENT, "Lokaal Loket Kinderopvang Gent en omstreken", ("44021", "44013", "44088"),
             "loket.gent@demo.opvangloket.local"),
    DemoDesk(DESK_LEUVEN, "Lokaal Loket Kinderopvang Leuven", ("24062", "24038", "24086"),
             "loket.leuven@demo.opvangloket.local"),
)

PROVIDERS = (
    DemoProvider(PROVIDER_ZONNEBLOEM, "vzw De Zonnebloem", "0412345678", "planning@zonnebloem.demo"),
    DemoProvider(PROVIDER_KABOUTERTJES, "Gezinsopvang De Kaboutertjes", "0823456789", "info@kaboutertjes.demo"),
    DemoProvider(PROVIDER_LEUVEN, "Stad Leuven Kinderopvang", "0207451227", "kinderopvang@leuven.demo"),
)

LOCATIONS = (
    DemoLocation(demo_id("location:zonnebloem-brugse-poort"), PROVIDER_ZONNEBLOEM, "De Zonnebloem Brugse Poort",
                 "Bevrijdingslaan 12", "44021", 51.0577, 3.7067, "groepsopvang", 28, True),
    DemoLocation(demo_id("location:zonnebloem-ledeberg"), PROVIDER_ZONNEBLOEM, "De Zonnebloem Ledeberg",
                 "Hundelgemsesteenweg 101", "44021", 51.0380, 3.7402, "groepsopvang", 21, True,
                 atypical_hours=True),
    DemoLocation(demo_id("location:zonnebloem-melle"), PROVIDER_ZONNEBLOEM, "De Zonnebloem Melle",
                 "Brusselsesteenweg 300", "44088", 51.0020, 3.7950, "groepsopvang", 18, False),
    DemoLocation(demo_id("location:kaboutertjes-destelbergen"), PROVIDER_KABOUTERTJES,
                 "Gezinsopvang De Kaboutertjes", "Dendermondsesteenweg 500", "44013", 51.0560, 3.7990,
                 "gezinsopvang", 8, True, specific_care=True),
    DemoLocation(demo_id("location:leuven-centrum"), PROVIDER_LEUVEN, "Kinderdagverblijf 't Pagadderke",
                 "Brusselsestraat 63", "24062", 50.8790, 4.6980, "groepsopvang", 35, True),
    DemoLocation(demo_id("location:leuven-heverlee"), PROVIDER_LEUVEN, "Kinderdagverblijf Heverlee",
                 "Naamsesteenweg 200", "24062", 50.8640, 4.7020, "groepsopvang", 28, True, atypical_hours=True),
)

ACCOUNTS = (
    DemoAccount("ouder", "Sara Peeters", "ouder", email="sara.peeters@demo.opvangloket.local"),
    DemoAccount("parent.fr", "Camille Dubois", "ouder", locale="fr", email="camille@demo.opvangloket.local"),
    DemoAccount("toeleider", "Youssef El Amrani (OCMW Gent)", "toeleider", desk_ids=(DESK_GENT,)),
    DemoAccount("loket.gent", "An De Smet (Loket Gent)", "loketmedewerker", desk_ids=(DESK_GENT,)),
    DemoAccount("loket.leuven", "Pieter Janssens (Loket Leuven)", "loketmedewerker", desk_ids=(DESK_LEUVEN,)),
    DemoAccount("zonnebloem", "Els Maes (vzw De Zonnebloem)", "organisator", provider_id=PROVIDER_ZONNEBLOEM),
    DemoAccount("kaboutertjes", "Mieke Claes (De Kaboutertjes)", "organisator", provider_id=PROVIDER_KABOUTERTJES),
    DemoAccount("leuven.kdv", "Tom Wouters (Stad Leuven)", "organisator", provider_id=PROVIDER_LEUVEN),
    DemoAccount("hub.oost-vlaanderen", "Regionaal overleg Oost-Vlaanderen", "hub"),
    DemoAccount("operator", "Operations team", "operator"),
)

DEMO_PASSWORD = "demo"
