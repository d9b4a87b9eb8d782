"""Initiative forms: field-level validation only; the rules live in services."""

from decimal import Decimal

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    DecimalField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from civicapp.core.forms import REQUIRED, at_most, choices
from civicapp.i18n import CONTENT_LANGUAGES, language_label
from civicapp.initiatives.documents import DOCUMENT_TITLE_MAX, DocumentKind
from civicapp.initiatives.models import (
    BUDGET_MAX,
    STATEMENT_MAX,
    SUMMARY_MAX,
    TEXT_MAX,
    TITLE_MAX,
    EventKind,
    Party,
    Status,
)
from civicapp.municipalities.forms import CHOOSE_LISTED, CheckboxesField, DayField, OneMessage
from civicapp.sectors import Sector
from civicapp.uploads.forms import UploadField

BUDGET_MESSAGE = _l("Enter an amount in EUR from 0 to 999,999,999,999.99.")
AMOUNT_MESSAGE = _l("Enter an amount in EUR above 0 and at most 999,999,999,999.99.")


def _text(label, limit=TEXT_MAX, rows=5, **kwargs):
    return TextAreaField(
        label, validators=[Optional(), at_most(limit)], render_kw={"rows": rows}, **kwargs
    )


class MoneyField(OneMessage, DecimalField):
    """An amount in EUR with two decimals; every wrong input gets the same message."""

    def __init__(self, label, low: Decimal, message, **kwargs):
        super().__init__(
            label,
            places=2,
            validators=[InputRequired(message), NumberRange(low, BUDGET_MAX, message=message)],
            invalid_value_message=message,
            **kwargs,
        )


MARKDOWN = _l("You can use Markdown.")


class YearField(OneMessage, IntegerField):
    def __init__(self, label, **kwargs):
        message = _l("Enter a year from 1990 to 2100.")
        kwargs["validators"] = [*kwargs.get("validators", []), NumberRange(1990, 2100, message)]
        super().__init__(label, invalid_value_message=message, **kwargs)


class InitiativeForm(FlaskForm):
    organisation_id = SelectField(
        _l("Lead organisation"), coerce=int, invalid_choice_message=CHOOSE_LISTED
    )
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), at_most(TITLE_MAX)])
    summary = TextAreaField(
        _l("Summary"),
        validators=[DataRequired(REQUIRED), at_most(SUMMARY_MAX)],
        description=_l("One or two sentences, at most 500 characters."),
        render_kw={"rows": 3},
    )
    language = SelectField(_l("Language of the text"), invalid_choice_message=CHOOSE_LISTED)
    description = _text(_l("Description"), rows=8, description=MARKDOWN)
    municipality_ids = CheckboxesField(
        _l("Municipalities"),
        coerce=int,
        validators=[DataRequired(_l("Choose at least one municipality."))],
    )
    sectors = CheckboxesField(_l("Sectors"))
    donor_ids = CheckboxesField(_l("Donors"), coerce=int)
    programme_id = SelectField(
        _l("Funding programme"), default="", invalid_choice_message=CHOOSE_LISTED
    )
    total_budget = MoneyField(_l("Total budget (EUR)"), Decimal("0"), BUDGET_MESSAGE)
    start_date = DayField(_l("Start date"), validators=[InputRequired(REQUIRED)])
    end_date = DayField(_l("End date"), validators=[InputRequired(REQUIRED)])
    objectives = _text(_l("Objectives"), description=MARKDOWN)
    activities = _text(_l("Activities"), description=MARKDOWN)
    expected_results = _text(_l("Expected results"), description=MARKDOWN)
    achieved_results = _text(_l("Achieved results"), description=MARKDOWN)

    def __init__(self, organisations, municipalities, donors, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id.choices = choices((o.id, o.display_name) for o in organisations)
        self.language.choices = choices((c, language_label(c)) for c in CONTENT_LANGUAGES)
        self.municipality_ids.choices = choices((m.id, m.name) for m in municipalities)
        self.sectors.choices = choices((s.value, s.label) for s in Sector)
        self.donor_ids.choices = choices((d.id, d.name) for d in donors)
        self.programme_id.choices = choices(
            [("", _l("No programme"))]
            + [(p.id, f"{d.name}: {p.name}") for d in donors for p in d.programmes]
        )


class StatusForm(FlaskForm):
    status = SelectField(_l("New status"), invalid_choice_message=CHOOSE_LISTED)

    def __init__(self, targets, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = choices((s.value, s.label) for s in Status if s in targets)


class PartnerForm(FlaskForm):
    organisation_id = SelectField(
        _l("Organisation on civicapp"), default="", invalid_choice_message=CHOOSE_LISTED
    )
    name = StringField(_l("Or its name"), validators=[Optional(), at_most(200)])
    country = StringField(
        _l("Country"),
        validators=[Optional(), Length(2, 2, message=_l("Enter a two-letter country code."))],
        description=_l("Two-letter code, for example DE for Germany."),
    )
    city = StringField(_l("City"), validators=[Optional(), at_most(120)])

    def __init__(self, organisations, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id.choices = choices(
            [("", _l("Not on civicapp"))] + [(o.id, o.display_name) for o in organisations]
        )


class FundingForm(FlaskForm):
    party = SelectField(_l("Who pays"), invalid_choice_message=CHOOSE_LISTED)
    amount = MoneyField(_l("Amount (EUR)"), Decimal("0.01"), AMOUNT_MESSAGE)
    other_name = StringField(_l("Name of the other party"), validators=[Optional(), at_most(200)])

    def __init__(self, initiative, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = [(f"donor:{d.id}", d.name) for d in initiative.donors]
        options.append(("lead", initiative.organisation.display_name))
        options += [(f"partner:{p.id}", p.display_name) for p in initiative.partners]
        options += [(f"municipality:{m.id}", m.name) for m in initiative.municipalities]
        options.append(("other", Party.OTHER.label))
        self.party.choices = choices(options)


class PriorityLinkForm(FlaskForm):
    reference = StringField(
        _l("Reference number"),
        validators=[Optional(), at_most(20)],
        description=_l("For example PRI-2026-00042."),
    )
    priority_id = SelectField(
        _l("Or a priority of its municipalities"),
        default="",
        invalid_choice_message=CHOOSE_LISTED,
    )

    def __init__(self, candidates, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.priority_id.choices = choices(
            [("", _l("Choose"))] + [(p.id, f"{p.reference or p.id}: {p.title}") for p in candidates]
        )


class EndorseForm(FlaskForm):
    municipality_id = SelectField(
        _l("On behalf of"), coerce=int, invalid_choice_message=CHOOSE_LISTED
    )
    statement = TextAreaField(
        _l("Statement"),
        validators=[DataRequired(REQUIRED), at_most(STATEMENT_MAX)],
        render_kw={"rows": 3},
    )

    def __init__(self, municipalities, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality_id.choices = choices((m.id, m.name) for m in municipalities)


class UpdateForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), at_most(200)])
    posted_on = DayField(_l("Date"), validators=[InputRequired(REQUIRED)])
    body = TextAreaField(
        _l("Text"),
        validators=[DataRequired(REQUIRED), at_most(TEXT_MAX)],
        description=MARKDOWN,
        render_kw={"rows": 8},
    )


class EventTimeField(OneMessage, DateTimeLocalField):
    def __init__(self, label, **kwargs):
        message = _l("Enter a date and time such as 2027-03-31 18:00.")
        super().__init__(
            label,
            format=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
            validators=[InputRequired(message)],
            invalid_value_message=message,
            **kwargs,
        )


class EventForm(FlaskForm):
    kind = SelectField(_l("Kind of event"), invalid_choice_message=CHOOSE_LISTED)
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), at_most(200)])
    starts_at = EventTimeField(_l("Starts"))
    ends_at = EventTimeField(_l("Ends"))
    place = StringField(_l("Place"), validators=[Optional(), at_most(200)])
    online_url = StringField(
        _l("Online link"),
        validators=[Optional(), at_most(300)],
        description=_l("For example https://example.org/meeting"),
    )
    agenda = _text(_l("Agenda"), description=MARKDOWN)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices((k.value, k.label) for k in EventKind)


class DocumentForm(FlaskForm):
    """A file with its title and kind; it belongs to the initiative or to a record of it."""

    title = StringField(
        _l("Title"),
        validators=[DataRequired(REQUIRED), at_most(DOCUMENT_TITLE_MAX)],
        description=_l("Shown instead of the file name; write it in the initiative's language."),
    )
    kind = SelectField(
        _l("Kind of document"),
        default=DocumentKind.OTHER.value,
        invalid_choice_message=CHOOSE_LISTED,
    )
    attach_to = SelectField(_l("Belongs to"), default="", invalid_choice_message=CHOOSE_LISTED)
    file = UploadField(_l("File"), required=True)

    def __init__(self, updates, events, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices((k.value, k.label) for k in DocumentKind)
        self.attach_to.choices = choices(
            [("", _l("The initiative as a whole"))]
            + [(f"update:{u.id}", _update_choice(u)) for u in updates]
            + [(f"event:{e.id}", _event_choice(e)) for e in events]
        )


def _update_choice(update) -> str:
    return _(
        "Update: %(title)s (%(date)s)", title=update.shown_title, date=format_date(update.posted_on)
    )


def _event_choice(event) -> str:
    return _(
        "Event: %(title)s (%(date)s)",
        title=event.shown_title,
        date=format_date(event.starts_at),
    )


class FilterForm(FlaskForm):
    """List filters, read from the query string."""

    class Meta:
        csrf = False

    q = StringField(_l("Words"), validators=[Optional(), at_most(200)])
    municipality = SelectField(_l("Municipality"), default="", invalid_choice_message=CHOOSE_LISTED)
    sector = SelectField(_l("Sector"), default="", invalid_choice_message=CHOOSE_LISTED)
    donor = SelectField(_l("Donor"), default="", invalid_choice_message=CHOOSE_LISTED)
    organisation = StringField(_l("Organisation"), validators=[Optional(), at_most(80)])
    status = SelectField(_l("Status"), default="", invalid_choice_message=CHOOSE_LISTED)
    year = YearField(_l("Running in year"), validators=[Optional()])

    def __init__(self, municipalities, donors, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _l("All"))]
        self.municipality.choices = choices(every + [(m.slug, m.name) for m in municipalities])
        self.sector.choices = choices(every + [(s.value, s.label) for s in Sector])
        self.donor.choices = choices(every + [(d.id, d.name) for d in donors])
        self.status.choices = choices(
            every + [(s.value, s.label) for s in Status if s != Status.DRAFT]
        )
