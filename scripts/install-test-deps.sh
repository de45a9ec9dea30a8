#!/usr/bin/env bash
# Installs the Debian packages the tests start on loopback (slapd, gnome-keyring, tmux, ...).
# Each area of the test suite lists its packages in scripts/test-deps/*.txt (one per line, # comments).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t pkgs < <(cat "$here"/test-deps/*.txt | sed 's/#.*//' | tr -s ' \t' '\n' | sed '/^$/d' | sort -u)
[ ${#pkgs[@]} -gt 0 ] || exit 0
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -gt 0 ] || { echo "test dependencies present"; exit 0; }
sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
# slapd's postinst would otherwise ask for an admin password; the tests run their own slapd anyway.
echo "slapd slapd/no_configuration boolean true" | $sudo_cmd debconf-set-selections
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Packaged daemons must not keep running: tests start their own on random loopback ports.
for svc in slapd mariadb; do $sudo_cmd service "$svc" stop >/dev/null 2>&1 || true; done
echo "installed: ${missing[*]}"
