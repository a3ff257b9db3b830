"""One distribution, docassemble.courtpack.

People edit interviews/, templates/ and court_forms/ at the top of the
repository; docassemble looks for them inside the package as data/questions,
data/templates and data/sources. ``build_py`` copies them there, so both
``pip install .`` and a docassemble server installing from a git URL see them
as ``docassemble.courtpack:data/questions/<name>.yml``.
"""

import shutil
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA = {"interviews": "questions", "templates": "templates", "court_forms": "sources", "examples/imports": "imports"}


class BuildWithData(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib, "docassemble", "courtpack", "data")
        for source, name in DATA.items():
            src = HERE / source
            if src.is_dir():
                dest = target / name
                if dest.exists():
                    shutil.rmtree(dest)
                shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*", "src"))


setup(
    name="docassemble.courtpack",
    version="0.1.0",
    description="Court and legal proceedings documents for English council debt recovery teams",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author="courtpack developers",
    license="MIT",
    url="https://github.com/courtpack/docassemble-courtpack",
    python_requires=">=3.10",
    packages=find_namespace_packages(include=["docassemble.courtpack", "docassemble.courtpack.*"]),
    include_package_data=False,
    package_data={"docassemble.courtpack.register": ["migrations/*.ini", "migrations/*.mako"]},
    install_requires=[
        # Pinned together with docassemble.base 1.10.5's own exact pins (ARCHITECTURE.md):
        # a conflicting pin would break the docassemble server this package is installed into.
        "docassemble.base==1.10.5",
        "holidays>=0.60",
        "icalendar>=6",
    ],
    extras_require={
        "postgres": ["psycopg[binary]>=3.2"],
        "test": ["pytest>=8", "hypothesis>=6", "ruff>=0.6", "build>=1.2", "psycopg[binary]>=3.2"],
    },
    entry_points={"console_scripts": ["courtpack=docassemble.courtpack.cli:main"]},
    cmdclass={"build_py": BuildWithData},
    zip_safe=False,
)
