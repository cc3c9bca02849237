"""A database outage while typing: the edit is kept on this computer, the editor says so,
and the edit is saved once the server is back, without closing the tab."""

from __future__ import annotations

import pytest

from clinic_app.app import build_services, open_database
from clinic_app.domain.fields import get_value
from clinic_app.ui.editor.offline_banner import BACK_TEXT
from tests.ui.editor.editor_driving import replace_text

HEIGHT = ("history", "body", "height_cm")
BODY_MASS = ("history", "body", "body_mass_kg")

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def database_url(restartable_cluster) -> str:
    return restartable_cluster.url(restartable_cluster.create_database())


def test_an_edit_made_during_an_outage_is_saved_when_the_server_is_back(
    qtbot, restartable_cluster, database_url, services, editor, assessment_record
):
    replace_text(editor.fields[HEIGHT], "172.5")
    qtbot.waitUntil(lambda: not editor.session.has_unsaved_changes, timeout=5000)

    restartable_cluster.halt()
    replace_text(editor.fields[BODY_MASS], "68")
    banner = editor.offline_banner
    qtbot.waitUntil(
        lambda: banner.isVisible() and banner.text().startswith("Offline"), timeout=10_000
    )
    assert "retrying in" in banner.text()
    [kept] = services.unsaved_edits.pending()
    assert kept.assessment_id == assessment_record.id
    assert get_value(kept.document, BODY_MASS) == 68
    assert get_value(kept.base, BODY_MASS) is None  # the version it was based on
    assert get_value(kept.base, HEIGHT) == 172.5

    restartable_cluster.resume()
    qtbot.waitUntil(lambda: banner.text() == BACK_TEXT, timeout=40_000)
    assert editor.isVisible()  # the tab stayed open
    assert not editor.session.has_unsaved_changes
    assert services.unsaved_edits.pending() == []
    stored = build_services(open_database(database_url))
    saved = stored.assessments.load(assessment_record.id).assessment
    assert (get_value(saved, HEIGHT), get_value(saved, BODY_MASS)) == (172.5, 68)
