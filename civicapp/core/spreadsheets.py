"""CSV files that spreadsheets open safely and correctly, in every language."""

import csv
import io
from collections.abc import Iterable

# Excel reads UTF-8 (Albanian ë, Serbian č ć đ š ž) only when the file starts with a BOM.
BOM = "\ufeff"
# A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """The value as text, with a quote before anything a spreadsheet would run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(columns: Iterable[str], rows: Iterable[Iterable]) -> str:
    """A CSV file with a BOM, a header row, and every cell made safe."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return out.getvalue()
