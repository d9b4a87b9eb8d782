"""Locale selection, Serbian script handling and search normalisation."""

import re
import unicodedata

from flask import current_app, g, has_request_context, request
from flask_babel import get_locale
from flask_login import current_user

# Babel identifiers: `sr` is Serbian in Cyrillic (CLDR's default script), `sr_Latn` in Latin.
LOCALES = ("sq", "sr_Latn", "sr", "en")
DEFAULT_LOCALE = "sq"
LOCALE_NAMES = {"sq": "Shqip", "sr_Latn": "Srpski", "sr": "Српски", "en": "English"}
HTML_LANG = {"sq": "sq", "sr_Latn": "sr-Latn", "sr": "sr-Cyrl", "en": "en"}
LOCALE_COOKIE = "civicapp_locale"

# Languages user content can be written in. Official answers may also need Turkish or Bosnian.
CONTENT_LANGUAGES = ("sq", "sr", "en")
ANSWER_LANGUAGES = ("sq", "sr", "tr", "bs", "en")


def language_label(code: str) -> str:
    """The name of a content language, in the reader's language."""
    from flask_babel import gettext as _

    labels = {
        "sq": _("Albanian"),
        "sr": _("Serbian"),
        "en": _("English"),
        "tr": _("Turkish"),
        "bs": _("Bosnian"),
    }
    return labels.get(code, code)


_LATIN_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ", "dz\u030c": "џ"}
_LATIN_SINGLE = dict(
    zip(
        "abvgdđežzijklmnoprstćufhcčš",
        "абвгдђежзијклмнопрстћуфхцчш",
        strict=True,
    )
)
_CYR_TO_LAT = {v: k for k, v in _LATIN_SINGLE.items()} | {"љ": "lj", "њ": "nj", "џ": "dž"}

# Tokens kept in Latin script when transliterating: placeholders, markup, addresses, and words
# with letters Serbian does not use (foreign names, acronyms such as PDF or TOTP are listed).
_KEEP = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[sdif]"  # %(name)s
    r"|%[sdif]"
    r"|\{[^{}]*\}"  # {name}
    r"|<[^>]*>|&[#\w]+;"  # tags and entities
    r"|\S+@\S+|\w+://\S+"  # e-mail addresses, URLs
    r"|\b\w*[qwxyQWXY]\w*\b"  # words with letters Serbian lacks
    r"|\b(?:PDF|CSV|API|URL|TOTP|JSON|SMTP|HTML|SVG|OpenAPI|EUR|USD|ID|QR|CSO|OSCE|EU|UNDP|"
    r"PNG|JPEG|GIF|WebP|DOCX|XLSX|PPTX|DOC|XLS|PPT|ODT|ODS|ODP|ZIP|RSS|MB|KB|"
    r"USAID|SDC|GIZ|civicapp|Markdown)\b"
)


def _latin_run_to_cyrillic(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        low = pair.lower()
        if low in _LATIN_DIGRAPHS:
            cyr = _LATIN_DIGRAPHS[low]
            out.append(cyr.upper() if pair[0].isupper() else cyr)
            i += 2
            continue
        ch = text[i]
        cyr = _LATIN_SINGLE.get(ch.lower())
        out.append(ch if cyr is None else (cyr.upper() if ch.isupper() else cyr))
        i += 1
    return "".join(out)


def latin_to_cyrillic(text: str) -> str:
    """Transliterate Serbian Latin to Cyrillic, leaving placeholders, markup and foreign words."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", text)
    parts, last = [], 0
    for match in _KEEP.finditer(text):
        parts.append(_latin_run_to_cyrillic(text[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_latin_run_to_cyrillic(text[last:]))
    return "".join(parts)


def cyrillic_to_latin(text: str) -> str:
    """Transliterate Serbian Cyrillic to Latin (one to one, digraphs capitalised by context)."""
    out = []
    for i, ch in enumerate(text or ""):
        lat = _CYR_TO_LAT.get(ch.lower())
        if lat is None:
            out.append(ch)
        elif ch.isupper():
            nxt = text[i + 1 : i + 2]
            whole_word_upper = len(lat) > 1 and nxt.isupper()
            out.append(lat.upper() if whole_word_upper else lat.capitalize())
        else:
            out.append(lat)
    return "".join(out)


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text or "")


def in_reader_script(text: str, content_language: str | None, locale: str | None = None) -> str:
    """Show Serbian user content in the script of the reader's locale; leave other text alone."""
    if not text or content_language != "sr":
        return text
    locale = locale or current_locale()
    if locale == "sr":
        return latin_to_cyrillic(text)
    if locale == "sr_Latn":
        return cyrillic_to_latin(text)
    return text


_SEARCH_EXTRA = str.maketrans({"đ": "dj", "ß": "ss", "æ": "ae", "ø": "o", "ł": "l"})
_NON_WORD = re.compile(r"[^\w]+")


def normalize_search(text: str | None) -> str:
    """Fold text for search: Cyrillic to Latin, no diacritics, lower case, single spaces."""
    if not text:
        return ""
    folded = cyrillic_to_latin(text).lower().translate(_SEARCH_EXTRA)
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", stripped).split())


def parse_locale(value: str | None) -> str | None:
    """Map a user-supplied or Accept-Language tag to one of LOCALES, or None."""
    if not value:
        return None
    tag = value.replace("_", "-").lower()
    if tag.startswith("sq"):
        return "sq"
    if tag.startswith("sr"):
        return "sr_Latn" if "latn" in tag else "sr"
    if tag.startswith(("bs", "hr", "cnr")):
        return "sr_Latn"
    if tag.startswith("en"):
        return "en"
    return None


def select_locale() -> str:
    """Pick the profile's language, then the visitor's cookie, then Accept-Language, then sq."""
    if not has_request_context():
        return current_app.config.get("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    cached = g.get("_locale")
    if cached:
        return cached
    locale = None
    if getattr(current_user, "is_authenticated", False):
        locale = parse_locale(current_user.locale)
    g._locale = locale or visitor_locale()
    return g._locale


def visitor_locale() -> str:
    """The language of a visitor who is not signed in: cookie, Accept-Language, then sq."""
    locale = parse_locale(request.cookies.get(LOCALE_COOKIE))
    if not locale:
        for tag, _quality in request.accept_languages:
            locale = parse_locale(tag)
            if locale:
                break
    return locale or current_app.config.get("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)


def current_locale() -> str:
    """The active locale as one of LOCALES."""
    return str(get_locale() or DEFAULT_LOCALE)


def localized(obj, prefix: str = "name", locale: str | None = None) -> str:
    """Pick `<prefix>_sq`, `_sr_latn`, `_sr_cyrl` or `_en` of obj for the reader's locale."""
    suffix = {"sq": "sq", "sr_Latn": "sr_latn", "sr": "sr_cyrl", "en": "en"}
    value = getattr(obj, f"{prefix}_{suffix[locale or current_locale()]}", None)
    return value or getattr(obj, f"{prefix}_sq")
