"""Management reporting from the register: the performance report and its targets.

Public API::

    performance_report(db, start, end, team=None) -> PerformanceReport   # tables of case-level facts
    write_report(db, start, end, team, fmt, out) -> Path                  # xlsx / pdf / html, all or nothing
    generate_caseload(session, cases, as_at, seed=14) -> int              # a deterministic test caseload
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..db import Register
from .performance import PerformanceReport, performance_report
from .synthetic import generate_caseload

__all__ = ["PerformanceReport", "generate_caseload", "performance_report", "write_report"]


def write_report(
    db: Register | str | os.PathLike[str] | None,
    start: dt.date,
    end: dt.date,
    team: str | None,
    fmt: str,
    out: str | os.PathLike[str],
) -> Path:
    """Build the performance report and write it as ``fmt`` (xlsx, pdf or html) to ``out``."""
    report = performance_report(db, start, end, team)
    if fmt == "xlsx":
        from .xlsx import write_xlsx

        return write_xlsx(report, out)
    if fmt == "pdf":
        from .pdf import write_pdf

        return write_pdf(report, out)
    from .html import write_html

    return write_html(report, out)
