#!/usr/bin/env bash
# Set up everything the kiosk needs on Debian 12, then run it or its tests.
#
#   ./quickstart.sh run     the kiosk, fullscreen, on the built-in demo content
#                           (extra arguments go to `gyeonggi-kiosk run`, e.g. --windowed)
#   ./quickstart.sh test    the whole test suite (extra arguments go to pytest)
#   ./quickstart.sh system-test   builds the booth image (deploy/) and boots it in QEMU/KVM
#                           for the system tests (tests/system; needs root and /dev/kvm)
#
# Safe to run again: it installs only what is missing. Needs root or sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")"

# Debian libraries a fresh machine may lack: Qt's xcb platform and Qt Multimedia (libpulse0),
# VA-API with the Intel and AMD drivers, through which Qt's FFmpeg decodes video on the booth
# PC's GPU (docs/decisions/0010-hardware-video-decoding.md), Xvfb (and xdotool) for headless
# runs and the speed benchmark, python3-venv, and pactl (pulseaudio-utils), with which the
# kiosk sends the voice to a plugged-in headset (PulseAudio and PipeWire alike).
DEBIAN_PACKAGES=(
  python3-venv libpulse0 libpipewire-0.3-0 pulseaudio-utils
  libva2 libva-drm2 libva-x11-2 mesa-va-drivers intel-media-va-driver i965-va-driver
  libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 xvfb xauth xdotool
)
# The tests also run a sound server of their own (headphones plugged in and out). Not on a
# desktop with PipeWire's PulseAudio server, which Debian's pulseaudio would replace.
TEST_PACKAGES=(pulseaudio)
# And a hall of two kiosks on loopback: Syncthing brings them content, Prometheus (with
# promtool) scrapes their metrics (tests/test_hall.py).
HALL_TEST_PACKAGES=(syncthing prometheus)
# The booth image's build (deploy/build-image) and the VM the system tests boot it in.
SYSTEM_TEST_PACKAGES=(python3-venv mmdebstrap dosfstools mtools syslinux syslinux-common fdisk
  e2fsprogs qemu-system-x86 qemu-utils)
VENV=${KIOSK_VENV:-.venv}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"
}

install_debian_packages() {
  command -v dpkg-query >/dev/null || return 0
  local missing=() package
  for package in "$@"; do
    installed "$package" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

install_python_environment() {
  local target=$1  # "." or ".[test]"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$target"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  run)
    install_debian_packages "${DEBIAN_PACKAGES[@]}"
    install_python_environment .
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "No display: showing the kiosk on a virtual screen (Xvfb)."
      exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \
        "$VENV/bin/gyeonggi-kiosk" run "$@"
    fi
    exec "$VENV/bin/gyeonggi-kiosk" run "$@"
    ;;
  test)
    if installed pipewire-pulse; then
      install_debian_packages "${DEBIAN_PACKAGES[@]}" "${HALL_TEST_PACKAGES[@]}"
    else
      install_debian_packages "${DEBIAN_PACKAGES[@]}" "${TEST_PACKAGES[@]}" \
        "${HALL_TEST_PACKAGES[@]}"
    fi
    install_python_environment ".[test]"
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  system-test)
    install_debian_packages "${SYSTEM_TEST_PACKAGES[@]}"
    install_python_environment ".[test]"
    # A series of power cuts boots the VM many times: no "hung test" dump before an hour.
    exec "$VENV/bin/python" -m pytest -m system -o faulthandler_timeout=3600 tests/system "$@"
    ;;
  *)
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
