"""Before the suite: say clearly which system programs are missing, instead of failing later."""

from __future__ import annotations

import glob
import shutil
import sys


def main() -> None:
    missing = []
    if not (shutil.which("redis-server") or glob.glob("/usr/bin/redis-server")):
        missing.append("redis-server (apt-get install redis-server)")
    if not (shutil.which("chromium") or glob.glob("/usr/bin/chromium")):
        missing.append("chromium (apt-get install chromium)")
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        missing.append("PostgreSQL server (apt-get install postgresql)")
    if missing:
        sys.exit("The test suite needs: " + "; ".join(missing) + ". `bash .ci/run` installs them.")
    print("preflight: redis-server, chromium and PostgreSQL found")


if __name__ == "__main__":
    main()
