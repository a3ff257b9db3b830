"""The case model: one source of truth for the facts of a recovery case."""

from .casefile import case_from_dict, case_to_dict, read_case, save_case
from .model import Case, Debtor, DebtorKind, DebtType, EntryKind, EventKind, InterestBasis

__all__ = [
    "Case",
    "DebtType",
    "Debtor",
    "DebtorKind",
    "EntryKind",
    "EventKind",
    "InterestBasis",
    "case_from_dict",
    "case_to_dict",
    "read_case",
    "save_case",
]
