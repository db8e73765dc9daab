#!/bin/sh
# Install Debian packages for a test peer without letting their post-install scripts start a
# system service: a policy-rc.d that answers 101 ("action forbidden") for the duration of the
# install, unless one exists already. The tests start their own instances on free ports.
# Usage: sh infra/apt-install.sh PACKAGE...   (as root; otherwise says what to run, exits 1)
set -eu

if [ "$(id -u)" -ne 0 ]; then
    echo "Not root. As root, run: apt-get update && apt-get install -y $*" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
POLICY=/usr/sbin/policy-rc.d
OWN_POLICY=0
if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY"
    chmod 755 "$POLICY"
    OWN_POLICY=1
fi
cleanup() {
    if [ "$OWN_POLICY" -eq 1 ]; then
        rm -f "$POLICY"
    fi
}
trap cleanup EXIT INT TERM

apt-get update -qq
apt-get install -y -qq "$@"
