#!/usr/bin/env bash
# The Debian packages the test suite needs beside Python's: headless Chromium (browser and print
# tests), zbarimg (reads the QR codes of printed cue cards), faketime (the reproducible-build test
# moves the clock), Node and npm (axe-core for the accessibility tests). As root, install what is
# missing; otherwise stop at once with the exact command to run.
set -euo pipefail

declare -A package=([chromium]=chromium [zbarimg]=zbar-tools [faketime]=faketime [node]=nodejs [npm]=npm)
missing=()
for command in chromium zbarimg faketime node npm; do
  command -v "$command" >/dev/null 2>&1 || missing+=("${package[$command]}")
done
((${#missing[@]})) || exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "make test needs Debian packages this machine lacks. Install them, then run make test again:" >&2
  echo "  sudo apt-get update && sudo $line" >&2
  exit 1
fi
echo "Installing what the tests need: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$line -qq
