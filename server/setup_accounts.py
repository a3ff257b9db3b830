"""Create courtpack's privileges and example users on the local docassemble server (idempotent).

Run by ``scripts/server.sh start`` after ``python -m docassemble.webapp.create_tables`` (which makes
the admin account and its API key from server/config.yml):

    DA_CONFIG_FILE=server/config.yml python server/setup_accounts.py ACCOUNTS_FILE [API_KEYS_FILE]

ACCOUNTS_FILE holds one ``email<TAB>password<TAB>privilege<TAB>first name<TAB>last name`` line per
example user (generated once by server.sh, kept in .run/server/). A user that already exists keeps
its password; a missing privilege is added to it. API_KEYS_FILE (``email<TAB>key`` lines) gives an
example user a REST API key, so the tests can prove the API applies the same role checks as the
browser for the key's user. Why privileges: docassemble's
``user_has_privilege()`` is how courtpack's interviews tell an officer from a legal reviewer.
"""

from __future__ import annotations

import os
import sys

import docassemble.base.config

docassemble.base.config.load(filename=os.environ["DA_CONFIG_FILE"])

from docassemble.webapp.config import daconfig  # noqa: E402
from docassemble.webapp.create_tables import get_role, get_user  # noqa: E402
from docassemble.webapp.db import session_scope  # noqa: E402
from docassemble.webapp.users.models import UserModel  # noqa: E402
from docassemble.webapp.utils.api_key import add_specific_api_key  # noqa: E402
from sqlalchemy import select  # noqa: E402

ROLES = ("officer", "legal_reviewer", "manager")


def main(accounts_file: str, api_keys_file: str | None = None) -> int:
    roles = daconfig.get("courtpack roles") or list(ROLES)
    with open(accounts_file, encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    with session_scope() as session:
        by_name = {name: get_role(session, name) for name in roles}
        for email, password, privilege, first, last in lines:
            role = by_name[privilege]
            user = session.execute(select(UserModel).filter_by(email=email)).scalar()
            if user is None:
                user = get_user(
                    session,
                    role,
                    {
                        "nickname": email.split("@")[0],
                        "email": email,
                        "password": password,
                        "first_name": first,
                        "last_name": last,
                        "organization": "courtpack example council",
                    },
                )
            if role not in user.roles:
                user.roles.append(role)
    keys = 0
    if api_keys_file:
        with open(api_keys_file, encoding="utf-8") as handle:
            wanted = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
        with session_scope() as session:
            for email, key in wanted:
                user = session.execute(select(UserModel).filter_by(email=email)).scalar()
                if user is None:
                    raise SystemExit(f"setup_accounts: {api_keys_file}: no user {email} for an API key")
                keys += bool(add_specific_api_key("courtpack-tests", key, user.id, daconfig["secretkey"]))
    print(f"setup_accounts: privileges {', '.join(roles)}; {len(lines)} example users; {keys} new API keys")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
