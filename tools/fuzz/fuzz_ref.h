/* fuzz_ref.h: the direct O(n^2) transforms the fuzz harness checks the kernels against.
 *
 * Everything is long double (64-bit mantissa on x86-64), with the angles taken from a table of
 * cos/sin(2 pi m / N) indexed by an exact integer product reduced mod N, so the reference is a
 * few bits better than the double kernels it judges and shares no code or algorithm with them.
 * One output value at a time (ref_*_bin): a full check loops over every k, a sampled check (very
 * long lines) asks for a few k only. The definitions are those of fb_batch.h, fb_rfft.h and
 * fb_dct.h (SciPy's unnormalised transforms); the scale factor fct is applied by the caller.
 */
#ifndef FUZZ_REF_H
#define FUZZ_REF_H

#include <stddef.h>
#include <stdint.h>

typedef struct { long double r, i; } ref_c;

/* cos and sin of 2 pi m / N for m < N */
typedef struct { int64_t N; long double *c, *s; } ref_trig;

int ref_trig_init(ref_trig *t, int64_t N);   /* 0, or -1 when out of memory */
void ref_trig_free(ref_trig *t);

/* Table length each transform needs for a line of n values. */
int64_t ref_c2c_period(int64_t n);                    /* n: also r2c and c2r */
int64_t ref_r2r_period(int64_t n, int dst, int type);

/* Y_k = sum_j x_j exp(-+ 2 pi i jk/n): fwd = 1 minus, fwd = 0 plus. */
ref_c ref_c2c_bin(const ref_c *x, int64_t n, int64_t k, int fwd, const ref_trig *t);
/* the same for a real line (r2c: rfft for fwd = 1, ihfft's conjugate sum for fwd = 0) */
ref_c ref_r2c_bin(const long double *x, int64_t n, int64_t k, int fwd, const ref_trig *t);
/* x_j of the c2r transform of X_0 .. X_n/2 (Hermitian extension; Im X_0 and, even n, Im X_n/2
 * ignored): exp(+2 pi i jk/n) for fwd = 0 (irfft), exp(-...) for fwd = 1 (hfft). */
long double ref_c2r_bin(const ref_c *X, int64_t n, int64_t j, int fwd, const ref_trig *t);
/* y_k of DCT (dst = 0) or DST (dst = 1) of type 1..4, with SciPy's orthogonalize fix-ups when
 * ortho = 1. */
long double ref_r2r_bin(const long double *x, int64_t n, int64_t k, int dst, int type, int ortho,
                        const ref_trig *t);

#endif
