#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked GNOME keyring: a real
# Secret Service for the keychain tests, in a temporary HOME that is removed afterwards.
set -euo pipefail

home=$(mktemp -d /tmp/driftdesk-keyring.XXXXXX)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# The keyring's own unlock password protects only this throwaway keyring.
exec dbus-run-session -- bash -c '
    eval "$(printf %s driftdesk-test-keyring | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    exec "$@"' with-keyring "$@"
