#!/usr/bin/env bash
# The device kit's one command, run on the GPU machine from the unpacked kit:
#
#   bash run.sh [--quick | --check] [-- <more train-step.mjs options, e.g. --repeats 3>]
#
# 1. checks that the kit's own Node runs, and uses this machine's Vulkan loader if it has one, else
#    the kit's;
# 2. asks Dawn for a WebGPU adapter; if there is none and the NVIDIA driver's ICD file is at
#    /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json (where those machines keep it), points
#    VK_DRIVER_FILES at it and asks again;
# 3. runs a small rnn-text sweep on webgpu through the bundled `sweep` CLI and prints its status and
#    best trials;
# 4. runs the training benchmark (tools/bench/train-step.mjs) for webgpu against wasm and prints its
#    tables, as `npm run bench:train` does;
# 5. fails unless every trial completed and the benchmark measured both backends.
#
# --quick cuts both to a few seconds of training each (CI, on the software driver lavapipe).
# --check stops after step 2: is the machine ready? Options after -- go to the benchmark, after
# its own (a later --seqs replaces the one --quick gives).
# Results go to runs/<UTC time>/ beside this script, or under $LOOPSWEEP_KIT_RUNS.
set -euo pipefail

KIT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP="$KIT/app/dist"
NODE="$KIT/bin/node"
# $LOOPSWEEP_KIT_NVIDIA_ICD names another ICD file to retry with.
NVIDIA_ICD="${LOOPSWEEP_KIT_NVIDIA_ICD:-/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json}"

die() {
  echo "run.sh: $*" >&2
  exit 1
}

quick=0
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --check) check=1 ;;
    -h | --help)
      sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    --)
      shift
      break
      ;;
    *) die "unknown option '$1'; use --quick, --check or nothing, then -- and benchmark options (--help says more)" ;;
  esac
  shift
done
extra_bench_args=("$@")

if [ "$quick" = 1 ]; then
  spec="$KIT/specs/webgpu-sweep-quick.yaml"
  devices=webgpu:1
  bench_args=(--cells lstm --seqs 50 --impls fast --batches 2)
else
  spec="$KIT/specs/webgpu-sweep.yaml"
  devices=webgpu:2
  # The fast layer only: tfjs-layers' layers dispatch a kernel per op and time step (on lavapipe
  # they took 350 of the 403 s of a full benchmark), which would put the 5-minute run at risk on a
  # GPU too. `-- --impls fast,tfjs-layers` adds them.
  bench_args=(--impls fast)
fi

started=$SECONDS
[ -x "$NODE" ] || die "$NODE is missing or not executable; unpack the whole kit again (tar -xzf loopsweep-device-kit.tar.gz)"
node_version="$("$NODE" --version)" || die "the kit's Node ($NODE) does not start here; the kit is built for linux-x64 with glibc"
echo "Node $node_version (the kit's), $(uname -m), $(nproc) CPUs"

# The system's Vulkan loader when it has one: the driver's packages expect it. The kit's otherwise.
ldconfig_bin="$(command -v ldconfig || true)"
if [ -z "$ldconfig_bin" ]; then
  # Not on PATH for a user other than root; in sbin all the same.
  for candidate in /sbin/ldconfig /usr/sbin/ldconfig; do
    if [ -x "$candidate" ]; then
      ldconfig_bin=$candidate
      break
    fi
  done
fi
linker_cache="$([ -n "$ldconfig_bin" ] && "$ldconfig_bin" -p 2>/dev/null || true)"
if [[ "$linker_cache" == *"libvulkan.so.1 "* ]]; then
  echo "Vulkan loader: this machine's"
else
  export LD_LIBRARY_PATH="$KIT/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "Vulkan loader: the kit's ($KIT/lib/libvulkan.so.1; none in the linker cache)"
fi

export LOOPSWEEP_CACHE_DIR="$KIT/data"
if ! adapter="$("$NODE" "$APP/probe-adapter.mjs")"; then
  if [ -z "${VK_DRIVER_FILES:-}" ] && [ -f "$NVIDIA_ICD" ]; then
    echo "retrying with VK_DRIVER_FILES=$NVIDIA_ICD"
    export VK_DRIVER_FILES="$NVIDIA_ICD"
    # The ICD names its driver library without a path; on these machines it is in /usr/local/nvidia.
    for dir in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do
      if [ -d "$dir" ] && [[ ":${LD_LIBRARY_PATH:-}:" != *":$dir:"* ]]; then
        export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$dir"
      fi
    done
    adapter="$("$NODE" "$APP/probe-adapter.mjs")" || die "no WebGPU adapter even with VK_DRIVER_FILES=$NVIDIA_ICD; check the driver with \`nvidia-smi\` and that the container was started with the graphics capability (NVIDIA_DRIVER_CAPABILITIES=all)"
  else
    die "no WebGPU adapter; install the GPU's Vulkan driver (on NVIDIA: the driver's Vulkan ICD, nvidia_icd.json), or set VK_DRIVER_FILES to its ICD file"
  fi
fi
echo "WebGPU adapter: $adapter"
[ "$check" = 0 ] || exit 0

runs="${LOOPSWEEP_KIT_RUNS:-$KIT/runs}/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$runs"
db="$runs/sweep.db"
sweep() { "$NODE" "$APP/main.js" "$@"; }

echo
echo "== sweep: $(basename "$spec") on $devices =="
phase=$SECONDS
sweep run "$spec" --db "$db" --devices "$devices" --verbose
sweep status --db "$db"
name="$(sed -n 's/^name: //p' "$spec")"
sweep best "$name" --db "$db"
sweep export "$name" --db "$db" --format json --output "$runs/trials.json"
echo "sweep: $((SECONDS - phase)) s (database $db)"

echo
echo "== training benchmark: webgpu against wasm =="
phase=$SECONDS
"$NODE" "$APP/train-step.js" --backends webgpu,wasm --no-torch "${bench_args[@]}" "${extra_bench_args[@]}" --json "$runs/train-step.json"
echo "benchmark: $((SECONDS - phase)) s"

echo
"$NODE" "$APP/check-results.mjs" "$runs/trials.json" "$runs/train-step.json"

echo
echo "device kit run: $((SECONDS - started)) s in all; results in $runs"
if [ "$quick" = 0 ] && [ $((SECONDS - started)) -gt 300 ]; then
  echo "note: over the 5 minutes the full run should take on a GPU; the adapter above may be a software one"
fi
