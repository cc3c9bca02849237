"""Keeps open assessments current with what other workstations store.

When the change watcher notices a change, each open tab's session reads its stored record
and addenda and catches up (``AssessmentSession.follow_stored``): a signature, co-signature
or return for changes shows in the banner and read-only state, new addenda in the addenda
panel, and a newer draft (merged on another workstation) replaces the document when
nothing here is unsaved, with a notice naming what came in.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from clinic_app.ui.editor_area import EditorArea
    from clinic_app.ui.services_port import UiServices

log = logging.getLogger(__name__)


class OpenTabsRefresher(QObject):
    def __init__(self, editor_area: EditorArea, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor_area = editor_area
        self._services: UiServices | None = None

    def attach(self, services: UiServices) -> None:
        self._services = services

    def refresh(self) -> None:
        if self._services is None:
            return
        for assessment_id in self._editor_area.open_assessment_ids():
            editor = self._editor_area.editor_for(assessment_id)
            if editor is None:
                continue
            try:
                record = self._services.assessments.load(assessment_id)
                addenda = self._services.signing.trail(assessment_id).addenda
            except Exception as error:  # the change watcher reports a lost connection
                log.warning("refreshing an open assessment failed: %s", type(error).__name__)
                continue
            came_in = editor.session.follow_stored(record, addenda)
            if came_in:
                from clinic_app.ui.editor.conflict_presenter import merged_notice  # the editor's

                who = editor.conflicts.last_writer(record)
                editor.session.noticed.emit(merged_notice(who, came_in, "Updated with"))
