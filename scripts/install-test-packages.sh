#!/bin/sh
# Installs the Debian packages the test suite drives: Chromium for the browser tests,
# feedparser for reading our feeds back as a feed reader does. Run as root; skips
# what is already installed, so it is quick on a prepared machine.
set -eu
packages="chromium python3-feedparser"
missing=""
for package in $packages; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
  echo "Installing Debian packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
echo "Test packages ready: $packages"
