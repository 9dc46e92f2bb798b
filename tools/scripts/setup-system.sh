#!/usr/bin/env bash
# Installs the Debian packages loopsweep's tests use. Idempotent; run as root (CI does), or it
# prints what to install. Nothing here is needed to build or for the demo.
#
#   chromium        the dashboard's browser tests (driven by playwright-core; never a downloaded browser)
#   redis-server    the distributed (BullMQ) tests start their own redis-server on a free port
#   clang, lld      build the WebAssembly SIMD recurrent kernel of @loopsweep/model (wasm32 target)
#   python3-torch   PyTorch 1.13 for examples/pytorch and its test (apps/cli/e2e/command-objective.test.ts);
#                   it lands in /usr/bin/python3, which the test finds even behind a pyenv python3
#   libopenblas0-pthread
#                   the BLAS PyTorch's CPU kernels call: without it Debian's torch runs on the reference
#                   BLAS, about 5× slower, and bench:train's PyTorch column would not be PyTorch's speed
#   mesa-vulkan-drivers, libvulkan1 (Mesa ≥ 24)
#                   the webgpu tests: a Vulkan driver that Dawn accepts. On Debian 12 that is Mesa 25's
#                   lavapipe from bookworm-backports (Debian 12's own Mesa 22 is refused by Dawn).
# Tests whose package is missing skip and say why.
set -uo pipefail

packages=(chromium redis-server clang lld python3-torch libopenblas0-pthread)
packages_backports=(mesa-vulkan-drivers libvulkan1)

if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "setup-system: not root on Debian/Ubuntu; to run every test install: ${packages[*]} ${packages_backports[*]} (Mesa ≥ 24 for WebGPU)"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
mesa=$(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || true)
need_mesa=1
if [[ -n $mesa && ${mesa%%.*} -ge 24 ]] && dpkg-query -W libvulkan1 >/dev/null 2>&1; then
  need_mesa=0
fi
# Already there? Then nothing to do, and no network needed.
if [[ ${#missing[@]} -eq 0 && $need_mesa -eq 0 ]]; then
  echo "setup-system: system packages present (${packages[*]}, mesa-vulkan-drivers $mesa)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
codename=$( . /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
backports_options=()
if [[ $codename == bookworm ]]; then
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo 'deb http://deb.debian.org/debian bookworm-backports main' >/etc/apt/sources.list.d/loopsweep-backports.list
  fi
  backports_options=(-t bookworm-backports)
fi

if ! apt-get update -qq; then
  echo "setup-system: apt-get update failed; tests that need ${missing[*]} ${packages_backports[*]} will skip" >&2
  exit 0
fi
if [[ ${#missing[@]} -gt 0 ]] && ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "setup-system: could not install ${missing[*]}; the tests that need them will skip" >&2
fi
if [[ $need_mesa -eq 1 ]] && ! apt-get install -y -qq --no-install-recommends "${backports_options[@]}" "${packages_backports[@]}" >/dev/null; then
  echo "setup-system: could not install ${packages_backports[*]}; webgpu tests will skip" >&2
fi
echo "setup-system: done"
