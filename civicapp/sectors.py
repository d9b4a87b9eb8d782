"""Policy sectors shared by priorities, organisations and initiatives."""

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Sector(StrEnum):
    ENVIRONMENT = "environment"
    INFRASTRUCTURE = "infrastructure"
    ECONOMY = "economy"
    EDUCATION = "education"
    HEALTH = "health"
    SOCIAL_POLICY = "social_policy"
    GENDER_EQUALITY = "gender_equality"
    YOUTH_SPORTS = "youth_sports"
    CULTURE = "culture"
    GOVERNANCE = "governance"

    @property
    def label(self) -> str:
        return str(SECTOR_LABELS[self])


SECTOR_LABELS = {
    Sector.ENVIRONMENT: _l("Environment"),
    Sector.INFRASTRUCTURE: _l("Infrastructure"),
    Sector.ECONOMY: _l("Economy"),
    Sector.EDUCATION: _l("Education"),
    Sector.HEALTH: _l("Health"),
    Sector.SOCIAL_POLICY: _l("Social policy"),
    Sector.GENDER_EQUALITY: _l("Gender equality"),
    Sector.YOUTH_SPORTS: _l("Youth and sports"),
    Sector.CULTURE: _l("Culture"),
    Sector.GOVERNANCE: _l("Governance"),
}
