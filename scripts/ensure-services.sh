#!/usr/bin/env bash
# Makes sure what the tests need is on this machine: Chromium (Debian's), poppler's PDF tools
# (pdftoppm, pdftotext, pdffonts: the PDF tests look at what they make), LibreOffice Calc
# (soffice, headless: the roster tests open every exported workbook in it) and a MySQL/MariaDB
# server that LICHENG_TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test) reaches.
# Installs and starts them with apt when missing and we are root; otherwise says what to do.
set -euo pipefail

say() { echo "[ensure-services] $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else say "need root for: $*"; return 1; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

chrome="${CHROME_PATH:-/usr/bin/chromium}"
if [ ! -x "$chrome" ]; then
  say "installing Chromium from Debian"
  apt_install chromium
fi

# The PDF tests render pages to PNG and read their text and fonts back.
if ! command -v pdftoppm >/dev/null || ! command -v pdffonts >/dev/null; then
  say "installing poppler-utils from Debian"
  apt_install poppler-utils
fi

# The roster tests open every exported workbook in LibreOffice Calc and read back its sheets.
if ! command -v soffice >/dev/null; then
  say "installing LibreOffice Calc (libreoffice-calc-nogui) from Debian"
  apt_install libreoffice-calc-nogui
fi

# A CJK font, so screenshots of the zh-TW screens show text rather than boxes.
if command -v fc-list >/dev/null && ! fc-list :lang=zh-tw 2>/dev/null | grep -q .; then
  say "installing a Chinese font (fonts-wqy-microhei)"
  apt_install fonts-wqy-microhei || say "could not install a Chinese font; screenshots will show boxes"
fi

mysql_ping() { node -e "
  const m = require('mysql2/promise');
  m.createConnection({ uri: process.env.LICHENG_TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test', connectTimeout: 3000 })
    .then(c => c.query('select 1').then(() => c.end())).then(() => process.exit(0), () => process.exit(1));
" 2>/dev/null; }

cd "$(dirname "$0")/../packages/db"
if mysql_ping; then exit 0; fi
if [ -n "${LICHENG_TEST_MYSQL_URL:-}" ]; then
  say "LICHENG_TEST_MYSQL_URL is set but does not answer; not starting a local server"; exit 1
fi
if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
  say "installing MariaDB from Debian"
  apt_install mariadb-server
fi
say "starting MariaDB on 127.0.0.1:3306"
as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql --bind-address=127.0.0.1 --port=3306
for _ in $(seq 1 60); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 1; done
if ! mysql_ping; then
  as_root mariadb -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(''); CREATE DATABASE IF NOT EXISTS test;"
fi
mysql_ping || { say "MariaDB does not accept root over TCP"; exit 1; }
say "MariaDB is ready"
