"""Horizontal bar charts laid out on the server, drawn as SVG by templates/portfolio/_chart.html."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import format_currency, format_decimal, get_locale, ngettext
from flask_babel import gettext as _

WIDTH = 800
LABEL_WIDTH = 230  # room for the label, right-aligned against the bars
VALUE_WIDTH = 250  # room for the value written after the longest bar
BAR_HEIGHT, GAP, TOP = 22, 8, 4
LABEL_CHARS = 28
SHOWN = 15  # bars drawn per chart; the tables list every row


@dataclass(frozen=True)
class Bar:
    label: str  # in full, for the bar's tooltip
    short: str  # what fits in LABEL_WIDTH
    text: str  # the value, as written after the bar
    y: int
    width: float


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    bars: list[Bar]
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return TOP * 2 + len(self.bars) * (BAR_HEIGHT + GAP)


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence,
    value: Callable,
    text: Callable,
) -> Chart:
    """Lay out one bar per row, as long as `value(row)` relative to the largest."""
    largest = max((value(row) for row in rows), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = [
        Bar(
            label=row.label,
            short=_shorten(row.label),
            text=text(row),
            y=TOP + index * (BAR_HEIGHT + GAP),
            width=round(float(value(row) / largest) * room, 1),
        )
        for index, row in enumerate(rows)
    ]
    return Chart(chart_id, title, description, bars)


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def whole_euros(amount: Decimal) -> str:
    """An amount rounded to the nearest euro (halves up), in the reader's locale."""
    pattern = get_locale().currency_formats["standard"].pattern.replace(".00", "")
    rounded = Decimal(amount).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return format_currency(rounded, "EUR", format=pattern, currency_digits=False)


def portfolio_charts(figures) -> dict[str, Chart]:
    """The three charts of the portfolio page: money per municipality, sector and donor."""
    titles = {
        "municipality": _("Money per municipality"),
        "sector": _("Money per sector"),
        "donor": _("Money per donor"),
    }
    rows = {
        "municipality": figures.by_municipality,
        "sector": figures.by_sector,
        "donor": figures.by_donor,
    }
    return {
        name: bar_chart(
            f"chart-{name}",
            titles[name],
            _description(len(rows[name])),
            rows[name][:SHOWN],
            value=lambda row: row.amount,
            text=_bar_text,
        )
        for name in titles
    }


def _description(total: int) -> str:
    text = _("Bars show money in euros, most first, with the number of initiatives.")
    if total > SHOWN:
        more = ngettext(
            "Only the first %(shown)s of %(num)s is drawn; the table lists them all.",
            "Only the first %(shown)s of %(num)s are drawn; the table lists them all.",
            total,
            shown=SHOWN,
        )
        text = f"{text} {more}"
    return text


def _bar_text(row) -> str:
    return ngettext(
        "%(amount)s · %(count)s initiative",
        "%(amount)s · %(count)s initiatives",
        row.initiatives,
        amount=whole_euros(row.amount),
        count=format_decimal(row.initiatives),
    )
