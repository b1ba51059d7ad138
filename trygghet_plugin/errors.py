"""The plugin's one error base, and the one rule for what is a user's error.

Every error the plugin raises for something a user can cause and act on (a bad address, a
store that cannot be opened, a period that does not exist) derives from
:class:`TrygghetError`; its message is written for the user (translated). The doors — the
docks' tasks and the Processing algorithms — show such errors as they are and treat anything
else as a bug: a short message, and the trace in the log.

This module imports nothing of the project, so every layer can use it.
"""

from __future__ import annotations


class TrygghetError(Exception):
    """Something the user can cause and act on; the message says what to do."""


class CancelledError(Exception):
    """The user cancelled (a task's cancel button, Processing's Cancel). Not an error: a dock
    ends quietly with what was done, an algorithm says it was cancelled."""


#: What the doors show as a plain message: the plugin's own errors, and the operating
#: system's (a file that cannot be read or written: a path the user chose).
USER_ERRORS: tuple[type[BaseException], ...] = (TrygghetError, OSError)


def is_user_error(exc: BaseException) -> bool:
    """True when ``exc`` is for the user to read (no traceback), False for a bug."""
    return isinstance(exc, USER_ERRORS)
