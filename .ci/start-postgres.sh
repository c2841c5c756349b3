#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster and creates the test database and roles.
# takumo_admin owns the schema and runs migrations; the server's queries run as the
# non-owner role the migrations create (no superuser, no BYPASSRLS).
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'takumo_admin') THEN
    CREATE ROLE takumo_admin LOGIN PASSWORD 'takumo_admin' CREATEDB CREATEROLE;
  END IF;
END $$;
SQL
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='takumo_test'\"" | grep -q 1; then
  su postgres -c "createdb -O takumo_admin takumo_test"
fi
