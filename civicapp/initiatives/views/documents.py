"""Documents and images of an initiative, added and removed by its lead organisation's members."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from civicapp.core.forms import form_error
from civicapp.exceptions import DomainError
from civicapp.initiatives import bp, documents, forms
from civicapp.initiatives.documents import DocumentDraft, DocumentKind, InitiativeDocument
from civicapp.initiatives.models import Event, Update
from civicapp.initiatives.timeline import schedule, timeline
from civicapp.initiatives.views.common import editable_initiative, get_owned_or_404

RECORDS = {"update": Update, "event": Event}


@bp.app_template_global()
def initiative_documents(initiative) -> documents.Shelf:
    """The initiative's documents for its pages: its own and those of each update and event."""
    return documents.document_shelf(initiative)


@bp.app_template_global()
def new_document_form(initiative) -> forms.DocumentForm:
    """An empty document form for the manage page (a refused one comes back on its own page)."""
    return _document_form(initiative, formdata=None)


@bp.route("/<int:initiative_id>/documents/new", methods=["GET", "POST"])
@login_required
def add_document(initiative_id):
    """Attach a document or an image to the initiative, one of its updates or its events."""
    initiative = editable_initiative(initiative_id)
    form = _document_form(initiative)
    if form.validate_on_submit():
        try:
            documents.attach_document(
                current_user,
                initiative,
                DocumentDraft(form.title.data, DocumentKind(form.kind.data)),
                form.file.data,
                **_record(initiative, form.attach_to.data),
            )
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("The document is added."), "success")
            return _back(initiative, form.attach_to.data.replace(":", "-"))
    page = render_template("initiatives/document_form.html", form=form, initiative=initiative)
    return page, 400 if request.method == "POST" else 200


@bp.post("/<int:initiative_id>/documents/<int:document_id>/remove")
@login_required
def remove_document(initiative_id, document_id):
    """Remove a document and its file."""
    initiative = editable_initiative(initiative_id)
    document = get_owned_or_404(InitiativeDocument, document_id, initiative)
    anchor = _anchor(document)
    documents.remove_document(current_user, document)
    flash(_("The document is removed."), "success")
    return _back(initiative, anchor)


def _document_form(initiative, **kwargs) -> forms.DocumentForm:
    """The form with the initiative's updates and events; ?to=update:7 preselects one."""
    upcoming, past = schedule(initiative)
    data = {"attach_to": request.args.get("to", "")}
    return forms.DocumentForm(timeline(initiative), upcoming + past, data=data, **kwargs)


def _record(initiative, choice: str) -> dict:
    """The update or event an attach_to choice ("update:7", "event:3" or "") names."""
    name, _sep, record_id = choice.partition(":")
    if name not in RECORDS:
        return {}
    return {name: get_owned_or_404(RECORDS[name], int(record_id), initiative)}


def _anchor(document: InitiativeDocument) -> str:
    """Where a document shows on the initiative page (the ids of _timeline.html)."""
    if document.update_id is not None:
        return f"update-{document.update_id}"
    return f"event-{document.event_id}" if document.event_id is not None else ""


def _back(initiative, anchor: str):
    """To the initiative page where the document shows, or to the manage page it came from."""
    if request.args.get("back") == "manage":
        return redirect(
            url_for("initiatives.manage", initiative_id=initiative.id, _anchor="documents")
        )
    return redirect(
        url_for("initiatives.show", initiative_id=initiative.id, _anchor=anchor or "documents")
    )
