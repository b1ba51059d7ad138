#!/usr/bin/env bash
# `make chroot-test DIST=trixie` (QGIS 3.40 LTR) or `DIST=sid` (QGIS 3.44): runs `make test`
# from a clean clone of the committed HEAD inside a minimal Debian chroot, so the suite runs on
# the QGIS that municipalities roll out without a second machine.
#
# The chroot is made with debootstrap once and cached in $CHROOT_CACHE/$DIST (default
# /var/tmp/trygghet-chroot); the packages `make setup` installs inside stay in it, so a second
# run skips them. The clone is fresh every run (uncommitted changes are not tested) and is
# bind-mounted at /src; its .venv is made inside the chroot from that release's python3.
# Needs root (debootstrap, chroot, mount): re-runs itself with sudo when not root.
#
# With arguments, runs that command in /src of the last run's clone instead (no fresh clone):
#   tools/chroot-test.sh .venv/bin/python -m pytest -q tests/qgis/test_desktop.py
# The whole script is one function, read before it runs: editing it mid-run is safe.
main() {
set -euo pipefail

DIST=${DIST:-trixie}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
CACHE=${CHROOT_CACHE:-/var/tmp/trygghet-chroot}
TARGETS=${CHROOT_TARGETS:-test}
ROOT=$CACHE/$DIST
SRC=$CACHE/$DIST-src
REPO=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
COMMIT=$(git -C "$REPO" rev-parse HEAD)

if [ "$(id -u)" != 0 ]; then
  exec sudo DIST="$DIST" MIRROR="$MIRROR" CHROOT_CACHE="$CACHE" CHROOT_TARGETS="$TARGETS" "$0" "$@"
fi
case "$DIST" in trixie|forky|sid|bookworm) ;; *) echo "DIST=$DIST: use trixie or sid" >&2; exit 2 ;; esac

if ! command -v debootstrap > /dev/null; then
  echo "== chroot-test: installing debootstrap"
  apt-get install -y -qq --no-install-recommends debootstrap > /dev/null \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap > /dev/null; }
fi
mkdir -p "$CACHE"
exec 9>"$CACHE/$DIST.lock"
flock -n 9 || { echo "another chroot-test DIST=$DIST is running ($CACHE/$DIST.lock)" >&2; exit 1; }

t0=$(date +%s)
stage() { echo "== chroot-test $DIST: $* ($(( $(date +%s) - t0 )) s)"; }

MOUNTS=(proc sys dev dev/pts dev/shm src)
cleanup() {
  # Whatever the suite left running inside (a PostgreSQL, an Xvfb) would keep the mounts busy.
  local pid
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$ROOT" ] && kill -9 "$pid" 2>/dev/null || true
  done
  local i
  for (( i=${#MOUNTS[@]}-1; i>=0; i-- )); do
    mountpoint -q "$ROOT/${MOUNTS[$i]}" && { umount "$ROOT/${MOUNTS[$i]}" || umount -l "$ROOT/${MOUNTS[$i]}"; }
  done
  return 0
}
trap cleanup EXIT
trap 'exit 143' INT TERM  # so that the EXIT trap unmounts also after a kill

in_chroot() {
  local cert=()
  [ -f "$ROOT/etc/trygghet-host-ca.crt" ] && cert=(PIP_CERT=/etc/trygghet-host-ca.crt)
  chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive "${cert[@]}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

mount_all() {
  mount -t proc proc "$ROOT/proc"
  mount -t sysfs sys "$ROOT/sys"
  mount --bind /dev "$ROOT/dev"
  mount --bind /dev/pts "$ROOT/dev/pts"
  mount -t tmpfs -o mode=1777 shm "$ROOT/dev/shm"
  mkdir -p "$ROOT/src" "$SRC"
  mount --bind "$SRC" "$ROOT/src"
}

# What the host knows about the network: name servers, its CA bundle (pip behind a proxy
# that re-signs), its pip configuration.
host_network() {
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    mkdir -p "$ROOT/etc/ssl/certs"
    cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
    # apt may rebuild that bundle while `make setup` installs; pip keeps the host's (PIP_CERT)
    cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/trygghet-host-ca.crt"
  fi
  [ -f /etc/pip.conf ] && cp -L /etc/pip.conf "$ROOT/etc/pip.conf"
  return 0
}

if [ ! -f "$ROOT/.trygghet-base" ]; then
  stage "debootstrap --variant=minbase $DIST $MIRROR"
  cleanup
  [ -d "$ROOT" ] && ! findmnt -rn -o TARGET | grep -q "^$ROOT/" && rm -rf "$ROOT"
  debootstrap --variant=minbase "$DIST" "$ROOT" "$MIRROR" > "$CACHE/$DIST-debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/$DIST-debootstrap.log"; exit 1; }
  # No service starts inside (postgresql's postinst would try); the tests start their own.
  printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"
  chmod +x "$ROOT/usr/sbin/policy-rc.d"
  echo 'APT::Install-Recommends "false";' > "$ROOT/etc/apt/apt.conf.d/90trygghet"
  # sid's Release file can be past its Valid-Until date on a mirror snapshot.
  [ "$DIST" = sid ] && echo 'Acquire::Check-Valid-Until "false";' >> "$ROOT/etc/apt/apt.conf.d/90trygghet"
  host_network
  stage "base packages (make, git, ca-certificates)"
  mount_all
  in_chroot apt-get update -qq
  in_chroot apt-get install -y -qq make git ca-certificates > /dev/null
  cleanup
  touch "$ROOT/.trygghet-base"
fi

if [ $# -gt 0 ]; then
  [ -d "$SRC/.git" ] || { echo "no clone yet in $SRC: run without arguments first" >&2; exit 1; }
  host_network
  mount_all
  set +e
  in_chroot bash -c 'cd /src && export QT_QPA_PLATFORM=offscreen && "$@"' run "$@"
  exit $?
fi

stage "clean clone of $COMMIT"
cleanup
findmnt -rn -o TARGET | grep -q "^$ROOT/src$" && { echo "$ROOT/src still mounted" >&2; exit 1; }
rm -rf "$SRC"
git clone -q --no-checkout "$REPO" "$SRC"
git -C "$SRC" checkout -q --detach "$COMMIT"
host_network
mount_all

stage "make $TARGETS inside (QGIS $(in_chroot dpkg-query -W -f='${Version}' qgis 2>/dev/null || echo 'not yet installed'))"
set +e
in_chroot bash -c "cd /src && make $TARGETS"
rc=$?
set -e
stage "done: exit $rc, QGIS $(in_chroot dpkg-query -W -f='${Version}' qgis 2>/dev/null)"
exit $rc
}
main "$@"
