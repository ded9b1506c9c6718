#!/usr/bin/env bash
# What the browser tests need from Debian: Chromium (Playwright cannot download its own
# browser here), CJK fonts (Chinese pages and printed bulletins), pdftotext (the
# bulletin PDF test reads the printed text) and LibreOffice Writer without its GUI (the
# bulletin .docx test converts the download to PDF; without it that test is skipped).
# Installs what is missing when run as root.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# grep reads the whole list: with -q it would stop early, fc-list would die of SIGPIPE and
# pipefail would report the fonts missing when they are there
fc-list : family 2>/dev/null | grep -i "Noto Sans CJK\|Noto Serif CJK" >/dev/null || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# Writer alone, without recommends: about 90 MB, a minute to install
office=()
command -v soffice >/dev/null || office+=(libreoffice-writer-nogui)
[ ${#missing[@]} -eq 0 ] && [ ${#office[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing for the browser tests: ${missing[*]} ${office[*]}"
  apt-get update -qq
  [ ${#missing[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  [ ${#office[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${office[@]}" >/dev/null
elif [ ${#missing[@]} -eq 0 ]; then
  echo "The bulletin .docx test is skipped without LibreOffice — sudo apt-get install --no-install-recommends ${office[*]}" >&2
else
  echo "The browser tests need: ${missing[*]} — sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
