#!/bin/sh
# Install Kannel (bearerbox, smsbox) and its fake SMSC for the SMS integration tests.
# Idempotent: exits 0 at once when the three binaries are present. Installs Debian's
# `kannel` and `kannel-extras` when run as root; otherwise says what to install and exits 1.
# The Debian package ships an init script that would start a system bearerbox on the default
# ports (13000/13001/13013); this script keeps it from starting and disables it, because the
# tests start their own Kannel on free loopback ports.
set -eu

BEARERBOX=/usr/sbin/bearerbox
SMSBOX=/usr/sbin/smsbox
FAKESMSC=/usr/lib/kannel/test/fakesmsc

have_all() {
    [ -x "$BEARERBOX" ] && [ -x "$SMSBOX" ] && [ -x "$FAKESMSC" ]
}

if have_all; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "Kannel is not installed. As root, run: $0" >&2
    echo "  (it runs: apt-get update && apt-get install -y kannel kannel-extras)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# Keep the package's post-install script from starting a system Kannel: a policy-rc.d that
# answers 101 ("action forbidden") for the duration of the install, unless one exists already.
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
apt-get install -y -qq kannel kannel-extras

# Stop and disable the system service in case it started anyway (e.g. an existing policy-rc.d
# that allows it) and so that it does not start at the next boot.
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now kannel.service >/dev/null 2>&1 || true
elif [ -x /etc/init.d/kannel ]; then
    /etc/init.d/kannel stop >/dev/null 2>&1 || true
fi
if command -v update-rc.d >/dev/null 2>&1 && [ -e /etc/init.d/kannel ]; then
    update-rc.d kannel disable >/dev/null 2>&1 || true
fi

if ! have_all; then
    echo "kannel installed, but $BEARERBOX, $SMSBOX or $FAKESMSC is missing" >&2
    exit 1
fi
echo "Kannel installed: $("$BEARERBOX" --version 2>&1 | head -n 1 || true)"
