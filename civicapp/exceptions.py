"""Domain errors raised by services; their messages are translatable and safe to show."""


class DomainError(Exception):
    """A rule of the domain refused the action; `field` names the form field it concerns."""

    status_code = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(DomainError):
    status_code = 403


class Conflict(DomainError):
    status_code = 409


class InvalidToken(DomainError):
    pass
