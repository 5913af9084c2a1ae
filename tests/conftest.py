"""Test configuration: hypothesis profiles and shared fixtures.

Profiles (choose with HYPOTHESIS_PROFILE): ``ci`` is fast and used by .ci/run; ``dev`` is the default;
``thorough`` runs many more examples, for a run on demand:

    HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
HESTIA = EXAMPLES / "hestia"


@pytest.fixture
def hestia_text() -> str:
    return (HESTIA / "case.json").read_text(encoding="utf-8")
