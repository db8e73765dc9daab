#!/bin/sh
# Install PostgreSQL's server binaries (Debian's `postgresql`) for the tests that run several
# notify instances on one shared state. Idempotent: exits 0 at once when initdb and postgres
# are present. The tests start their own throwaway cluster on a free loopback port; the
# package's system cluster is kept from starting.
set -eu

find_bindir() {
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

if find_bindir >/dev/null; then
    exit 0
fi

sh "$(dirname "$0")/../apt-install.sh" postgresql

if command -v pg_ctlcluster >/dev/null 2>&1; then
    for version in $(ls /etc/postgresql 2>/dev/null); do
        pg_ctlcluster "$version" main stop >/dev/null 2>&1 || true
    done
fi

if ! find_bindir >/dev/null; then
    echo "postgresql installed, but no initdb/postgres under /usr/lib/postgresql" >&2
    exit 1
fi
echo "PostgreSQL installed: $("$(find_bindir)/postgres" --version)"
