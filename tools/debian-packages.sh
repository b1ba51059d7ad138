#!/bin/sh
# The Debian packages `make setup` needs, for the release this machine runs: PostgreSQL and
# PostGIS follow the release (bookworm 15, trixie 17, sid whatever `postgresql` points at).
# The major version is the one installed, else the one Debian's `postgresql` package depends
# on, else the release's from /etc/os-release (apt's lists may not be fetched yet).
set -eu

pg_major() {
  for dir in $(ls -d /usr/lib/postgresql/[0-9]* 2>/dev/null | sort -t/ -k5 -n -r); do
    [ -x "$dir/bin/initdb" ] && { basename "$dir"; return; }
  done
  major=$(apt-cache depends postgresql 2>/dev/null \
          | sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -n 1)
  [ -n "$major" ] && { echo "$major"; return; }
  version=$(. /etc/os-release 2>/dev/null && echo "${VERSION_ID:-}")
  case "$version" in
    11) echo 13 ;; 12) echo 15 ;; 13) echo 17 ;;
    *) echo "cannot tell which PostgreSQL this release has: run apt-get update" >&2; exit 1 ;;
  esac
}

pg=$(pg_major)
echo qgis python3-qgis qgis-providers xvfb poppler-utils gdal-bin fonts-dejavu-core \
  python3-venv python3-numpy python3-scipy qttools5-dev-tools faketime python3-cryptography xauth \
  "postgresql-$pg" "postgresql-$pg-postgis-3"
