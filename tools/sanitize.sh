#!/usr/bin/env bash
# Build fftbackend with AddressSanitizer + UndefinedBehaviorSanitizer in a separate build
# directory, install it into a fresh virtual environment and run the test suite there.
#
#   bash tools/sanitize.sh [extra pytest arguments...]
#
# Exits non-zero if the build fails, any test fails, or ASan/UBSan reports anything.
# Environment: PYTHON (default python3), FB_ASAN_WORK (default: a new temporary folder; the
# venv, the build directory and the log live there), FB_ASAN_KEEP=1 keeps it afterwards.
# Python itself is not instrumented: libasan is preloaded, leak detection is off (CPython
# leaks at exit by design), and any ASan or UBSan report stops the process (halt_on_error=1).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=${PYTHON:-python3}
work=${FB_ASAN_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/fb-asan.XXXXXX")}
mkdir -p "$work"
venv=$work/venv
build=$work/build
snapshot=$work/src
log=$work/pytest.log
reports=$work/reports   # sanitizer reports, one file per process (pytest captures stderr)
export PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off PIP_DISABLE_PIP_VERSION_CHECK=1

cleanup() {
    local status=$?
    if [ "${FB_ASAN_KEEP:-0}" != 1 ] && [ -z "${FB_ASAN_WORK:-}" ]; then
        rm -rf "$work"
    else
        echo "sanitize.sh: kept $work"
    fi
    exit "$status"
}
trap cleanup EXIT

start=$SECONDS
echo "== fresh venv in $venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q meson-python meson ninja "Cython>=3.0" "numpy>=2.0" scipy \
    pytest hypothesis

# Build and test one snapshot of the work tree (tracked and untracked, not ignored, files), so
# that edits made while this runs cannot mix an older build with newer tests.
echo "== snapshot of $repo in $snapshot"
rm -rf "$snapshot"
mkdir -p "$snapshot"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do if [ -e "$f" ]; then printf '%s\0' "$f"; fi; done \
    | tar --null -T - -cf -) | tar -xf - -C "$snapshot"

echo "== build with -Db_sanitize=address,undefined in $build"
# No editable install: the package is installed into the venv, so the tests (run from outside
# the repository) import exactly the sanitized build.
"$venv/bin/python" -m pip install -q --no-build-isolation \
    "-Csetup-args=-Db_sanitize=address,undefined" \
    "-Csetup-args=-Dc_args=-g -fno-omit-frame-pointer" \
    "-Cbuild-dir=$build" "$snapshot"
build_time=$((SECONDS - start))

libasan=$(gcc -print-file-name=libasan.so)
libubsan=$(gcc -print-file-name=libubsan.so)
if [ ! -e "$libasan" ]; then
    echo "sanitize.sh: libasan.so not found (gcc -print-file-name=libasan.so)" >&2
    exit 2
fi
preload=$libasan
[ -e "$libubsan" ] && preload="$preload:$libubsan"

# Check that the installed extension really is instrumented (and imported from the venv).
core=$(cd / && LD_PRELOAD=$preload ASAN_OPTIONS=detect_leaks=0 \
       "$venv/bin/python" -c 'import fftbackend._core as c; print(c.__file__)')
case "$core" in
    "$venv"/*) ;;
    *) echo "sanitize.sh: fftbackend._core imported from $core, not from the venv" >&2; exit 2 ;;
esac
symbols=$(nm -D "$core")   # (not piped into grep -q: with pipefail, nm's SIGPIPE would fail it)
if ! grep -q __asan_ <<<"$symbols"; then
    echo "sanitize.sh: $core is not built with ASan" >&2
    exit 2
fi
echo "== instrumented extension: $core"

echo "== test suite under ASan/UBSan (log: $log, reports: $reports)"
rm -rf "$reports"
mkdir -p "$reports"
status=0
# log_path: pytest captures fd 2 while a test runs, so a report printed there would be lost
# with the process it ends; in files it survives (for child processes too).
# allocator_may_return_null: a too-large allocation (tests ask for n = 2**40) fails as in a
# normal build, NumPy raises MemoryError, instead of ASan aborting.
(
    cd "$work"   # outside the repository: import the installed package
    LD_PRELOAD=$preload \
    ASAN_OPTIONS=detect_leaks=0:halt_on_error=1:abort_on_error=0:symbolize=1:print_summary=1:allocator_may_return_null=1:log_path=$reports/asan \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:print_summary=1:log_path=$reports/ubsan \
    PYTHONFAULTHANDLER=1 \
        "$venv/bin/python" -m pytest -q -p no:cacheprovider -o addopts=--import-mode=importlib \
            --rootdir="$snapshot" -c "$snapshot/pyproject.toml" "$snapshot/tests" "$@"
) 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
status=${status:-0}

findings=$(cat "$reports"/* "$log" 2>/dev/null \
           | grep -c -E "ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer" || true)
# (ASan warns "failed to allocate" for each refused huge allocation: expected, not shown)
for f in "$reports"/*; do
    [ -e "$f" ] || continue
    if grep -v -q "WARNING: AddressSanitizer failed to allocate" "$f"; then
        echo "--- $f"
        grep -v "WARNING: AddressSanitizer failed to allocate" "$f"
    fi
done
echo
echo "== sanitize.sh: build+install ${build_time} s, total $((SECONDS - start)) s"
echo "== pytest exit status $status, sanitizer reports: $findings"
if [ "$findings" -ne 0 ]; then
    echo "sanitize.sh: sanitizer findings (see above / $log)" >&2
    exit 1
fi
exit "$status"
