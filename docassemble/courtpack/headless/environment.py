"""Preparing the process for docassemble: config file, offline NLTK data, locale.

Why: docassemble reads its configuration and downloads NLTK corpora at import
time, and calls ``setlocale`` on import. All of that must be settled *before*
``docassemble.base.parse`` is imported, once per process.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

from ..errors import MissingDependencyError
from .nltk_stub import ensure_nltk_stub

LOCALE = "en_GB.UTF-8"
CONFIG_TEXT = """\
# Written by courtpack for in-process (headless) interviews.
debug: False
default language: en
default locale: {locale}
default country: GB
default timezone: Europe/London
secretkey: courtpack-headless-not-secret
uploads: {home}/uploads
"""


def courtpack_home() -> Path:
    """Per-user working folder (``COURTPACK_HOME``, default ``~/.cache/courtpack``)."""
    home = Path(os.environ.get("COURTPACK_HOME") or Path.home() / ".cache" / "courtpack")
    home.mkdir(parents=True, exist_ok=True)
    return home


def check_locale() -> None:
    """docassemble formats dates and money through the C library's locale."""
    try:
        locale.setlocale(locale.LC_ALL, LOCALE)
    except locale.Error:
        raise MissingDependencyError(
            f"the {LOCALE} locale is not generated; run: sed -i 's/^# *{LOCALE} UTF-8/{LOCALE} UTF-8/' "
            "/etc/locale.gen && locale-gen (or `make demo`, which does)"
        ) from None


def prepare() -> Path:
    """Set up config and NLTK data; returns the config file docassemble must load."""
    check_locale()
    home = courtpack_home()
    nltk_root = ensure_nltk_stub(home / "nltk_data")
    os.environ["NLTK_DATA"] = str(nltk_root)
    (home / "uploads").mkdir(exist_ok=True)
    config = home / "docassemble-config.yml"
    text = CONFIG_TEXT.format(locale=LOCALE, home=home)
    if not config.is_file() or config.read_text(encoding="utf-8") != text:
        config.write_text(text, encoding="utf-8")
    os.environ["DA_CONFIG_FILE"] = str(config)
    return config
