"""Glue for ``council_settings.yml``: a manager's answers become the council's settings in the register.

Why through ``settings_from_dict``: the interview, ``courtpack settings set`` and the register's own
reader check settings the same way (postcodes, PD 22 signatories, agents' reference formats), and the
version the manager started from guards against two managers saving over each other.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..register.settings import CouncilSettings, council_settings, save_settings, settings_from_dict
from .acting import acting_user
from .cases import register_url
from .new_case import check_postcode, rows_of

__all__ = ["check_postcode", "current_settings", "rows_of", "save_settings_answers", "settings_answers"]


def current_settings() -> CouncilSettings | None:
    """The settings already in the register (the screens' defaults), or None the first time."""
    from ..register.errors import RegisterError

    try:
        return council_settings(register_url())
    except RegisterError:
        return None


def _get(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _address(item: Any, prefix: str) -> dict[str, Any]:
    lines = [str(_get(item, f"{prefix}line_{n}") or "").strip() for n in (1, 2)]
    return {
        "lines": [line for line in lines if line],
        "town": str(_get(item, f"{prefix}town") or "").strip(),
        "postcode": str(_get(item, f"{prefix}postcode") or "").strip(),
    }


def settings_answers(answers: dict[str, Any], signatories: Any, agents: Any) -> CouncilSettings:
    """The answers as checked settings (a ``CaseFileError`` names the setting that is wrong)."""
    data = {
        key: answers[key]
        for key in (
            "legal_name",
            "team",
            "phone",
            "email",
            "payment_details",
            "fee_account",
            "legal_department_conducts",
            "legal_department_lawyer",
        )
    }
    data["address"] = _address(answers, "address_")
    data["address_for_service"] = _address(answers, "service_")
    if answers.get("legal_department_conducts"):
        data["legal_representative"] = answers.get("legal_representative", "")
    data["signatories"] = [
        {
            "name": _get(s, "name"),
            "position": _get(s, "position"),
            "senior_position": bool(_get(s, "senior_position")),
            "legal_representative": bool(_get(s, "legal_representative")),
        }
        for s in rows_of(signatories)
    ]
    data["enforcement_agents"] = [
        {
            "name": _get(a, "name"),
            "kind": _get(a, "kind"),
            "address": _address(a, ""),
            "email": _get(a, "email") or "",
            "reference_format": _get(a, "reference_format"),
        }
        for a in rows_of(agents)
    ]
    return settings_from_dict(data, "council settings")


def save_settings_answers(settings: CouncilSettings, expected_version: int | None) -> int:
    """Save as the acting manager (the interview's role check has let only a manager or admin this far).

    The screens do not ask for the liability order settings (entered with ``courtpack settings set``),
    so those already in the register are kept rather than wiped by a save.
    """
    current = current_settings()
    if settings.liability_orders is None and current is not None and current.legal_name == settings.legal_name:
        settings = replace(settings, liability_orders=current.liability_orders)
    return save_settings(register_url(), settings, who=acting_user(), expected_version=expected_version)
