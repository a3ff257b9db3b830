"""Breathing Space: when one is active and what it blocks."""

import datetime as dt

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.breathing_space import (
    BLOCKED_STEPS,
    BreathingSpaceWindow,
    breathing_space_status,
    is_blocked,
)

D = dt.date


def test_standard_sixty_days():
    window = BreathingSpaceWindow(D(2025, 1, 1))
    assert not breathing_space_status([window], D(2024, 12, 31)).active
    assert breathing_space_status([window], D(2025, 1, 1)).active
    last = breathing_space_status([window], D(2025, 3, 2))
    assert last.active and last.ends == D(2025, 3, 2)
    assert not breathing_space_status([window], D(2025, 3, 3)).active


def test_mental_health_crisis_open_ended_until_end():
    open_ended = BreathingSpaceWindow(D(2024, 1, 1), kind="mental_health_crisis")
    status = breathing_space_status([open_ended], D(2026, 1, 1))
    assert status.active and status.ends is None
    assert "no end date" in status.basis
    ended = BreathingSpaceWindow(D(2024, 1, 1), D(2024, 9, 30), kind="mental_health_crisis")
    assert breathing_space_status([ended], D(2024, 9, 30)).active
    assert not breathing_space_status([ended], D(2024, 10, 1)).active


def test_blocked_steps():
    status = breathing_space_status([BreathingSpaceWindow(D(2025, 1, 1))], D(2025, 1, 2))
    assert set(status.blocked_steps) == set(BLOCKED_STEPS)
    assert is_blocked("issue_proceedings", status)
    inactive = breathing_space_status([], D(2025, 1, 2))
    assert not is_blocked("enforcement", inactive)
    with pytest.raises(LawError, match="step"):
        is_blocked("sing", status)


def test_bad_windows():
    with pytest.raises(LawError, match="kind"):
        breathing_space_status([BreathingSpaceWindow(D(2025, 1, 1), kind="short")], D(2025, 1, 2))
    with pytest.raises(LawError, match="before its start"):
        breathing_space_status([BreathingSpaceWindow(D(2025, 1, 1), D(2024, 1, 1))], D(2025, 1, 2))
