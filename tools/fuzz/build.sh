#!/usr/bin/env bash
# Builds the kernel fuzz harness (tools/fuzz/) against src/*.c, compiled as meson does: the
# target-independent files once, the per-SIMD-target files (src/fb_target.h) up to three times,
# with -DFB_SIMD_BASE, with -mavx2 -mfma -DFB_SIMD_AVX2 -ffp-contract=fast and with the AVX-512
# flags of src/meson.build and -DFB_SIMD_AVX512 (the last two when the compiler takes the flags),
# and fb_dispatch.c with -DFB_HAVE_AVX2 / -DFB_HAVE_AVX512 to match.
#
#   bash tools/fuzz/build.sh [--plain | --coverage] [OUTDIR]
#
# default:    clang with libFuzzer + ASan + UBSan (UB aborts), binary OUTDIR/fuzz_kernels;
# --plain:    $CC (default cc) without libFuzzer or sanitizers, with the fuzz_main.c driver,
#             binary OUTDIR/fuzz_plain (what tests/test_fuzz_harness.py builds);
# --coverage: as --plain but clang with source-based coverage, binary OUTDIR/fuzz_cov: replay
#             a corpus with it to see which kernel lines the fuzzer reaches (tools/README.md).
# OUTDIR defaults to /tmp/fb-fuzz-build. Objects are compiled in parallel (FB_FUZZ_JOBS, default 2).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
plain=0
cover=0
case "${1:-}" in
    --plain) plain=1; shift ;;
    --coverage) plain=1; cover=1; shift ;;
esac
out=${1:-/tmp/fb-fuzz-build}
jobs=${FB_FUZZ_JOBS:-2}
mkdir -p "$out/obj"

if [ $cover = 1 ]; then
    cc=${CC:-clang}
    san=(-fprofile-instr-generate -fcoverage-mapping)
    link_san=(-fprofile-instr-generate)
    opt=(-O1)
    name=fuzz_cov
elif [ $plain = 1 ]; then
    cc=${CC:-cc}
    san=()
    link_san=()
    opt=(-O1)
    name=fuzz_plain
else
    cc=${CC:-clang}
    # fuzzer-no-link: coverage instrumentation in the kernels, libFuzzer's main linked once
    san=(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
         -fno-omit-frame-pointer)
    link_san=(-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
    opt=(-O2)
    name=fuzz_kernels
fi
common=(-std=c99 -g "${opt[@]}" -I"$repo/src" -pthread)

targeted=(fb_batch fb_cfft fb_corr fb_dct fb_plan fb_rfft)
plain_src=(fb_common fb_dispatch fb_factor fb_pool fb_twiddle)

# the SIMD targets the compiler can build (whether the CPU runs them is the harness's question)
avx2_flags=(-mavx2 -mfma)
avx512_flags=("${avx2_flags[@]}" -mavx512f -mavx512vl -mavx512dq -mavx512bw
              -mprefer-vector-width=256)
compiles() {
    echo 'int main(void){return 0;}' | "$cc" "$@" -x c -o /dev/null - 2>/dev/null
}
have_avx2=0
have_avx512=0
if [ "$(uname -m)" = x86_64 ]; then
    compiles "${avx2_flags[@]}" && have_avx2=1
    [ $have_avx2 = 1 ] && compiles "${avx512_flags[@]}" && have_avx512=1
fi

cmds=()
objs=()
for f in "${targeted[@]}"; do
    cmds+=("$cc ${common[*]} ${san[*]} -DFB_SIMD_BASE -c $repo/src/$f.c -o $out/obj/${f}_base.o")
    objs+=("$out/obj/${f}_base.o")
    if [ $have_avx2 = 1 ]; then
        cmds+=("$cc ${common[*]} ${san[*]} ${avx2_flags[*]} -DFB_SIMD_AVX2 -ffp-contract=fast -c $repo/src/$f.c -o $out/obj/${f}_avx2.o")
        objs+=("$out/obj/${f}_avx2.o")
    fi
    if [ $have_avx512 = 1 ]; then
        cmds+=("$cc ${common[*]} ${san[*]} ${avx512_flags[*]} -DFB_SIMD_AVX512 -ffp-contract=fast -c $repo/src/$f.c -o $out/obj/${f}_avx512.o")
        objs+=("$out/obj/${f}_avx512.o")
    fi
done
defs=()
hdefs=()
[ $have_avx2 = 1 ] && defs+=(-DFB_HAVE_AVX2) && hdefs+=(-DFUZZ_HAVE_AVX2)
[ $have_avx512 = 1 ] && defs+=(-DFB_HAVE_AVX512) && hdefs+=(-DFUZZ_HAVE_AVX512)
for f in "${plain_src[@]}"; do
    cmds+=("$cc ${common[*]} ${san[*]} ${defs[*]} -c $repo/src/$f.c -o $out/obj/$f.o")
    objs+=("$out/obj/$f.o")
done
harness=(fuzz_case fuzz_ref fuzz_kernels)
[ $plain = 1 ] && harness+=(fuzz_main)
for f in "${harness[@]}"; do
    cmds+=("$cc ${common[*]} -Wall -Wextra ${san[*]} ${hdefs[*]} -c $here/$f.c -o $out/obj/h_$f.o")
    objs+=("$out/obj/h_$f.o")
done

printf '%s\n' "${cmds[@]}" | xargs -P "$jobs" -I{} sh -c '{}'
"$cc" -g "${link_san[@]}" -pthread "${objs[@]}" -lm -o "$out/$name"
echo "$out/$name"
