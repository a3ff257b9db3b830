"""Running courtpack's docassemble interviews in-process, without the web app.

This is the only package that touches docassemble internals (pinned to
docassemble.base 1.10.5); everything else calls ``headless.runner.run_interview``.
"""
