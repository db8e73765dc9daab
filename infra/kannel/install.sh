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

sh "$(dirname "$0")/../apt-install.sh" kannel kannel-extras

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
