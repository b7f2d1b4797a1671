#!/bin/sh
# One database and one role per service: no service can read another's tables.
set -eu
for svc in intake offer matching notifications reporting; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
CREATE ROLE $svc LOGIN PASSWORD '$POSTGRES_PASSWORD';
CREATE DATABASE $svc OWNER $svc;
SQL
done
