"""courtpack: court and legal proceedings documents for council debt recovery teams."""

__version__ = "0.1.0"
