"""The few exception classes kindscope raises.

Library code raises these with a message a user can act on; the CLI turns them into
one line on stderr (``kindscope: error: <file>: <what is wrong>``) and exit code 2.
"""

__all__ = ["KindscopeError", "InputError", "StoreError", "ModelError", "NetworkError",
           "SettingError"]


class KindscopeError(Exception):
    """Base class: anything the user can fix. ``where`` names the file or source."""

    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(KindscopeError):
    """A file or source that cannot be read: malformed, truncated, unsafe, wrong type."""


class StoreError(KindscopeError):
    """The database cannot be opened, is newer than this kindscope, or is locked."""


class ModelError(KindscopeError):
    """A shipped model artifact is missing or does not match its checksum."""


class NetworkError(KindscopeError):
    """An online source named by the user could not be reached or refused us."""


class SettingError(KindscopeError):
    """A ``KINDSCOPE_*`` environment variable holds a value that is not a valid setting."""
