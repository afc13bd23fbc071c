/* fuzz_case.h: what one fuzz input asks for, decoded from its bytes, and the memory layouts of
 * the arrays it passes to the kernels.
 *
 * Input format (bytes read in this order; a byte past the end reads as 0, so every input, even
 * the empty one, is a valid case):
 *   0  kind       % 4: 0 c2c, 1 r2c, 2 c2r, 3 r2r
 *   1  flags      bit 0 float32; bits 1-2 SIMD build (0 baseline, 1 avx2, 2 the run-time
 *                 dispatcher, 3 avx512; a build the CPU or compiler lacks falls back to the
 *                 best one below it); bit 3 in place (c2c and r2r only: out = in, same strides);
 *                 bit 4 backward (fwd = 0); bit 5 full (r2c: all n outputs); bit 6 ortho
 *                 (r2r); bit 7 DST (r2r)
 *   2  params     bits 0-1 r2r type - 1; bits 2-3 workers - 1 (3 -> 1); bits 4-6 scale choice
 *                 (fuzz_fct); bit 7 c2r: NaN in the ignored Im X_0 / Im X_n/2
 *   3  ndim       % 3 + 1; bits 2-3 number of axes - 1 (c2c, r2r; at most ndim; r2c and c2r
 *                 take one)
 *   4  axes       2 bits per axis, each % ndim (repeats allowed: the kernel transforms twice)
 *   5  misc       bit 0 input base misaligned by one real (8 or 4 bytes), bit 1 output too;
 *                 bit 2 zero values: about one input value in four is exactly 0
 *   then per dimension d < ndim: 2 bytes of length (fuzz_len for a transformed dimension,
 *        byte % 7 (6 -> 0: an empty batch) for another) and 2 layout bytes, one for the input
 *        array and one for the output: bits 0-2 extra gap after the inner block in units of one
 *        real (0,0,0,0,1,2,3,7), bit 3 negative stride, bit 4 zero stride (input only, not in
 *        place), bits 5-6 position of d in the storage order (a sort key; ties keep d's order)
 *   then 4 bytes: the seed of the input values (uniform in [-1, 1), rounded to the precision)
 * Lengths of transformed dimensions (fuzz_len): mostly 1..300, sometimes 1..16, primes from 29
 * to ~8k (Rader passes, or Bluestein where p - 1 is not smooth), composites with one or more
 * Rader factors (58 = 2*29 up to 255*257 and 41^3), smooth lengths up to ~8k, and occasionally
 * 2^16..2^18 (large and blocked plans). A case whose
 * direct reference would cost more than FUZZ_FULL_WORK is checked on a few sampled outputs per
 * line instead (one axis only, at most FUZZ_SAMPLED_ELEMS values); larger cases are rejected.
 */
#ifndef FUZZ_CASE_H
#define FUZZ_CASE_H

#include <stddef.h>
#include <stdint.h>

#include "fb_common.h"

#define FUZZ_MAXDIM 3
#define FUZZ_FULL_WORK ((int64_t)1 << 21)      /* sum over axes of values * line length */
#define FUZZ_SAMPLED_ELEMS ((int64_t)1 << 19)

enum { FUZZ_C2C = 0, FUZZ_R2C = 1, FUZZ_C2R = 2, FUZZ_R2R = 3 };
enum { FUZZ_SIMD_BASE = 0, FUZZ_SIMD_AVX2 = 1, FUZZ_SIMD_DISPATCH = 2, FUZZ_SIMD_AVX512 = 3 };

/* How one array lies in memory: byte strides and where element 0 is in its block. */
typedef struct {
    int ndim;
    fb_idx shape[FUZZ_MAXDIM];
    fb_idx stride[FUZZ_MAXDIM];   /* bytes */
    size_t offset;                /* bytes from the block start to element (0, ..., 0) */
    size_t bytes;                 /* the block: every element lies inside, nothing past it */
    size_t esize, rsize;          /* element size, size of one real */
} fuzz_layout;

typedef struct {
    int kind, f32, simd, inplace, fwd, full, ortho, dst, type, workers, fct_choice, nan_ignored;
    int ndim, naxes, axes[FUZZ_MAXDIM];
    fb_idx shape[FUZZ_MAXDIM];    /* the shape argument: real shape for r2c / c2r */
    int misalign_in, misalign_out, zeros;
    uint8_t lay_in[FUZZ_MAXDIM], lay_out[FUZZ_MAXDIM];
    uint32_t seed;
    int sampled;                  /* checked on sampled outputs only */
} fuzz_case;

/* Fills c from data; 0 if the case is too large to check (the fuzzer should drop it). */
int fuzz_decode(const uint8_t *data, size_t size, fuzz_case *c);

/* The scale factor for c (n: product of the transformed lengths). */
double fuzz_fct(const fuzz_case *c);

/* The layout of an array of shape `shape` (element size esize, real size rsize) from the layout
 * bytes; zero strides only if allow_zero. */
void fuzz_make_layout(fuzz_layout *l, int ndim, const fb_idx *shape, const uint8_t *code,
                      size_t esize, size_t rsize, int allow_zero, int misalign);

/* One line of text describing c (for reports). */
void fuzz_describe(const fuzz_case *c, char *buf, size_t len);

#endif
