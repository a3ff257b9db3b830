"""Create courtpack's privileges and example users on the local docassemble server (idempotent).

Run by ``scripts/server.sh start`` after ``python -m docassemble.webapp.create_tables`` (which makes
the admin account and its API key from server/config.yml):

    DA_CONFIG_FILE=server/config.yml python server/setup_accounts.py ACCOUNTS_FILE

ACCOUNTS_FILE holds one ``email<TAB>password<TAB>privilege<TAB>first name<TAB>last name`` line per
example user (generated once by server.sh, kept in .run/server/). A user that already exists keeps
its password; a missing privilege is added to it. Why privileges: docassemble's
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
from sqlalchemy import select  # noqa: E402

ROLES = ("officer", "legal_reviewer", "manager")


def main(accounts_file: str) -> int:
    roles = daconfig.get("courtpack roles") or list(ROLES)
    with open(accounts_file, encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    with session_scope() as session:
        by_name = {name: get_role(session, name) for name in roles}
        for email, password, privilege, first, last in lines:
            role = by_name[privilege]
            user = session.execute(select(UserModel).filter_by(email=email)).scalar()
            if user is None:
                user = get_user(session, role, {"nickname": email.split("@")[0], "email": email,
                                                "password": password, "first_name": first, "last_name": last,
                                                "organization": "courtpack example council"})
            if role not in user.roles:
                user.roles.append(role)
    print(f"setup_accounts: privileges {', '.join(roles)}; {len(lines)} example users")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
