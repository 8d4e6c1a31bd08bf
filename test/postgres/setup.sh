#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages for the team-corpus tests (test/postgres/), which start
# their own throwaway server from its binaries (/usr/lib/postgresql/N/bin) on 127.0.0.1. Nothing to
# do when they are there already; CI runs as root on a clean machine.
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi
sudo=''
[ "$(id -u)" = 0 ] || sudo='sudo'
# The package would also create and start a cluster of its own as a service, which the tests do not
# use: policy-rc.d answering 101 keeps it from being started.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  trap '$sudo rm -f "$policy"' EXIT
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
