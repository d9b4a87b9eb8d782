"""Demo initiatives written by hand, and the pieces generated ones are made of."""

from typing import NamedTuple

from civicapp.sectors import Sector


class Showcase(NamedTuple):
    title: str
    summary: str
    language: str
    towns: tuple[str, ...]
    sectors: tuple[Sector, ...]
    donor: str
    budget: int
    years: tuple[int, int]
    funding: tuple[tuple[str, int], ...]  # ("donor" | "municipality" | "lead", EUR)
    partner_abroad: tuple[str, str, str] | None  # name, country, city
    description: str


SHOWCASE = (
    Showcase(
        "Plani Lokal i Veprimit në Mjedis – Prishtinë 2026–2030",
        "Hartimi i planit lokal mjedisor me banorët, shkollat dhe komunën, me fokus në ajrin "
        "dhe mbeturinat.",
        "sq",
        ("pristina",),
        (Sector.ENVIRONMENT, Sector.GOVERNANCE),
        "European Union",
        180_000,
        (2026, 2027),
        (("donor", 150_000), ("municipality", 30_000)),
        None,
        "Projekti financohet nga **Bashkimi Evropian** dhe bashkëfinancohet nga Komuna e "
        "Prishtinës.\n\n- 12 dëgjime publike\n- matje të cilësisë së ajrit\n- plan i miratuar "
        "nga Kuvendi Komunal",
    ),
    Showcase(
        "Preduzetništvo žena u Bujanovcu i Preševu",
        "Obuke, mentorstvo i mali grantovi za 60 preduzetnica iz Bujanovca i Preševa.",
        "sr",
        ("bujanovac", "presevo"),
        (Sector.ECONOMY, Sector.GENDER_EQUALITY),
        "Sida",
        240_000,
        (2025, 2027),
        (("donor", 220_000), ("lead", 20_000)),
        None,
        "Program finansira **Sida**. Preduzetnice dobijaju obuku iz poslovnog planiranja, "
        "mentora i grant do 3.000 EUR.",
    ),
    Showcase(
        "Community infrastructure grant for Shkodër neighbourhoods",
        "Small works chosen by residents: street lighting, a playground and drainage in three "
        "neighbourhoods of Shkodër.",
        "en",
        ("shkoder",),
        (Sector.INFRASTRUCTURE,),
        "USAID",
        95_000,
        (2024, 2025),
        (("donor", 80_000), ("municipality", 15_000)),
        None,
        "Funded by a **USAID** community grant. Residents voted on the works in open meetings.",
    ),
    Showcase(
        "Binjakëzimi Prizren – Ludwigsburg: shkëmbim për administratën komunale",
        "Vizita studimore dhe trajnime të përbashkëta për zyrtarët komunalë të Prizrenit dhe "
        "Ludwigsburgut.",
        "sq",
        ("prizren",),
        (Sector.GOVERNANCE, Sector.CULTURE),
        "GIZ",
        40_000,
        (2025, 2026),
        (("donor", 30_000), ("municipality", 10_000)),
        ("Stadt Ludwigsburg", "DE", "Ludwigsburg"),
        "Binjakëzim me qytetin **Ludwigsburg** (Gjermani): dy vizita studimore në vit.",
    ),
    Showcase(
        "Youth employment in Gjilan and Ferizaj",
        "Traineeships with local firms and job-search coaching for 300 young people.",
        "en",
        ("gjilan", "ferizaj"),
        (Sector.YOUTH_SPORTS, Sector.ECONOMY),
        "UNDP",
        310_000,
        (2026, 2028),
        (("donor", 280_000), ("municipality", 30_000)),
        None,
        "Run with **UNDP**: six-month traineeships, coaching and a jobs fair each spring.",
    ),
)

TOPICS = {
    "sq": ("Pastrimi i lumit", "Qendra rinore", "Ndriçimi i rrugëve", "Trajnime për gratë"),
    "sr": ("Čišćenje reke", "Omladinski centar", "Ulična rasveta", "Obuke za žene"),
    "en": ("River clean-up", "Youth centre", "Street lighting", "Training for women"),
}
SUMMARIES = {
    "sq": "Projekt i organizatës me komunën dhe banorët.",
    "sr": "Projekat organizacije sa opštinom i građanima.",
    "en": "A project of the organisation with the municipality and residents.",
}
UPDATES = {
    "sq": ("Nisja e projektit", "Takimi i parë me banorët u mbajt në sallën e komunës."),
    "sr": ("Početak projekta", "Prvi sastanak sa građanima održan je u sali opštine."),
    "en": ("Project kick-off", "The first meeting with residents took place at the town hall."),
}
EVENTS = {
    "sq": ("Punëtori me banorët", "Vizitë studimore"),
    "sr": ("Radionica sa građanima", "Studijska poseta"),
    "en": ("Workshop with residents", "Study visit"),
}
# Files of each showcase initiative: title, kind, sample type, file name, and what they belong
# to: the initiative itself, its update or its (upcoming) workshop.
DOCUMENTS = {
    "sq": (
        ("Memorandum me komunën", "memorandum", "pdf", "memorandum.pdf", "initiative"),
        ("Foto nga takimi i parë", "photo", "png", "takimi.png", "update"),
        ("Agjenda e punëtorisë", "agenda", "pdf", "agjenda.pdf", "event"),
    ),
    "sr": (
        ("Memorandum sa opštinom", "memorandum", "pdf", "memorandum.pdf", "initiative"),
        ("Fotografija sa prvog sastanka", "photo", "png", "sastanak.png", "update"),
        ("Dnevni red radionice", "agenda", "pdf", "dnevni-red.pdf", "event"),
    ),
    "en": (
        ("Memorandum with the municipality", "memorandum", "pdf", "mou.pdf", "initiative"),
        ("Photo of the first meeting", "photo", "png", "meeting.png", "update"),
        ("Workshop agenda", "agenda", "pdf", "agenda.pdf", "event"),
    ),
}

# The timeline every generated initiative gets: one update, and a workshop for every third.
GENERATED_UPDATE = {
    "sq": (
        "Takimi i parë me banorët",
        "Mbajtëm takimin e parë me banorët dhe mblodhëm propozimet e tyre.",
    ),
    "sr": (
        "Prvi sastanak sa građanima",
        "Održali smo prvi sastanak sa građanima i prikupili njihove predloge.",
    ),
    "en": (
        "First meeting with residents",
        "We held the first meeting with residents and collected their proposals.",
    ),
}
GENERATED_EVENT = {
    "sq": ("Punëtori me të rinjtë", "Shtëpia e Kulturës"),
    "sr": ("Radionica sa mladima", "Dom kulture"),
    "en": ("Workshop with young people", "House of Culture"),
}
