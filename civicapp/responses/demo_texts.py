"""Texts of the demo's official answers, in every language an answer may need."""

from civicapp.priorities.models import Status

# Status -> language -> text. Serbian is written once, in Latin; demo.py makes Cyrillic.
ANSWER_TEXTS = {
    Status.RECEIVED: {
        "sq": "Faleminderit për propozimin. Komuna e ka pranuar prioritetin dhe e ka dërguar "
        "te drejtoria përkatëse për shqyrtim.",
        "sr": "Hvala na predlogu. Opština je primila prioritet i prosledila ga nadležnoj "
        "direkciji na razmatranje.",
        "tr": "Öneriniz için teşekkür ederiz. Belediye önceliği aldı ve incelenmek üzere "
        "ilgili müdürlüğe iletti.",
        "bs": "Hvala na prijedlogu. Općina je zaprimila prioritet i proslijedila ga nadležnoj "
        "direkciji na razmatranje.",
        "en": "Thank you for the proposal. The municipality has received it and passed it to "
        "the responsible directorate for review.",
    },
    Status.UNDER_REVIEW: {
        "sq": "Drejtoria po e shqyrton propozimin bashkë me planin e investimeve kapitale. "
        "Do t'ju njoftojmë për vendimin.",
        "sr": "Direkcija razmatra predlog zajedno sa planom kapitalnih investicija. "
        "Obavestićemo vas o odluci.",
        "tr": "Müdürlük öneriyi sermaye yatırım planıyla birlikte inceliyor. Karardan sizi "
        "haberdar edeceğiz.",
        "bs": "Direkcija razmatra prijedlog zajedno s planom kapitalnih investicija. "
        "Obavijestit ćemo vas o odluci.",
        "en": "The directorate is reviewing the proposal together with the capital investment "
        "plan. We will let you know the decision.",
    },
    Status.ACCEPTED: {
        "sq": "Prioriteti është pranuar. Komuna do ta përfshijë në planifikimin buxhetor të "
        "vitit të ardhshëm.",
        "sr": "Prioritet je prihvaćen. Opština će ga uključiti u budžetsko planiranje za "
        "narednu godinu.",
        "tr": "Öncelik kabul edildi. Belediye bunu gelecek yılın bütçe planlamasına dahil edecek.",
        "bs": "Prioritet je prihvaćen. Općina će ga uključiti u budžetsko planiranje za "
        "narednu godinu.",
        "en": "The priority is accepted. The municipality will include it in next year's "
        "budget planning.",
    },
    Status.PLANNED: {
        "sq": "Projekti është planifikuar në buxhetin komunal. Procedura e prokurimit fillon "
        "sipas planit vjetor të prokurimit.",
        "sr": "Projekat je planiran u opštinskom budžetu. Postupak javne nabavke počinje "
        "prema godišnjem planu nabavki.",
        "tr": "Proje belediye bütçesinde planlandı. İhale süreci yıllık ihale planına göre "
        "başlayacak.",
        "bs": "Projekat je planiran u općinskom budžetu. Postupak javne nabavke počinje "
        "prema godišnjem planu nabavki.",
        "en": "The project is planned in the municipal budget. Procurement starts according "
        "to the annual procurement plan.",
    },
    Status.IN_PROGRESS: {
        "sq": "Punimet kanë filluar. Kontraktori duhet t'i përfundojë brenda afatit të "
        "kontratës; mbikëqyrja bëhet nga drejtoria.",
        "sr": "Radovi su počeli. Izvođač treba da ih završi u ugovorenom roku; nadzor vrši "
        "direkcija.",
        "tr": "Çalışmalar başladı. Yüklenici işi sözleşme süresi içinde bitirmeli; denetimi "
        "müdürlük yapıyor.",
        "bs": "Radovi su počeli. Izvođač ih treba završiti u ugovorenom roku; nadzor vrši "
        "direkcija.",
        "en": "Works have started. The contractor must finish them within the contract "
        "period; the directorate supervises them.",
    },
    Status.IMPLEMENTED: {
        "sq": "Punimet përfunduan dhe u pranuan nga komisioni komunal. Faleminderit të "
        "gjithëve që e mbështetën këtë prioritet.",
        "sr": "Radovi su završeni i primljeni od strane opštinske komisije. Hvala svima koji "
        "su podržali ovaj prioritet.",
        "tr": "Çalışmalar tamamlandı ve belediye komisyonu tarafından teslim alındı. Bu "
        "önceliği destekleyen herkese teşekkürler.",
        "bs": "Radovi su završeni i preuzeti od općinske komisije. Hvala svima koji su "
        "podržali ovaj prioritet.",
        "en": "The works are finished and were accepted by the municipal commission. Thank "
        "you to everyone who supported this priority.",
    },
    Status.REJECTED: {
        "sq": "Pas shqyrtimit, komuna nuk mund ta realizojë këtë prioritet. Arsyeja është "
        "dhënë më poshtë.",
        "sr": "Nakon razmatranja, opština ne može da realizuje ovaj prioritet. Razlog je "
        "naveden ispod.",
        "tr": "İnceleme sonucunda belediye bu önceliği gerçekleştiremiyor. Gerekçe aşağıda "
        "belirtilmiştir.",
        "bs": "Nakon razmatranja, općina ne može realizirati ovaj prioritet. Razlog je "
        "naveden ispod.",
        "en": "After review, the municipality cannot carry out this priority. The reason is "
        "given below.",
    },
    Status.NOT_COMPETENT: {
        "sq": "Kjo çështje nuk është në kompetencë të komunës. Komuna e ka përcjellë kërkesën "
        "te institucioni përgjegjës i nivelit qendror.",
        "sr": "Ovo pitanje nije u nadležnosti opštine. Opština je prosledila zahtev "
        "nadležnoj instituciji centralnog nivoa.",
        "tr": "Bu konu belediyenin yetkisinde değildir. Belediye talebi yetkili merkezi "
        "kuruma iletti.",
        "bs": "Ovo pitanje nije u nadležnosti općine. Općina je proslijedila zahtjev "
        "nadležnoj instituciji centralnog nivoa.",
        "en": "This matter is not within the municipality's competence. The municipality has "
        "passed the request to the responsible central institution.",
    },
}

# Why a priority was rejected, in the municipality's first official language.
REJECTION_REASONS = {
    "sq": "Parcela është pronë private dhe komuna nuk ka mjete për shpronësim në këtë vit "
    "buxhetor.",
    "sr": "Parcela je u privatnom vlasništvu i opština nema sredstava za eksproprijaciju u "
    "ovoj budžetskoj godini.",
}

# Whose competence it is, by country: the ministry in charge of national roads.
CENTRAL_BODIES = {
    "XK": "Ministria e Mjedisit, Planifikimit Hapësinor dhe Infrastrukturës (rrugët nacionale)",
    "AL": "Ministria e Infrastrukturës dhe Energjisë (Autoriteti Rrugor Shqiptar)",
    "RS": "Ministarstvo građevinarstva, saobraćaja i infrastrukture (državni putevi)",
}

# Where Serbian answers are written in Cyrillic.
CYRILLIC_TOWNS = frozenset(
    {
        "gracanica",
        "north-mitrovica",
        "leposavic",
        "zubin-potok",
        "zvecan",
        "strpce",
        "klokot",
        "partes",
        "ranilug",
        "novo-brdo",
        "bujanovac",
        "medvedja",
        "presevo",
    }
)

# Answering offices for municipalities whose staff are not among the demo accounts.
OFFICE_NAMES = {"sq": "Zyra për Informim", "sr": "Služba za informisanje"}
