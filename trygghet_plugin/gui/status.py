"""A dock's status line: the text under the buttons, and an error also on QGIS's message bar
(where the eye is: the status line may be scrolled out of view)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QLabel

from ..log import logger

ERROR_STYLE = "color: #b00020;"


def show_status(label: QLabel, text: str, *, error: bool = False, push: bool = True) -> None:
    label.setText(text)
    label.setStyleSheet(ERROR_STYLE if error else "")
    if error and text and push:
        logger.warning(text, push=True, duration=10)
