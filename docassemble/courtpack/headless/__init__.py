"""courtpack's seam with docassemble: interviews run in-process, and the adapter to a running server.

This is the only package that touches docassemble (pinned to docassemble.base 1.10.5):
``runner.run_interview`` drives an interview headlessly as a named user (``context.Actor``);
``server.py`` answers the glue's questions on the server (who is signed in, which session, store
this file). Everything else calls those.
"""
