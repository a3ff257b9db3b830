"""End-to-end: courtpack's interviews on a real docassemble server, driven in Chromium and over the REST API.

The ``server`` fixture (one per test session) runs ``scripts/server.sh start`` — which installs
whatever is missing, so the first run on a fresh machine takes minutes — and ``scripts/server.sh stop``
at the end, whatever the tests did. A server that was already running (``make serve``) is reloaded
with the working tree and left running. A server that cannot start FAILS the tests with the end of
its logs: nothing here is ever skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER_SH = ROOT / "scripts" / "server.sh"
RUN = ROOT / ".run" / "server"
ARTIFACTS = ROOT / ".run" / "e2e-artifacts"
CHROMIUM = os.environ.get("COURTPACK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
START_TIMEOUT = int(os.environ.get("COURTPACK_E2E_START_TIMEOUT", "1800"))  # a fresh install builds wheels


@dataclass(frozen=True)
class Server:
    url: str
    api_key: str
    admin_password: str
    accounts: dict[str, tuple[str, str]]  # privilege -> (email, password)
    register_url: str
    api_keys: dict[str, str]  # privilege -> that example user's REST API key

    def login_for(self, privilege: str) -> tuple[str, str]:
        return self.accounts[privilege]


def _server_sh(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SERVER_SH), *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
    )


def _logs() -> str:
    try:
        return _server_sh("logs", timeout=60).stdout[-8000:]
    except Exception as err:  # noqa: BLE001 - the failure message must still be produced
        return f"(could not read the logs: {err})"


def _read_server() -> Server:
    secrets = dict(line.split("=", 1) for line in (RUN / "secrets.env").read_text().split() if "=" in line)
    accounts = {}
    for line in (RUN / "accounts.tsv").read_text().splitlines():
        email, password, privilege, *_ = line.split("\t")
        accounts[privilege] = (email, password)
    by_email = dict(line.split("\t") for line in (RUN / "api-keys.tsv").read_text().splitlines() if line)
    api_keys = {privilege: by_email[email] for privilege, (email, _password) in accounts.items()}
    port = os.environ.get("COURTPACK_SERVER_PORT", "58080")
    pg_port = os.environ.get("COURTPACK_SERVER_PG_PORT", "55433")
    return Server(
        url=f"http://127.0.0.1:{port}",
        api_key=(RUN / "api-key").read_text().strip(),
        admin_password=(RUN / "admin-password").read_text().strip(),
        accounts=accounts,
        register_url=f"postgresql://docassemble:{secrets['DBPASSWORD']}@127.0.0.1:{pg_port}/courtpack",
        api_keys=api_keys,
    )


@pytest.fixture(scope="session")
def server(request: pytest.FixtureRequest) -> Iterator[Server]:
    already = _server_sh("status", timeout=60).returncode == 0
    # COURTPACK_E2E_AS_IS=1: test a running server as it is (no reinstall of the working tree)
    command = (
        "status" if already and os.environ.get("COURTPACK_E2E_AS_IS") == "1" else ("reload" if already else "start")
    )
    try:
        result = _server_sh(command, timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        _server_sh("stop")
        pytest.fail(f"scripts/server.sh start took over {START_TIMEOUT} s; the logs:\n{_logs()}")
    if not already:
        request.addfinalizer(lambda: _server_sh("stop", timeout=120))
    if result.returncode != 0:
        pytest.fail(
            f"the docassemble server did not start (scripts/server.sh exit {result.returncode}):\n"
            f"{result.stderr[-4000:]}\n{result.stdout[-2000:]}\n--- logs ---\n{_logs()}"
        )
    yield _read_server()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless; Playwright gives it a fresh temporary --user-data-dir of its own."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"no Chromium at {CHROMIUM}; install it with: apt-get install -y chromium (or scripts/server.sh deps --e2e)"
        )
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing; install it with: apt-get install -y poppler-utils")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "the playwright package is missing; install it with: "
            ".venv/bin/pip install -r requirements-server.txt (or scripts/server.sh deps)"
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, server, artifacts, request):
    """A page in a context of its own (own cookies: one signed-in user per test); on failure, its screenshot."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 1000}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(90_000)  # producing a pack runs LibreOffice: seconds, not milliseconds
    try:
        yield page
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            name = request.node.name
            try:
                page.screenshot(path=str(artifacts / f"FAILED-{name}.png"), full_page=True)
                (artifacts / f"FAILED-{name}.txt").write_text(
                    f"{page.url}\n\n{page.inner_text('body')}", encoding="utf-8"
                )
            except Exception:  # noqa: BLE001 - the test's own failure is what matters
                pass
        context.close()
