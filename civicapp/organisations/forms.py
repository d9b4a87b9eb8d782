"""Organisation forms: field-level validation only; the rules live in services."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Optional, ValidationError

from civicapp.core.forms import REQUIRED, at_most, choices
from civicapp.municipalities.forms import CHOOSE_LISTED, CheckboxesField
from civicapp.municipalities.services import list_municipalities
from civicapp.organisations.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    NUMBER_MAX,
    WEBSITE_MAX,
    Kind,
    MemberRole,
    Registry,
    Status,
)
from civicapp.organisations.services import NOTE_MAX, website_problem
from civicapp.sectors import Sector
from civicapp.uploads.forms import UploadField


def _name(label):
    return StringField(label, validators=[Optional(), at_most(NAME_MAX)])


class Website:
    """Only http and https addresses of a host."""

    def __call__(self, form, field):
        problem = website_problem(field.data) if field.data else None
        if problem:
            raise ValidationError(problem)


ROLE_LABEL = _l("Role")


def _role_field(label=ROLE_LABEL):
    return SelectField(
        label,
        choices=lambda: choices((r.value, r.label) for r in MemberRole),
        default=MemberRole.MEMBER.value,  # admin rights only when chosen
        invalid_choice_message=CHOOSE_LISTED,
    )


class OrganisationForm(FlaskForm):
    name_sq = _name(_l("Name in Albanian"))
    name_sr = _name(_l("Name in Serbian"))
    name_en = _name(_l("Name in English"))
    kind = SelectField(
        _l("Kind of organisation"),
        validators=[DataRequired(REQUIRED)],
        invalid_choice_message=CHOOSE_LISTED,
    )
    registry = SelectField(
        _l("Register"),
        description=_l("Required for registered civil society organisations."),
        invalid_choice_message=CHOOSE_LISTED,
    )
    registration_number = StringField(
        _l("Registration number"), validators=[Optional(), at_most(NUMBER_MAX)]
    )
    municipality_ids = CheckboxesField(
        _l("Municipalities you work in"),
        coerce=int,
        validators=[DataRequired(_l("Choose at least one municipality."))],
    )
    sectors = CheckboxesField(_l("Sectors"))
    description = TextAreaField(
        _l("Description"),
        validators=[Optional(), at_most(DESCRIPTION_MAX)],
        description=_l("What you do, for whom and since when. You can use Markdown."),
        render_kw={"rows": 8},
    )
    website = StringField(
        _l("Website"),
        validators=[Optional(), at_most(WEBSITE_MAX), Website()],
        description=_l("For example https://example.org"),
        render_kw={"type": "url"},
    )
    contact_email = EmailField(
        _l("Contact e-mail address"),
        validators=[Optional(), Email(_l("Enter a valid e-mail address.")), at_most(254)],
    )
    # uploads helper: the logo, checked by content; the edit page offers to remove it.
    logo = UploadField(_l("Logo"), kind="image")
    remove_logo = BooleanField(_l("Remove the current logo"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices([("", _l("Choose"))] + [(k.value, k.label) for k in Kind])
        self.registry.choices = choices(
            [("", _l("Not registered"))] + [(r.value, r.label) for r in Registry]
        )
        self.municipality_ids.choices = choices((m.id, m.name) for m in list_municipalities())
        self.sectors.choices = choices((s.value, s.label) for s in Sector)


class InviteForm(FlaskForm):
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(REQUIRED),
            Email(_l("Enter a valid e-mail address.")),
            at_most(254),
        ],
    )
    role = _role_field()


class RoleForm(FlaskForm):
    role = _role_field(_l("New role"))


class DecisionForm(FlaskForm):
    """A platform admin's decision on an organisation: the note goes to its admins."""

    note = TextAreaField(
        _l("Note to the organisation"),
        validators=[
            DataRequired(_l("Write a note that explains the decision.")),
            at_most(NOTE_MAX),
        ],
        description=_l("Sent to the organisation's administrators and kept with the decision."),
        render_kw={"rows": 3},
    )


class FilterForm(FlaskForm):
    """Directory filters, read from the query string."""

    class Meta:
        csrf = False

    q = StringField(_l("Name"), validators=[Optional(), at_most(200)])
    municipality = SelectField(_l("Municipality"), default="", invalid_choice_message=CHOOSE_LISTED)
    sector = SelectField(_l("Sector"), default="", invalid_choice_message=CHOOSE_LISTED)
    kind = SelectField(_l("Kind"), default="", invalid_choice_message=CHOOSE_LISTED)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _l("All"))]
        self.municipality.choices = choices(
            every + [(m.slug, m.name) for m in list_municipalities()]
        )
        self.sector.choices = choices(every + [(s.value, s.label) for s in Sector])
        self.kind.choices = choices(every + [(k.value, k.label) for k in Kind])


class QueueForm(FlaskForm):
    """The verification queue's status filter."""

    class Meta:
        csrf = False

    status = SelectField(_l("Status"), default="", invalid_choice_message=CHOOSE_LISTED)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = choices([("", _l("All"))] + [(s.value, s.label) for s in Status])
