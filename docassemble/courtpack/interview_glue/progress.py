"""Progress of a background job, shown on the page that waits for it (kept in Redis for an hour)."""

from __future__ import annotations

from ..headless import server

__all__ = ["WAITING", "progress_key", "progress_text", "set_progress"]

WAITING = "Waiting for the background worker to start…"


def progress_key(session_id: str) -> str:
    return f"courtpack:batch:{session_id}"


def set_progress(key: str, text: str) -> None:
    server.progress_set(key, text)


def progress_text(key: str) -> str:
    return server.progress_get(key) or WAITING
