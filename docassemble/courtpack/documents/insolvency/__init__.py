"""Statutory demands and their service records (issue 16)."""
