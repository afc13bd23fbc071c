"""Writes fuzz inputs (format: fuzz_case.h) for every length of fuzz_case.c's `primes` and
`rader_mixed` tables, plus the Rader-sized primes below 300, in each transform kind, both
precisions and every SIMD build choice, as a single line and in a batch.

    python3 tools/fuzz/rader_inputs.py DIR      # -> DIR/rader-*.bin, prints the count

run.sh adds them to the corpus, so libFuzzer starts from cases that reach Rader's passes;
tests/test_fuzz_harness.py replays them with the plain driver. The table positions below must
follow fuzz_case.c; the test checks the lengths the driver reports (FUZZ_LIST=1), so a table
edit that shifts them shows there.
"""

import itertools
import pathlib
import sys

# fuzz_case.c: `primes` (length class 5) and `rader_mixed` (class 5 with bit 7), in table order
PRIMES = [29, 31, 37, 41, 43, 47, 53, 97, 127, 223, 257, 307, 311, 397, 401, 499, 503, 509,
          521, 653, 769, 997, 1009, 1021, 1031, 1999, 2003, 2039, 2053, 4093, 4099, 7919, 8191]
RADER_MIXED = [58, 87, 116, 145, 203, 232, 514, 771, 1073, 1517, 1856, 3034, 12319, 16382,
               65231, 68921, 65535, 131070]
# fuzz_case.c `large` table: 65537 is its second entry (class 7 with bit 7)
LARGE_65537 = (0x87, 1)
# Rader primes in the common range (class 0: length 1 + b1 for b1 < 256)
SMALL_RADER = [59, 61, 67, 71, 73, 79, 89, 101, 131, 193, 251]


def length_bytes():
    """(length, b0, b1) for every length to sweep."""
    out = [(n, 5, i) for i, n in enumerate(PRIMES)]
    out += [(n, 0x85, i) for i, n in enumerate(RADER_MIXED)]
    out.append((65537, *LARGE_65537))
    out += [(n, 0, n - 1) for n in SMALL_RADER]
    return out


def inputs():
    """(name, bytes) of every case: kinds x precisions x SIMD builds x (line, batch)."""
    for (n, b0, b1), kind, f32, simd, batch in itertools.product(
            length_bytes(), range(4), (0, 1), range(4), (0, 1)):
        # vary the remaining choices with the case so the sweep also covers them a little
        h = (n * 7 + kind * 5 + f32 * 3 + simd + batch * 11) & 0xFF
        flags = f32 | (simd << 1) | ((h & 1) << 4)          # bit 4: backward
        if kind == 1:
            flags |= (h & 2) << 4                            # bit 5: full r2c output
        if kind == 3:
            flags |= (h & 0x0C) << 4                         # bits 6, 7: ortho, DST
        params = (h & 3) | (((h >> 2) % 3) << 2)             # r2r type, workers 1..3
        layout = (h >> 4) & 0x0F                             # gaps / negative stride
        if batch:
            # ndim 2 (byte 1: 2 % 3 + 1), axis 1, the other dimension of 3 values
            head = [kind, flags, params, 1, 1, h & 3]
            dims = [3, 0, layout ^ 0x20, 0, b0, b1, layout, 0]
        else:
            head = [kind, flags, params, 0, 0, h & 3]
            dims = [b0, b1, layout, 0]
        seed = [n & 0xFF, kind, simd, batch]
        name = f"rader-{n}-k{kind}-{'f' if f32 else 'd'}-s{simd}-{'b' if batch else 'l'}.bin"
        yield name, bytes(head + dims + seed)


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, data in inputs():
        (out / name).write_bytes(data)
        count += 1
    print(count)


if __name__ == "__main__":
    main()
