"""Demo organisations written by hand, and the pieces generated ones are made of."""

from typing import NamedTuple

from civicapp.organisations.models import Kind, Registry, Status
from civicapp.sectors import Sector


class Showcase(NamedTuple):
    names: tuple[str | None, str | None, str | None]  # sq, sr, en
    kind: Kind
    registry: Registry | None
    number: str | None
    municipalities: tuple[str, ...]
    sectors: tuple[Sector, ...]
    status: Status
    admin: str | None  # a demo account's e-mail, else a crowd citizen
    website: str | None
    description: str  # Markdown


DEMO_CITIZEN = "citizen@demo.example.org"
DEMO_CITIZEN_SR = "citizen.sr@demo.example.org"

SHOWCASE = (
    Showcase(
        (
            "Qendra për Zhvillim të Komunitetit – Prishtinë",
            "Centar za razvoj zajednice – Priština",
            "Community Development Centre – Prishtina",
        ),
        Kind.REGISTERED_CSO,
        Registry.KOSOVO_NGO,
        "5110234-1",
        ("pristina", "fushe-kosove", "obiliq"),
        (Sector.GOVERNANCE, Sector.SOCIAL_POLICY),
        Status.VERIFIED,
        DEMO_CITIZEN,
        "https://example.org/qzhk",
        "Qendra mbështet **këshillat e lagjeve** dhe grupet e banorëve që të marrin pjesë "
        "në buxhetimin komunal.\n\n- dëgjime publike\n- trajnime për hartimin e projekteve\n"
        "- monitorim i investimeve kapitale",
    ),
    Showcase(
        ("Shoqata e Qytetarëve Bujanoci i Gjelbër", "Udruženje građana Zeleni Bujanovac", None),
        Kind.REGISTERED_CSO,
        Registry.SERBIA_APR,
        "28123456",
        ("bujanovac", "presevo"),
        (Sector.ENVIRONMENT,),
        Status.VERIFIED,
        DEMO_CITIZEN_SR,
        "https://example.org/zeleni-bujanovac",
        "Udruženje čisti **divlje deponije** uz Južnu Moravu, sadi drvored uz školske "
        "puteve i prati kvalitet vode u Bujanovcu i Preševu.",
    ),
    Showcase(
        (
            "Nisma e të Rinjve për të Drejtat e Njeriut – Kosovë",
            "Inicijativa mladih za ljudska prava – Kosovo",
            "Youth Initiative for Human Rights – Kosovo",
        ),
        Kind.REGISTERED_CSO,
        Registry.KOSOVO_NGO,
        "5110001-7",
        ("pristina", "south-mitrovica", "north-mitrovica", "gracanica"),
        (Sector.GOVERNANCE, Sector.YOUTH_SPORTS),
        Status.VERIFIED,
        None,
        "https://example.org/yihr-ks",
        "Young people from Albanian and Serbian communities work together on **dealing "
        "with the past**, transparency of institutions and youth participation.",
    ),
    Showcase(
        (
            "Fondacioni Ballkanik për Demokraci Lokale",
            "Balkanska fondacija za lokalnu demokratiju",
            "Balkan Foundation for Local Democracy",
        ),
        Kind.FOUNDATION,
        Registry.OTHER,
        "CH-660.1.234.019-4",
        ("pristina", "tirana", "shkoder", "presevo", "bujanovac", "medvedja"),
        (Sector.GOVERNANCE, Sector.ECONOMY, Sector.GENDER_EQUALITY),
        Status.VERIFIED,
        None,
        "https://example.org/bfld",
        "A donor foundation funding **small grants** (EUR 5,000–30,000) for community "
        "infrastructure, women's enterprise and town twinning across the region.",
    ),
    Showcase(
        (
            "Rrjeti i Grave Sipërmarrëse – Gjilan",
            "Mreža žena preduzetnica – Gnjilane",
            "Women Entrepreneurs Network – Gjilan",
        ),
        Kind.SOCIAL_ENTERPRISE,
        None,
        None,
        ("gjilan", "kamenica", "viti"),
        (Sector.ECONOMY, Sector.GENDER_EQUALITY),
        Status.VERIFIED,
        None,
        None,
        "Rrjeti ndihmon gratë të hapin **biznese të vogla**: mentorim, tregje javore dhe "
        "qasje në grante.",
    ),
    Showcase(
        ("Shoqata Mjedisore Eco Shkodra", None, "Eco Shkodra Environmental Association"),
        Kind.REGISTERED_CSO,
        Registry.ALBANIA_COURT,
        "L81234567A",
        ("shkoder", "vau-i-dejes", "malesi-e-madhe"),
        (Sector.ENVIRONMENT, Sector.HEALTH),
        Status.VERIFIED,
        None,
        "https://example.org/eco-shkodra",
        "Monitorojmë cilësinë e ujit të **Liqenit të Shkodrës** dhe organizojmë aksione "
        "pastrimi me shkollat.",
    ),
    Showcase(
        (None, "Културно-уметничко друштво Грачаница", "Gračanica Cultural and Arts Society"),
        Kind.REGISTERED_CSO,
        Registry.KOSOVO_NGO,
        "5110777-3",
        ("gracanica",),
        (Sector.CULTURE, Sector.YOUTH_SPORTS),
        Status.VERIFIED,
        None,
        None,
        "Друштво чува народне игре и песме и води **бесплатне радионице** за децу.",
    ),
    Showcase(
        (
            "Agjencia Komunale për Zhvillim Ekonomik – Gjakovë",
            "Opštinska agencija za ekonomski razvoj – Đakovica",
            "Municipal Economic Development Agency – Gjakova",
        ),
        Kind.PUBLIC_INSTITUTION,
        None,
        None,
        ("gjakova",),
        (Sector.ECONOMY, Sector.INFRASTRUCTURE),
        Status.VERIFIED,
        None,
        "https://example.org/gjakova-zhvillim",
        "Agjencia koordinon **projektet e binjakëzimit** të qytetit dhe fondet e donatorëve.",
    ),
    Showcase(
        ("Grupi i Banorëve të Lagjes Dardania", None, None),
        Kind.INFORMAL_GROUP,
        None,
        None,
        ("pristina",),
        (Sector.INFRASTRUCTURE,),
        Status.PENDING,
        None,
        None,
        "Banorët e lagjes kërkojnë ndriçim dhe trotuare të sigurta për fëmijët.",
    ),
    Showcase(
        ("Qendra Rinore Preshevë", "Omladinski centar Preševo", "Preševo Youth Centre"),
        Kind.REGISTERED_CSO,
        Registry.SERBIA_APR,
        "28765432",
        ("presevo",),
        (Sector.YOUTH_SPORTS, Sector.EDUCATION),
        Status.PENDING,
        None,
        None,
        "Kurse gjuhësh, klub debati dhe **hapësirë e hapur** për të rinjtë e Preshevës.",
    ),
    Showcase(
        ("Fondacioni për Zhvillim Rural Përmet", None, "Përmet Rural Development Foundation"),
        Kind.FOUNDATION,
        Registry.ALBANIA_COURT,
        "L92345678B",
        ("permet", "tepelene"),
        (Sector.ECONOMY, Sector.ENVIRONMENT),
        Status.SUSPENDED,
        None,
        None,
        "Grante për fermerët e vegjël dhe agroturizmin në luginën e Vjosës.",
    ),
)

# Generated organisations: a pattern per language, filled with a topic and a place.
PATTERNS = (
    ("sq", "Shoqata {topic} {place}"),
    ("sq", "Qendra për {topic} – {place}"),
    ("sq", "Rrjeti i të Rinjve {place}"),
    ("sr", "Udruženje građana {topic} {place}"),
    ("sr", "Centar za {topic} {place}"),
    ("en", "{place} {topic} Network"),
    ("en", "Foundation for {topic} – {place}"),
)
TOPICS = {
    "sq": ("Mjedisi", "Edukimi", "Shëndeti", "Kultura", "Zhvillimi Lokal", "Barazia"),
    "sr": ("Zelena budućnost", "Obrazovanje", "Zdravlje", "Kultura", "Lokalni razvoj"),
    "en": ("Environment", "Education", "Health", "Culture", "Local Development", "Equality"),
}
DESCRIPTIONS = {
    "sq": "Punojmë me komunën dhe banorët për **{topic}**: takime, trajnime dhe projekte të "
    "vogla në lagje.",
    "sr": "Radimo sa opštinom i građanima na temi **{topic}**: sastanci, obuke i mali "
    "projekti u naseljima.",
    "en": "We work with the municipality and residents on **{topic}**: meetings, training "
    "and small neighbourhood projects.",
}
