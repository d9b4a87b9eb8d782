"""Words for the demo priorities: places by municipality, and titles and bodies by language."""

from civicapp.priorities.models import Sector as S

# slug -> (weight, (sq, sr, en) language weights, places as (Albanian name, Serbian name)).
TOWNS = {
    "pristina": (
        10,
        (7, 1, 2),
        (
            ("Bregu i Diellit", "Sunčani Breg"),
            ("Dardania", "Dardanija"),
            ("Ulpiana", "Ulpijana"),
            ("Lakrishtë", "Lakrište"),
            ("Veternik", "Veternik"),
            ("Hajvali", "Ajvalija"),
            ("Kolovicë", "Kolovica"),
            ("Matiçan", "Matičane"),
        ),
    ),
    "prizren": (
        6,
        (6, 1, 1),
        (
            ("Ortakoll", "Ortakol"),
            ("Marash", "Maraš"),
            ("Arasta", "Arasta"),
            ("Jeni Mahallë", "Jeni Mahala"),
            ("Zhur", "Žur"),
            ("Landovicë", "Landovica"),
        ),
    ),
    "gracanica": (
        5,
        (2, 7, 1),
        (
            ("Graçanicë", "Gračanica"),
            ("Llapllasellë", "Laplje Selo"),
            ("Preoc", "Preoce"),
            ("Batushë", "Batuse"),
            ("Sushicë", "Sušica"),
            ("Çagllavicë", "Čaglavica"),
            ("Badoc", "Badovac"),
        ),
    ),
    "north-mitrovica": (
        4,
        (1, 8, 1),
        (
            ("Lagja e Boshnjakëve", "Bošnjačka mahala"),
            ("Suhodoll", "Suvi Do"),
            ("Tri Solitere", "Tri solitera"),
            ("Brdjani", "Brđani"),
        ),
    ),
    "presevo": (
        4,
        (7, 2, 1),
        (
            ("Miratoc", "Miratovac"),
            ("Rejan", "Reljan"),
            ("Cerevajkë", "Cerevajka"),
            ("Norçë", "Norča"),
            ("Tërnavë", "Trnava"),
            ("Preshevë qendër", "Preševo centar"),
        ),
    ),
    "bujanovac": (
        4,
        (4, 5, 1),
        (
            ("Tërnoc i Madh", "Veliki Trnovac"),
            ("Lluçan", "Lučane"),
            ("Zhbevc", "Žbevac"),
            ("Breznicë", "Breznica"),
            ("Bujanoc qendër", "Bujanovac centar"),
        ),
    ),
    "medvedja": (
        2,
        (1, 8, 1),
        (
            ("Sijarinë", "Sijarinska Banja"),
            ("Tupalë", "Tupale"),
            ("Medvegjë qendër", "Medveđa centar"),
        ),
    ),
    "tirana": (
        8,
        (8, 0, 2),
        (
            ("Blloku", "Blok"),
            ("Kombinat", "Kombinat"),
            ("Laprakë", "Lapraka"),
            ("Tirana e Re", "Nova Tirana"),
            ("Sauk", "Sauk"),
            ("Kashar", "Kašar"),
        ),
    ),
    "shkoder": (
        5,
        (8, 0, 2),
        (
            ("Rus", "Rus"),
            ("Perash", "Peraš"),
            ("Dobraç", "Dobrač"),
            ("Guri i Zi", "Guri i Zi"),
            ("Velipojë", "Velipoja"),
        ),
    ),
    "peja": (
        4,
        (8, 1, 1),
        (
            ("Karagaç", "Karagač"),
            ("Vitomiricë", "Vitomirica"),
            ("Rugovë", "Rugova"),
            ("Kapeshnicë", "Kapešnica"),
        ),
    ),
    "gjilan": (
        4,
        (7, 2, 1),
        (
            ("Dardania", "Dardanija"),
            ("Zabeli i Sefës", "Zabel"),
            ("Malishevë", "Mališevo"),
            ("Livoç", "Livoč"),
        ),
    ),
}

# (sector, title, body) with {place}; bodies are Markdown.
TEXTS = {
    "sq": (
        (
            S.INFRASTRUCTURE,
            "Asfaltimi i rrugës kryesore në {place}",
            "Rruga kryesore në {place} është plot gropa dhe pas çdo shiu bëhet e pakalueshme.\n\n"
            "- nxënësit ecin çdo ditë nëpër baltë\n- automjetet e urgjencës vonohen\n\n"
            "Kërkojmë asfaltim dhe kanale për ujërat atmosferike.",
        ),
        (
            S.ENVIRONMENT,
            "Pastrimi i shtratit të lumit në {place}",
            "Lumi pranë {place} është mbushur me mbeturina plastike dhe mbeturina ndërtimi. "
            "Në pranverë vërshon oborret. "
            "Propozojmë pastrim të rregullt dhe **gjoba** për hedhjen.",
        ),
        (
            S.EDUCATION,
            "Ngrohje e re për shkollën fillore në {place}",
            "Në dimër fëmijët në {place} mësojnë me xhaketa. Kaldaja është e vjetër dhe digjet "
            "qymyr. Kërkojmë ngrohje me pompë termike dhe dritare të reja.",
        ),
        (
            S.HEALTH,
            "Ambulanca në {place} të punojë edhe pasdite",
            "Ambulanca në {place} mbyllet në ora 14. Të moshuarit dhe prindërit që punojnë duhet "
            "të shkojnë deri në qendër. Propozojmë orar deri në ora 20 të paktën tri ditë në javë.",
        ),
        (
            S.YOUTH_SPORTS,
            "Fushë sportive për të rinjtë në {place}",
            "Të rinjtë në {place} nuk kanë ku të luajnë futboll apo basketboll. "
            "Toka komunale pranë shkollës është e lirë. "
            "Një fushë me ndriçim do t'i mbante larg rrugës.",
        ),
        (
            S.SOCIAL_POLICY,
            "Transport falas për të moshuarit nga {place} deri në qendër",
            "Shumë pensionistë nga {place} nuk mund të paguajnë autobusin deri te qendra "
            "shëndetësore. Kërkojmë bileta falas për banorët mbi 65 vjeç.",
        ),
        (
            S.INFRASTRUCTURE,
            "Ndriçim publik në rrugët e {place}",
            "Pas errësirës rrugët në {place} janë krejt të errëta. Gratë dhe fëmijët nuk ndihen "
            "të sigurt. Propozojmë ndriçim LED me sensorë.",
        ),
        (
            S.GENDER_EQUALITY,
            "Çerdhe publike në {place} që nënat të mund të punojnë",
            "Në {place} nuk ka asnjë çerdhe publike. Shumë nëna nuk mund të kthehen në punë. "
            "Kërkojmë një çerdhe me çmime sipas të ardhurave.",
        ),
        (
            S.CULTURE,
            "Restaurimi i shtëpisë së kulturës në {place}",
            "Shtëpia e kulturës në {place} është e mbyllur prej vitesh. Me pak investim mund të "
            "bëhet vend për teatër, lexim dhe kurse për fëmijë.",
        ),
        (
            S.ECONOMY,
            "Treg i gjelbër për fermerët vendorë në {place}",
            "Fermerët nga {place} shesin në anë të rrugës. Një treg i mbuluar me tezga do të "
            "ndihmonte fermerët dhe blerësit.",
        ),
        (
            S.GOVERNANCE,
            "Takime publike çdo tremujor me banorët në {place}",
            "Banorët e {place} mësojnë për vendimet e komunës vetëm pasi ato janë marrë. "
            "Propozojmë takime publike çdo tre muaj me kryetarin dhe drejtorët.",
        ),
    ),
    "sr": (
        (
            S.INFRASTRUCTURE,
            "Asfaltiranje glavne ulice u naselju {place}",
            "Glavna ulica u naselju {place} je puna rupa i posle svake kiše postaje neprohodna.\n\n"
            "- deca svakog dana idu kroz blato\n- hitna pomoć kasni\n\n"
            "Tražimo asfalt i kanale za atmosfersku vodu.",
        ),
        (
            S.ENVIRONMENT,
            "Čišćenje korita reke kod naselja {place}",
            "Reka kod naselja {place} je puna plastike i građevinskog otpada. U proleće plavi "
            "dvorišta. Predlažemo redovno čišćenje i **kazne** za bacanje smeća.",
        ),
        (
            S.EDUCATION,
            "Novo grejanje za osnovnu školu u naselju {place}",
            "Zimi deca u naselju {place} sede u jaknama. Kotao je star i loži se ugalj. "
            "Tražimo toplotnu pumpu i nove prozore.",
        ),
        (
            S.HEALTH,
            "Ambulanta u naselju {place} da radi i popodne",
            "Ambulanta u naselju {place} radi samo do 14 časova. Stariji i zaposleni roditelji "
            "moraju da idu u centar. Predlažemo rad do 20 časova bar tri dana nedeljno.",
        ),
        (
            S.YOUTH_SPORTS,
            "Sportski teren za mlade u naselju {place}",
            "Mladi u naselju {place} nemaju gde da igraju fudbal i košarku. Opštinsko zemljište "
            "pored škole je slobodno. Osvetljen teren bi ih sklonio sa ulice.",
        ),
        (
            S.SOCIAL_POLICY,
            "Besplatan prevoz za starije od naselja {place} do centra",
            "Mnogi penzioneri iz naselja {place} ne mogu da plate autobus do doma zdravlja. "
            "Tražimo besplatne karte za meštane starije od 65 godina.",
        ),
        (
            S.INFRASTRUCTURE,
            "Javna rasveta u ulicama naselja {place}",
            "Posle mraka ulice u naselju {place} su potpuno mračne. Žene i deca se ne osećaju "
            "bezbedno. Predlažemo LED rasvetu sa senzorima.",
        ),
        (
            S.GENDER_EQUALITY,
            "Javni vrtić u naselju {place} kako bi majke mogle da rade",
            "U naselju {place} nema nijednog javnog vrtića. Mnoge majke ne mogu da se vrate na "
            "posao. Tražimo vrtić sa cenama prema primanjima.",
        ),
        (
            S.ENVIRONMENT,
            "Rešavanje problema sa vodosnabdevanjem u naselju {place}",
            "Leti u naselju {place} po nekoliko dana nema vode. Cevi su stare preko četrdeset "
            "godina. Predlažemo zamenu glavnog voda i novi rezervoar.",
        ),
        (
            S.CULTURE,
            "Obnova doma kulture u naselju {place}",
            "Dom kulture u naselju {place} je godinama zatvoren. Uz malo ulaganja može da postane "
            "mesto za pozorište, čitanje i radionice za decu.",
        ),
        (
            S.GOVERNANCE,
            "Redovni javni sastanci sa meštanima naselja {place}",
            "Meštani naselja {place} saznaju za odluke opštine tek kad su donete. Predlažemo "
            "javne sastanke svaka tri meseca sa predsednikom opštine.",
        ),
    ),
    "en": (
        (
            S.INFRASTRUCTURE,
            "Safe pedestrian crossing near the school in {place}",
            "Cars drive fast past the school in {place}. We ask for a raised crossing, "
            "signs and a **school patrol** in the morning.",
        ),
        (
            S.INFRASTRUCTURE,
            "Bus line connecting {place} with the city centre",
            "There is no public bus from {place}. People without a car pay for taxis or walk "
            "along the main road. A line every hour would change daily life.",
        ),
        (
            S.ENVIRONMENT,
            "Recycling points for glass and plastic in {place}",
            "Everything in {place} ends up in the same container. Separate bins for glass, "
            "paper and plastic, emptied weekly, would cut the waste going to the landfill.",
        ),
        (
            S.SOCIAL_POLICY,
            "Accessible ramps at public buildings in {place}",
            "Wheelchair users cannot enter the post office or the health centre in {place}. "
            "Ramps and one accessible toilet would make them usable by everyone.",
        ),
        (
            S.YOUTH_SPORTS,
            "Youth centre with free evening activities in {place}",
            "Young people in {place} have nowhere to meet in the evening. An open youth centre "
            "with volunteers could offer coding, music and sport.",
        ),
        (
            S.GOVERNANCE,
            "Publish the municipal budget in plain language for {place}",
            "Residents of {place} cannot read the budget tables. A one-page summary of what is "
            "spent where, in every official language, would build trust.",
        ),
        (
            S.ECONOMY,
            "Support for small family farms around {place}",
            "Family farms around {place} need a cold store and help with certification to sell "
            "to shops. A small grant scheme would keep young farmers here.",
        ),
        (
            S.ENVIRONMENT,
            "Clean-up of illegal dumps along the road to {place}",
            "Illegal dumps line the road to {place}. We ask for a clean-up day each season, "
            "cameras at the worst spots and a free bulky-waste collection.",
        ),
    ),
}
