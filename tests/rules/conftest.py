"""The office of the rule-set tests: the deadline tests' office (seeded demo catalog)."""

from tests.deadlines.conftest import office, office_settings  # noqa: F401 — fixtures
