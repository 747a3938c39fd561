#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
#
# Prepares a team server's PostgreSQL database and its environment file (README "Serving a team").
# Run as root on the machine of the PostgreSQL cluster, from anywhere: the package installs it as
# /usr/share/workflow-studio/team/setup-team.sh, a clone has it in installer/team/; it reads no
# other file. Idempotent (a second run changes nothing):
#   - the role and database `wfstudio` (WFS_DB to change the name) on the local cluster (PGPORT,
#     default 5432), the role with a password and owner of the database;
#   - /etc/workflow-studio/team.env (WFS_ENV to change it), mode 600, with WFS_STORE_URL,
#     WFS_CACHE_URL (redis://127.0.0.1:6379/0) and a random WFSTUDIO_MCP_TOKEN. An existing file
#     is kept, and its password is (re)applied to the role.
set -euo pipefail

db=${WFS_DB:-wfstudio}
port=${PGPORT:-5432}
env=${WFS_ENV:-/etc/workflow-studio/team.env}

[ "$(id -u)" = 0 ] || { echo "setup-team: run as root" >&2; exit 2; }
# psql runs as postgres, which may not enter the caller's directory (a clone under /root).
cd /
sql() { runuser -u postgres -- psql -p "$port" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

if [ -f "$env" ]; then
    password=$(sed -n 's|^WFS_STORE_URL=postgresql://[^:]*:\([^@]*\)@.*|\1|p' "$env")
    [ -n "$password" ] || { echo "setup-team: no password in $env's WFS_STORE_URL" >&2; exit 1; }
    echo "setup-team: keeping $env"
else
    password=$(random_hex 16)
    install -d -m 755 "$(dirname "$env")"
    (
        umask 077
        cat > "$env" <<EOT
# Written by setup-team.sh; team.env.example, next to the script, explains each line.
WFS_STORE_URL=postgresql://$db:$password@127.0.0.1:$port/$db
WFS_CACHE_URL=redis://127.0.0.1:6379/0
WFSTUDIO_MCP_TOKEN=$(random_hex 24)
EOT
    )
    echo "setup-team: wrote $env"
fi

if [ "$(sql -c "SELECT 1 FROM pg_roles WHERE rolname = '$db'")" != 1 ]; then
    sql -c "CREATE ROLE \"$db\" LOGIN PASSWORD '$password'"
    echo "setup-team: created role $db"
else
    sql -c "ALTER ROLE \"$db\" LOGIN PASSWORD '$password'"
fi
if [ "$(sql -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    sql -c "CREATE DATABASE \"$db\" OWNER \"$db\" ENCODING 'UTF8' TEMPLATE template0"
    echo "setup-team: created database $db"
fi
echo "setup-team: database $db on port $port ready; load the settings with: set -a; . $env; set +a"
