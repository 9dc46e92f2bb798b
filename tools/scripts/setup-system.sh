#!/usr/bin/env bash
# Installs the Debian packages loopsweep's tests use. Idempotent; run as root (CI does), or it
# prints what to install. Everything here is optional for building and for the demo.
#
#   webgpu tests: a Vulkan driver that Dawn accepts. On Debian 12 that is Mesa 25's lavapipe from
#   bookworm-backports (Debian 12's own Mesa 22 is refused by Dawn); without it those tests skip
#   and say why.
set -uo pipefail

packages_backports=(mesa-vulkan-drivers libvulkan1)

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "setup-system: not root on Debian/Ubuntu; to run every test install: ${packages_backports[*]} (Mesa ≥ 24 for WebGPU)"
  exit 0
fi

# Already there (Mesa ≥ 24)? Then nothing to do, and no network needed.
mesa=$(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || true)
if [[ -n $mesa && ${mesa%%.*} -ge 24 ]] && dpkg-query -W libvulkan1 >/dev/null 2>&1; then
  echo "setup-system: system packages present (mesa-vulkan-drivers $mesa)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
codename=$( . /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
apt_options=()
if [[ $codename == bookworm ]]; then
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo 'deb http://deb.debian.org/debian bookworm-backports main' >/etc/apt/sources.list.d/loopsweep-backports.list
  fi
  apt_options=(-t bookworm-backports)
fi

if ! apt-get update -qq; then
  echo "setup-system: apt-get update failed; webgpu tests will skip" >&2
  exit 0
fi
if ! apt-get install -y -qq --no-install-recommends "${apt_options[@]}" "${packages_backports[@]}" >/dev/null; then
  echo "setup-system: could not install ${packages_backports[*]}; webgpu tests will skip" >&2
fi
echo "setup-system: done"
