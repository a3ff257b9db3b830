"""Possession claims for rent arrears: the notice, N5 and N119, the hearing pack, N325/N325A and N244.

Public API::

    write_notice(NoticeRequest, out)            -> Path    # notice.py: NOSP or notice of proceedings (DOCX)
    write_claim(ClaimRequest, out)              -> list[Path]  # claim.py: N5, N119, rent statement
    write_hearing_pack(HearingRequest, out)     -> Path    # hearing.py: the presenting officer's bundle
    write_warrant_request(WarrantRequest, out)  -> list[Path]  # warrant.py: N325 / N325A + statement
    write_fix_date_application(FixDateRequest, out) -> list[Path]  # warrant.py: N244 + statement

Why its own package: every figure these documents state (arrears, weeks of rent, daily rate, the
notice's dates, the terms and their breach) is decided by ``law.possession`` and the case's
tenancy model before it reaches here; this package only lays those facts out, as the forms ask.
"""

from __future__ import annotations

from .requests import (
    ClaimRequest,
    FixDateRequest,
    HearingRequest,
    NoticeRequest,
    PossessionOrder,
    ProtocolStep,
    RentLine,
    RentStatement,
    Signatory,
    TenancyFacts,
    TenancyKind,
    WarrantRequest,
)

__all__ = [
    "ClaimRequest",
    "FixDateRequest",
    "HearingRequest",
    "NoticeRequest",
    "PossessionOrder",
    "ProtocolStep",
    "RentLine",
    "RentStatement",
    "Signatory",
    "TenancyFacts",
    "TenancyKind",
    "WarrantRequest",
]
