"""Posting, editing and deleting comments; the thread context for target pages."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from jinja2 import pass_context

from civicapp.authz import require
from civicapp.comments import bp, forms, services
from civicapp.comments.models import Comment
from civicapp.comments.policies import can_delete_comment, can_edit_comment, can_post_comment
from civicapp.core.forms import ActionForm, form_error
from civicapp.exceptions import DomainError
from civicapp.extensions import db
from civicapp.moderation.policies import can_view_content
from civicapp.security import limit_posts
from civicapp.subjects import registry


def thread_context(target) -> dict:
    """What templates/comments/_thread.html needs; a target's page view passes it on."""
    page = request.args.get("comments_page", 1, type=int)
    thread = services.load_thread(target, current_user, page)
    if thread.page != page:
        abort(404)
    form = forms.CommentForm(formdata=None, language=forms.default_language())
    reply_to = _find(thread, request.args.get("reply_to", type=int))
    if reply_to is not None:
        form.parent_id.data = reply_to.id
    return {"thread": thread, "comment_form": form, "reply_to": reply_to}


@bp.app_template_global()
@pass_context
def thread_url(context, **changes) -> str:
    """The thread's page address with some query arguments changed (None drops one)."""
    args = request.args.to_dict() | changes
    args = {key: value for key, value in args.items() if value is not None}
    thread = context.get("thread")
    if thread is None:
        return url_for(request.endpoint, **(request.view_args or {}), **args)
    # The target's page, not this request's: a form posted elsewhere may render the page.
    return thread.kind.url(thread.target, **args)


@bp.app_template_global()
def comment_post_url(target) -> str:
    """Where a target's comment form posts."""
    return url_for("comments.post", kind=registry.type_of(target).kind, object_id=target.id)


def _find(thread, comment_id: int | None) -> Comment | None:
    for comment in thread.comments:
        for candidate in (comment, *comment.replies):
            if candidate.id == comment_id and thread.shows_text(candidate):
                return candidate
    return None


_rate_limited = limit_posts("RATELIMIT_COMMENT", "10 per minute")


@bp.post("/<string:kind>/<int(max=2147483647):object_id>")
@_rate_limited
def post(kind, object_id):
    """Post a comment or a reply on a priority, an initiative or any other discussed subject."""
    target = registry.get_object(kind, object_id)
    if target is None or not can_view_content(current_user, target):
        abort(404)
    require(can_post_comment(current_user, target))
    form = forms.CommentForm()
    if form.validate_on_submit():
        try:
            comment = services.post_comment(
                current_user, target, form.body.data, form.language.data, form.parent_id.data
            )
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("Your comment is published."), "success")
            return redirect(services.comment_url(comment))
    back = registry.type_of(target).url(target, _anchor="comments")
    return render_template("comments/new.html", form=form, target=target, back=back), 400


def _get_comment_or_404(comment_id: int) -> Comment:
    comment = db.get_or_404(Comment, comment_id)
    if not can_view_content(current_user, services.target_of(comment)):
        abort(404)
    return comment


@bp.route("/<int:comment_id>/edit", methods=["GET", "POST"])
def edit(comment_id):
    """Edit one's own comment during its first 15 minutes."""
    comment = _get_comment_or_404(comment_id)
    # An author whose window closed while typing gets the form back with the reason.
    late = request.method == "POST" and can_delete_comment(current_user, comment)
    require(can_edit_comment(current_user, comment) or late)
    form = forms.CommentForm(obj=comment)
    if form.validate_on_submit():
        try:
            services.edit_comment(current_user, comment, form.body.data, form.language.data)
        except DomainError as error:
            form_error(form, error)
        else:
            flash(_("Your comment is saved."), "success")
            return redirect(services.comment_url(comment))
    back = services.comment_url(comment)
    status = 400 if form.errors or request.method == "POST" else 200
    return render_template("comments/edit.html", form=form, comment=comment, back=back), status


@bp.post("/<int:comment_id>/delete")
def delete(comment_id):
    """Delete one's own comment; a placeholder keeps its place in the thread."""
    comment = _get_comment_or_404(comment_id)
    require(can_delete_comment(current_user, comment))
    if ActionForm().validate_on_submit():
        services.delete_comment(current_user, comment)
        flash(_("Your comment is deleted."), "success")
    return redirect(services.comment_url(comment))
