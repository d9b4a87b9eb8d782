"""The portfolio's filters, read from the query string."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField

from civicapp.core.forms import choices
from civicapp.initiatives.forms import YearField
from civicapp.municipalities.forms import CHOOSE_LISTED
from civicapp.municipalities.models import Country
from civicapp.portfolio.services import default_period
from civicapp.sectors import Sector

COUNTRY_LABELS = {
    Country.KOSOVO: _l("Kosovo"),
    Country.ALBANIA: _l("Albania"),
    Country.SERBIA: _l("South Serbia"),
}


class PeriodYearField(YearField):
    """A year of the period; left blank, it keeps its default."""

    def process_formdata(self, valuelist):
        if valuelist and not valuelist[0].strip():
            return
        super().process_formdata(valuelist)


def _choice(label):
    return SelectField(label, default="", invalid_choice_message=CHOOSE_LISTED)


class PortfolioForm(FlaskForm):
    class Meta:
        csrf = False

    start_year = PeriodYearField(_l("From year"), default=lambda: default_period()[0])
    end_year = PeriodYearField(_l("To year"), default=lambda: default_period()[1])
    municipality = _choice(_l("Municipality"))
    sector = _choice(_l("Sector"))
    donor = _choice(_l("Donor"))
    country = _choice(_l("Country"))

    def __init__(self, municipalities, donors, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _l("All"))]
        self.municipality.choices = choices(every + [(m.slug, m.name) for m in municipalities])
        self.sector.choices = choices(every + [(s.value, s.label) for s in Sector])
        self.donor.choices = choices(every + list(donors))
        self.country.choices = choices(every + list(COUNTRY_LABELS.items()))
