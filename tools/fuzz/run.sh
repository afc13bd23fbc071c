#!/usr/bin/env bash
# Runs the libFuzzer + ASan + UBSan kernel fuzzer for SECONDS seconds (default 600).
#
#   bash tools/fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
#
# Builds tools/fuzz/build.sh's binary first unless FB_FUZZ_BIN names one. The corpus lives in
# FB_FUZZ_CORPUS (default /tmp/fb-fuzz-corpus; kept between runs, so coverage accumulates), is
# seeded with 64 generated inputs when empty and given rader_inputs.py's Rader-length sweep
# (4032 small files, written once: names start with rader-), and crashing inputs are written to
# FB_FUZZ_ARTIFACTS (default /tmp/fb-fuzz-artifacts). Replay one with
#   /tmp/fb-fuzz-build/fuzz_kernels ARTIFACT     (or fuzz_plain ARTIFACT from build.sh --plain)
# One fuzzing process (-jobs is not used: the kernels' own worker threads share the cores).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${1:-600}
[ $# -gt 0 ] && shift
corpus=${FB_FUZZ_CORPUS:-/tmp/fb-fuzz-corpus}
artifacts=${FB_FUZZ_ARTIFACTS:-/tmp/fb-fuzz-artifacts}
bin=${FB_FUZZ_BIN:-}
if [ -z "$bin" ]; then
    bin=$(bash "$here/build.sh" /tmp/fb-fuzz-build 2>/dev/null | tail -n 1)
fi
mkdir -p "$corpus" "$artifacts"

if [ -z "$(ls -A "$corpus")" ]; then
    # 64 inputs of 40 pseudo-random bytes, the same every time (fuzz_main.c's generator
    # reimplemented would be a second copy; a tiny splitmix64 in Python is simpler to trust)
    python3 - "$corpus" <<'PY'
import sys
state = 1
def nxt():
    global state
    state = (state + 0x9E3779B97F4A7C15) & (2**64 - 1)
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & (2**64 - 1)
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & (2**64 - 1)
    return z ^ (z >> 31)
for i in range(64):
    data = b"".join(nxt().to_bytes(8, "little") for _ in range(5))
    open(f"{sys.argv[1]}/seed-{i:04d}", "wb").write(data)
PY
fi

# cases that reach Rader's passes (prime and composite lengths, every kind, precision and build)
if [ -z "$(ls "$corpus" | grep -m 1 '^rader-' || true)" ]; then
    python3 "$here/rader_inputs.py" "$corpus" >/dev/null
fi

# UBSan findings abort (build.sh: -fno-sanitize-recover); ASan's allocator may return NULL so
# a refused huge allocation takes the kernels' FB_ENOMEM path instead of ending the run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:allocator_may_return_null=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$bin" -max_total_time="$seconds" -max_len=64 -timeout=30 -rss_limit_mb=3072 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" "$corpus"
