"""Court bundles: one PDF per the judiciary's electronic bundle guidance (LAW.md §6).

Public API::

    spec = load_spec(Path("bundle.yaml"))
    report = build_bundle(spec, Path("bundle.pdf"), progress=None, volume_pages=300)
    add_late_documents(Path("bundle.pdf"), [BundleDocument(Path("late.pdf"), "Late letter")], Path("bundle.pdf"))
    split_volumes(Path("bundle.pdf"), max_pages=300)
"""

from __future__ import annotations

from .build import BundleEntry, BundleReport, build_bundle
from .late import add_late_documents
from .spec import BundleDocument, BundleSection, BundleSpec, load_documents, load_spec, spec_from_dict
from .volumes import split_volumes

__all__ = [
    "BundleDocument",
    "BundleEntry",
    "BundleReport",
    "BundleSection",
    "BundleSpec",
    "add_late_documents",
    "build_bundle",
    "load_documents",
    "load_spec",
    "spec_from_dict",
    "split_volumes",
]
