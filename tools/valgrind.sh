#!/usr/bin/env bash
# Runs a few fast test files under valgrind's memcheck: invalid reads and writes, uses of
# uninitialised values and definite leaks in the C kernels (which ASan, tools/sanitize.sh, does
# not see for uninitialised reads; and valgrind needs no instrumented build).
#
#   bash tools/valgrind.sh [pytest arguments...]
#
# Default tests: tests/test_semantics.py, tests/test_real_semantics.py and
# tests/test_r2r_semantics.py (about 7 minutes with the build: 1 min setup, 5 min of tests).
# Environment:
#   FB_VALGRIND_PYTHON  an interpreter whose fftbackend is already a normal (not sanitized)
#                       build: used as is. Otherwise the work tree is snapshotted and built
#                       with -g into a fresh venv (as tools/sanitize.sh does).
#   FB_VALGRIND_WORK    work folder (default: a new temporary one; kept, with the logs)
# Exits 1 if valgrind reports an error (memcheck errors, definite leaks not suppressed by
# tools/valgrind-python.supp) or a test fails.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${FB_VALGRIND_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/fb-valgrind.XXXXXX")}
mkdir -p "$work"
export PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off PIP_DISABLE_PIP_VERSION_CHECK=1
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind not found" >&2; exit 2; }

start=$SECONDS
if [ -n "${FB_VALGRIND_PYTHON:-}" ]; then
    python=$FB_VALGRIND_PYTHON
    tests=$repo/tests
    rootdir=$repo
else
    python=$work/venv/bin/python
    snapshot=$work/src
    echo "== fresh venv and build of a snapshot of $repo in $work"
    "${PYTHON:-python3}" -m venv "$work/venv"
    "$python" -m pip install -q meson-python meson ninja "Cython>=3.0" "numpy>=2.0" scipy \
        pytest hypothesis
    rm -rf "$snapshot"
    mkdir -p "$snapshot"
    (cd "$repo" && git ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' f; do if [ -e "$f" ]; then printf '%s\0' "$f"; fi; done \
        | tar --null -T - -cf -) | tar -xf - -C "$snapshot"
    # release optimisation as shipped, plus debug information for readable stacks
    "$python" -m pip install -q --no-build-isolation "-Csetup-args=-Dc_args=-g" \
        "-Cbuild-dir=$work/build" "$snapshot"
    tests=$snapshot/tests
    rootdir=$snapshot
fi
core=$(cd / && "$python" -c 'import fftbackend._core as c; print(c.__file__)')
if nm -D "$core" | grep -q __asan_; then
    echo "valgrind.sh: $core is an ASan build; valgrind needs a normal one" >&2
    exit 2
fi
echo "== extension: $core (setup $((SECONDS - start)) s)"

if [ $# -eq 0 ]; then
    set -- "$tests/test_semantics.py" "$tests/test_real_semantics.py" \
        "$tests/test_r2r_semantics.py"
fi

logs=$work/logs
rm -rf "$logs"
mkdir -p "$logs"
status=0
# PYTHONMALLOC=malloc: every Python object through malloc, so valgrind sees each one (pymalloc's
# arenas would hide them and read "uninitialised" memory on purpose).
(
    cd "$work"
    PYTHONMALLOC=malloc OPENBLAS_NUM_THREADS=1 \
    valgrind --tool=memcheck --error-exitcode=1 --leak-check=full \
        --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --suppressions="$repo/tools/valgrind-python.supp" --num-callers=40 \
        --log-file="$logs/memcheck.%p.log" \
        "$python" -m pytest -q -p no:cacheprovider -o addopts=--import-mode=importlib \
            --rootdir="$rootdir" -c "$rootdir/pyproject.toml" "$@"
) 2>&1 | tee "$work/pytest.log" || status=${PIPESTATUS[0]}
status=${status:-0}

echo
errors=0
for f in "$logs"/*.log; do
    summary=$(grep "ERROR SUMMARY" "$f" || true)
    echo "--- $f: ${summary#==*== }"
    n=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$f" | tail -n 1)
    if [ "${n:-0}" != 0 ]; then
        errors=$((errors + n))
        sed -n '/^==[0-9]*== [A-Z].*\(Invalid\|uninitialised\|definitely lost\|Mismatched\|overlap\)/,/^==[0-9]*== $/p' "$f"
    fi
done
echo "== valgrind.sh: $((SECONDS - start)) s, pytest exit status $status, memcheck errors $errors"
echo "== logs in $logs"
[ "$errors" -eq 0 ] || exit 1
exit "$status"
