#!/usr/bin/env bash
# Installs the real clients the interop suite drives, from Debian: Neovim, Emacs (no X) with Eglot and
# markdown-mode. Nothing to do when they are there already; CI runs as root on a clean machine.
set -euo pipefail
have_eglot() { emacs --batch -q --eval '(progn (require (quote eglot)) (require (quote markdown-mode)))' >/dev/null 2>&1; }
if command -v nvim >/dev/null && command -v emacs >/dev/null && have_eglot; then
  exit 0
fi
sudo=''
[ "$(id -u)" = 0 ] || sudo='sudo'
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim emacs-nox elpa-eglot elpa-markdown-mode >/dev/null
