#!/usr/bin/env bash
# Install the Debian packages and locale courtpack needs (idempotent).
# As root it installs what is missing with apt-get; otherwise it names the command to run.
set -euo pipefail

PACKAGES=(libzbar0 locales libreoffice-writer-nogui fonts-liberation2 poppler-utils qpdf postgresql)
LOCALE_NAME="en_GB.UTF-8"

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "courtpack needs these Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! locale -a 2>/dev/null | grep -qi '^en_GB\.utf-\?8$'; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "courtpack needs the $LOCALE_NAME locale: sudo sed -i 's/^# *$LOCALE_NAME UTF-8/$LOCALE_NAME UTF-8/' /etc/locale.gen && sudo locale-gen" >&2
    exit 1
  fi
  echo "Generating the $LOCALE_NAME locale"
  grep -q "^$LOCALE_NAME UTF-8" /etc/locale.gen 2>/dev/null \
    || sed -i "s/^# *$LOCALE_NAME UTF-8/$LOCALE_NAME UTF-8/" /etc/locale.gen
  grep -q "^$LOCALE_NAME UTF-8" /etc/locale.gen || echo "$LOCALE_NAME UTF-8" >> /etc/locale.gen
  locale-gen >/dev/null
fi
