"""Administration pages: users, roles, staff assignments, audit log."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from civicapp.accounts.models import Role, User
from civicapp.admin import bp, forms, services
from civicapp.admin.policies import can_administer, can_view_audit_log
from civicapp.audit.models import AuditEvent
from civicapp.authz import require
from civicapp.core.forms import ActionForm, choices
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.municipalities.models import Municipality
from civicapp.municipalities.services import list_municipalities


@bp.before_request
def _only_admins():
    require(can_administer(current_user))


@bp.get("/users")
def users():
    """List and search accounts."""
    query = request.args.get("q", "", type=str).strip()[:100]
    stmt = select(User).order_by(User.created_at.desc())
    if query:
        like = f"%{query.lower()}%"
        stmt = stmt.where(or_(User.email.like(like), User.display_name.ilike(like)))
    page = db.paginate(stmt, per_page=50, error_out=False)
    return render_template("admin/users.html", page=page, query=query)


@bp.get("/users/<int:user_id>")
def user(user_id):
    """Show an account with its roles and staff assignments."""
    return _user_page(db.get_or_404(User, user_id))


def _user_page(account, role_form=None, staff_form=None):
    role_form = role_form or forms.RoleForm(role=account.role.value, formdata=None)
    staff_form = staff_form or forms.StaffForm(formdata=None)
    staff_form.municipality_id.choices = choices((m.id, m.name) for m in list_municipalities())
    failed = bool(role_form.errors or staff_form.errors)
    return render_template(
        "admin/user.html", account=account, role_form=role_form, staff_form=staff_form
    ), 400 if failed else 200


@bp.post("/users/<int:user_id>/role")
def set_role(user_id):
    """Change an account's platform role."""
    account = db.get_or_404(User, user_id)
    form = forms.RoleForm()
    if not form.validate_on_submit():
        return _user_page(account, role_form=form)
    try:
        services.set_role(current_user, account, Role(form.role.data))
    except DomainError as error:
        flash(error.message, "error")
    else:
        flash(_("The role is saved."), "success")
    return redirect(url_for("admin.user", user_id=account.id))


@bp.post("/users/<int:user_id>/staff")
def assign_staff(user_id):
    """Make an account staff of a municipality."""
    account = db.get_or_404(User, user_id)
    form = forms.StaffForm()
    form.municipality_id.choices = choices((m.id, m.name) for m in list_municipalities())
    if not form.validate_on_submit():
        return _user_page(account, staff_form=form)
    services.assign_staff(
        current_user, account, db.get_or_404(Municipality, form.municipality_id.data)
    )
    flash(_("The staff assignment is saved."), "success")
    return redirect(url_for("admin.user", user_id=account.id))


@bp.post("/users/<int:user_id>/staff/<int:municipality_id>/remove")
def remove_staff(user_id, municipality_id):
    """Take away an account's staff role in a municipality."""
    account = db.get_or_404(User, user_id)
    municipality = db.get_or_404(Municipality, municipality_id)
    if ActionForm().validate_on_submit():
        services.remove_staff(current_user, account, municipality)
        flash(_("The staff assignment is removed."), "success")
    return redirect(url_for("admin.user", user_id=account.id))


@bp.post("/users/<int:user_id>/disable")
def toggle_disabled(user_id):
    """Disable or re-enable an account."""
    account = db.get_or_404(User, user_id)
    if ActionForm().validate_on_submit():
        try:
            services.set_disabled(current_user, account, not account.is_disabled)
        except DomainError as error:
            flash(error.message, "error")
        else:
            flash(
                _("The account is disabled.")
                if account.is_disabled
                else _("The account is enabled."),
                "success",
            )
    return redirect(url_for("admin.user", user_id=account.id))


@bp.post("/users/<int:user_id>/two-factor/reset")
def reset_two_factor(user_id):
    """Remove an account's authenticator so that its owner sets up a new one."""
    account = db.get_or_404(User, user_id)
    if ActionForm().validate_on_submit():
        from civicapp.accounts.services import disable_two_factor

        disable_two_factor(current_user, account)
        flash(_("Two-factor sign-in is reset for this account."), "success")
    return redirect(url_for("admin.user", user_id=account.id))


@bp.get("/audit")
def audit():
    """Read the audit log, newest first."""
    require(can_view_audit_log(current_user))
    action = request.args.get("action", "", type=str).strip()[:64]
    stmt = (
        select(AuditEvent)
        .options(selectinload(AuditEvent.actor), selectinload(AuditEvent.target_user))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    if action:
        stmt = stmt.where(AuditEvent.action.startswith(action, autoescape=True))
    page = db.paginate(stmt, per_page=50, error_out=False)
    return render_template("admin/audit.html", page=page, action=action)
