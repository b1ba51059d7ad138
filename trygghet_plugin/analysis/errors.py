"""The analysis' one error type for problems a user can cause and fix."""

from __future__ import annotations

from ..errors import TrygghetError


class AnalysisError(TrygghetError, ValueError):
    """Inputs an analysis cannot use; the message says why."""
