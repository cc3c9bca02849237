from __future__ import annotations

import pytest

from clinic_app.app import Services, build_services
from clinic_app.storage.database import Database


@pytest.fixture
def services(database: Database) -> Services:
    return build_services(database)
