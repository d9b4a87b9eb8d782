"""Translation catalogs: extract, update, fill, transliterate sr_Latn to sr, check, compile.

Serbian is maintained once, in `sr_Latn`; the Cyrillic `sr` catalog is always generated from
it. English msgstrs are the msgids (the source language), filled in so that no entry is empty.
"""

import fcntl
import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from civicapp.i18n import latin_to_cyrillic

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
EDITED = ("sq", "sr_Latn")  # written by people
GENERATED = ("sr", "en")  # made by this module
ALL = (*EDITED, *GENERATED)


def po_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


@contextmanager
def locked():
    """Serialise catalog rewrites between processes."""
    TRANSLATIONS.mkdir(exist_ok=True)
    with open(TRANSLATIONS / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read(locale: str):
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def write(locale: str, catalog) -> None:
    path = po_path(locale)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(
            handle,
            catalog,
            width=100,
            omit_header=False,
            ignore_obsolete=True,
            include_previous=False,
            sort_output=True,
        )


def _pybabel(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(done.returncode)


def update() -> None:
    """Extract messages and merge them into every catalog, then regenerate sr and en."""
    with locked():
        _pybabel(
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_ngettext:1,2",
            "--no-location",
            "--omit-header",
            "-o",
            str(POT),
            "civicapp",
        )
        for locale in ALL:
            command = "update" if po_path(locale).exists() else "init"
            _pybabel(
                command,
                "-i",
                str(POT),
                "-d",
                str(TRANSLATIONS),
                "-l",
                locale,
                *(["--no-fuzzy-matching", "--ignore-obsolete"] if command == "update" else []),
            )
        _regenerate()


def _regenerate() -> None:
    latin = read("sr_Latn")
    cyrillic = read("sr")
    for message in cyrillic:
        if message.id:
            source = latin.get(message.id, message.context)
            message.string = _map(source.string if source else "", latin_to_cyrillic)
            message.flags.discard("fuzzy")
    write("sr", cyrillic)
    english = read("en")
    for message in english:
        if message.id:
            message.string = message.id if isinstance(message.id, str) else tuple(message.id)
            message.flags.discard("fuzzy")
    write("en", english)


def _map(value, func):
    if isinstance(value, (tuple, list)):
        return tuple(func(v) for v in value)
    return func(value)


def missing(locale: str) -> list:
    """Entries of a catalog that are empty or fuzzy: {id, plural} dicts."""
    result = []
    for message in read(locale):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (tuple, list)) else [message.string]
        if message.fuzzy or not all(strings):
            ids = message.id if isinstance(message.id, (tuple, list)) else [message.id]
            result.append({"id": ids[0], "plural": ids[1] if len(ids) > 1 else None})
    return result


def fill(translations: dict) -> int:
    """Write {msgid: {"sq": str | [forms], "sr_Latn": ...}} into the catalogs; count them."""
    count = 0
    with locked():
        for locale in EDITED:
            catalog = read(locale)
            for msgid, by_locale in translations.items():
                value = by_locale.get(locale)
                message = catalog.get(msgid)
                if value is None or message is None:
                    continue
                message.string = tuple(value) if isinstance(value, list) else value
                message.flags.discard("fuzzy")
                count += 1
            write(locale, catalog)
        _regenerate()
    return count


def compile_all() -> None:
    _pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


def main(argv: list[str]) -> int:
    """`python -m civicapp.i18n_catalogs update|compile|missing LOCALE|fill FILE.json`."""
    command = argv[0] if argv else "help"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "missing":
        print(json.dumps(missing(argv[1]), ensure_ascii=False, indent=1))
    elif command == "fill":
        print(f"{fill(json.loads(Path(argv[1]).read_text(encoding='utf-8')))} entries written")
    else:
        print(main.__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
