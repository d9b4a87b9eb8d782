"""Member management by an organisation's admins; invitations; leaving."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from civicapp.authz import require
from civicapp.cache import never_cached
from civicapp.core.forms import ActionForm, form_error
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.organisations import bp, forms
from civicapp.organisations import members as services
from civicapp.organisations.models import INVITATION_DAYS, Invitation, MemberRole, Organisation
from civicapp.organisations.policies import (
    can_accept_invitation,
    can_leave_organisation,
    can_manage_members,
)
from civicapp.organisations.views.public import get_organisation_or_404
from civicapp.security import limit_posts

# Invitations send mail to addresses an admin types; a limit keeps the platform from spamming.
INVITATION_LIMIT = "30 per hour"
USER = "<int(max=2147483647):user_id>"
INVITATION = "<int(max=2147483647):invitation_id>"


def _managed(slug: str) -> Organisation:
    organisation = get_organisation_or_404(slug)
    require(can_manage_members(current_user, organisation))
    return organisation


def _members_page(organisation: Organisation, invite_form=None, status: int = 200):
    members = services.members_of(organisation)
    role_forms = {m.user_id: forms.RoleForm(formdata=None, role=m.role.value) for m in members}
    page = render_template(
        "organisations/members.html",
        organisation=organisation,
        members=members,
        role_forms=role_forms,
        invitations=services.open_invitations(organisation),
        invite_form=invite_form or forms.InviteForm(formdata=None),
    )
    return page, status


def _to_members(organisation: Organisation):
    return redirect(url_for("organisations.members", slug=organisation.slug))


@bp.get("/<slug>/members")
@login_required
def members(slug):
    """List members and open invitations, with the forms to manage them."""
    return _members_page(_managed(slug))


@bp.post("/<slug>/members/invite")
@limit_posts("RATELIMIT_INVITE", INVITATION_LIMIT)
@login_required
def invite(slug):
    """Invite someone by e-mail."""
    organisation = _managed(slug)
    form = forms.InviteForm()
    if form.validate_on_submit():
        try:
            services.invite_member(
                current_user, organisation, form.email.data, MemberRole(form.role.data)
            )
        except DomainError as error:
            form_error(form, error)
        else:
            message = ngettext(
                "The invitation is on its way to %(email)s. Its link works for %(num)d day.",
                "The invitation is on its way to %(email)s. Its link works for %(num)d days.",
                INVITATION_DAYS,
                email=form.email.data.strip(),
            )
            flash(message, "success")
            return _to_members(organisation)
    return _members_page(organisation, invite_form=form, status=400)


def _membership_or_404(organisation: Organisation, user_id: int):
    return services.get_membership(organisation, user_id) or abort(404)


@bp.post(f"/<slug>/members/{USER}/role")
@login_required
def change_role(slug, user_id):
    """Make a member an admin, or an admin a member."""
    organisation = _managed(slug)
    membership = _membership_or_404(organisation, user_id)
    form = forms.RoleForm()
    if not form.validate_on_submit():
        flash(_("Choose a role from the options shown."), "error")
        return _members_page(organisation, status=400)
    try:
        services.change_member_role(current_user, membership, MemberRole(form.role.data))
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(_("The role of %(name)s is saved.", name=membership.user.display_name), "success")
    return _to_members(organisation)


@bp.post(f"/<slug>/members/{USER}/remove")
@login_required
def remove_member(slug, user_id):
    """Take a member out of the organisation."""
    organisation = _managed(slug)
    membership = _membership_or_404(organisation, user_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    name = membership.user.display_name
    try:
        services.remove_member(current_user, membership)
    except DomainError as error:
        flash(error.message, "error")
        return _to_members(organisation)
    flash(_("%(name)s is no longer a member.", name=name), "success")
    if user_id == current_user.id:
        return redirect(url_for("organisations.show", slug=organisation.slug))
    return _to_members(organisation)


@bp.post(f"/<slug>/invitations/{INVITATION}/revoke")
@login_required
def revoke_invitation(slug, invitation_id):
    """Withdraw an open invitation."""
    organisation = _managed(slug)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.organisation_id != organisation.id:
        abort(404)
    if ActionForm().validate_on_submit():
        try:
            services.revoke_invitation(current_user, invitation)
        except DomainError as error:
            flash(error.message, "error")
        else:
            flash(_("The invitation is withdrawn; its link no longer works."), "success")
    return _to_members(organisation)


@bp.post("/<slug>/leave")
@login_required
def leave(slug):
    """Leave an organisation."""
    organisation = get_organisation_or_404(slug)
    require(can_leave_organisation(current_user, organisation))
    if ActionForm().validate_on_submit():
        try:
            services.leave_organisation(current_user, organisation)
        except DomainError as error:
            flash(error.message, "error")
        else:
            flash(_("You have left the organisation."), "success")
    return redirect(url_for("organisations.show", slug=organisation.slug))


@bp.get("/invitations/<token>")
@never_cached
def invitation(token):
    """Show an invitation and, to the invited account, the button that accepts it."""
    try:
        found = services.load_invitation(token)
    except DomainError as error:
        return render_template("organisations/invitation.html", message=error.message), 400
    return render_template("organisations/invitation.html", invitation=found, token=token)


@bp.post("/invitations/<token>")
@never_cached
@login_required
def accept(token):
    """Accept an invitation and join the organisation."""
    try:
        found = services.load_invitation(token)
    except DomainError as error:
        return render_template("organisations/invitation.html", message=error.message), 400
    require(can_accept_invitation(current_user, found))
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        services.accept_invitation(current_user, token)
    except DomainError as error:
        return render_template("organisations/invitation.html", message=error.message), 400
    name = found.organisation.display_name
    flash(_("Welcome to %(name)s.", name=name), "success")
    return redirect(url_for("organisations.show", slug=found.organisation.slug))
