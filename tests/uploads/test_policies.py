"""Who sees a file: everyone when public; otherwise its uploader, admins and features' rules."""

import pytest
from flask_login import AnonymousUserMixin

from civicapp.accounts.models import Role
from civicapp.uploads import policies
from civicapp.uploads.models import Upload, UploadKind
from civicapp.uploads.policies import can_view_upload

ROLES = ("anonymous", "uploader", "citizen", "unverified", "staff", "moderator", "admin")
PRIVATE_READERS = {"uploader", "admin"}


@pytest.fixture
def people(make_user, make_municipality):
    municipality = make_municipality()
    return {
        "anonymous": AnonymousUserMixin(),
        "uploader": make_user(),
        "citizen": make_user(),
        "unverified": make_user(verified=False),
        "staff": make_user(staff_of=[municipality]),
        "moderator": make_user(role=Role.MODERATOR),
        "admin": make_user(role=Role.ADMIN),
    }


def _upload(uploader, is_public):
    return Upload(id=1, uploaded_by_id=uploader.id, is_public=is_public, kind=UploadKind.DOCUMENT)


@pytest.mark.parametrize("is_public", [True, False])
@pytest.mark.parametrize("role", ROLES)
def test_view_matrix(people, role, is_public):
    upload = _upload(people["uploader"], is_public)
    assert can_view_upload(people[role], upload) is (is_public or role in PRIVATE_READERS)


def test_a_file_whose_uploader_is_gone_is_seen_by_admins_only(people):
    orphan = Upload(id=1, uploaded_by_id=None, is_public=False, kind=UploadKind.DOCUMENT)
    assert [role for role in ROLES if can_view_upload(people[role], orphan)] == ["admin"]


def test_a_feature_can_grant_more_readers(people, monkeypatch):
    monkeypatch.setattr(policies, "VIEW_RULES", [])
    upload = _upload(people["uploader"], is_public=False)
    colleague = people["citizen"]
    policies.add_view_rule(lambda user, _upload: getattr(user, "id", None) == colleague.id)
    assert can_view_upload(colleague, upload)
    assert not can_view_upload(people["staff"], upload)
    assert not can_view_upload(people["anonymous"], upload)
