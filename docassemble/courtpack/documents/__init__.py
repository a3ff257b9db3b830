"""Turning a case into files: letters, statements, court forms and bundles."""
