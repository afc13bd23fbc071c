/* fuzz_kernels.c: the fuzz target. One input (decoded by fuzz_case.c) becomes one call of a C
 * kernel (c2c, r2c, c2r or r2r, either precision, a chosen SIMD build - baseline, AVX2, AVX-512 -
 * or the dispatcher) on
 * arrays laid out with gaps, negative and zero strides, misaligned bases, in place or not; the
 * result is compared with the direct long double transforms of fuzz_ref.c, and any mismatch
 * calls abort() after printing the case.
 *
 * What is checked, besides the values (a normwise relative error over the whole output, or for
 * very long lines a few sampled outputs per line plus Parseval's identity):
 *   - the return code: 0, or FB_EINVAL exactly where the API documents it (DCT-I of length 1);
 *   - nothing outside the output's elements is written (the gaps keep a sentinel, or in place
 *     their old contents), and an out-of-place input is not written at all;
 *   - input gaps hold NaN, so a kernel that reads outside the input's elements shows it;
 *   - every array is allocated to exactly its extent, so ASan sees any access past either end.
 * fuzz_one() returns 0 for a checked case and -1 for a rejected one (too large to check);
 * LLVMFuzzerTestOneInput is the libFuzzer entry; fuzz_main.c drives it without libFuzzer.
 */
#include "fuzz_case.h"
#include "fuzz_ref.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kernels' per-target entry points (fb_target.h) and the dispatching ones (fb_dispatch.c). */
#define FUZZ_DECLS(SFX)                                                                        \
    int fb_c2c_d##SFX(const void *, void *, int, const fb_idx *, const fb_idx *,              \
                      const fb_idx *, int, const int *, int, double, int);                     \
    int fb_c2c_f##SFX(const void *, void *, int, const fb_idx *, const fb_idx *,              \
                      const fb_idx *, int, const int *, int, double, int);                     \
    int fb_r2c_d##SFX(const void *, void *, int, const fb_idx *, const fb_idx *,              \
                      const fb_idx *, int, int, int, double, int);                             \
    int fb_r2c_f##SFX(const void *, void *, int, const fb_idx *, const fb_idx *,              \
                      const fb_idx *, int, int, int, double, int);                             \
    int fb_c2r_d##SFX(const void *, void *, int, const fb_idx *, const fb_idx *,              \
                      const fb_idx *, int, int, double, int);                                  \
    int fb_c2r_f##SFX(const void *, void *, int, const fb_idx *, const fb_idx *,              \
                      const fb_idx *, int, int, double, int);                                  \
    int fb_r2r_d##SFX(const void *, void *, int, const fb_idx *, const fb_idx *,              \
                      const fb_idx *, int, const int *, int, int, int, double, int);           \
    int fb_r2r_f##SFX(const void *, void *, int, const fb_idx *, const fb_idx *,              \
                      const fb_idx *, int, const int *, int, int, int, double, int);
FUZZ_DECLS(_base)
FUZZ_DECLS()
#if defined(FUZZ_HAVE_AVX2)
FUZZ_DECLS(_avx2)
#endif
#if defined(FUZZ_HAVE_AVX512)
FUZZ_DECLS(_avx512)
#endif

typedef int (*c2c_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                      int, const int *, int, double, int);
typedef int (*r2c_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                      int, int, int, double, int);
typedef int (*c2r_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                      int, int, double, int);
typedef int (*r2r_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                      int, const int *, int, int, int, double, int);

/* [simd][f32], simd as in fuzz_case.h; a build the compiler could not make stands in as the one
 * below it (fuzz_one also steps down when the CPU lacks it) */
#if defined(FUZZ_HAVE_AVX2)
#define FUZZ_AVX2(name) name##_avx2
#else
#define FUZZ_AVX2(name) name##_base
#endif
#if defined(FUZZ_HAVE_AVX512)
#define FUZZ_AVX512(name) name##_avx512
#else
#define FUZZ_AVX512(name) FUZZ_AVX2(name)
#endif
#define FUZZ_ROW(name)                                                                          \
    {{name##_d_base, name##_f_base},                                                           \
     {FUZZ_AVX2(name##_d), FUZZ_AVX2(name##_f)},                                               \
     {name##_d, name##_f},                                                                     \
     {FUZZ_AVX512(name##_d), FUZZ_AVX512(name##_f)}}
static const c2c_fn c2c_fns[4][2] = FUZZ_ROW(fb_c2c);
static const r2c_fn r2c_fns[4][2] = FUZZ_ROW(fb_r2c);
static const c2r_fn c2r_fns[4][2] = FUZZ_ROW(fb_c2r);
static const r2r_fn r2r_fns[4][2] = FUZZ_ROW(fb_r2r);

static int cpu_avx2(void)
{
#if defined(FUZZ_HAVE_AVX2)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

/* the features src/meson.build compiles the AVX-512 target for (as fb_dispatch.c checks them) */
static int cpu_avx512(void)
{
#if defined(FUZZ_HAVE_AVX512)
    __builtin_cpu_init();
    return cpu_avx2() && __builtin_cpu_supports("avx512f") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512bw");
#else
    return 0;
#endif
}

/* The build a case asked for, or the best one below it that this binary has and the CPU runs. */
static int usable_simd(int simd)
{
    if (simd == FUZZ_SIMD_AVX512 && !cpu_avx512()) simd = FUZZ_SIMD_AVX2;
    if (simd == FUZZ_SIMD_AVX2 && !cpu_avx2()) simd = FUZZ_SIMD_BASE;
    return simd;
}

/* Normwise relative error bound for a case whose longest transform (as the kernel computes it)
 * has length n: about ten units of roundoff per level of the transform, per axis. The largest
 * errors measured over many cases stay below 1/5 of it (tools/README.md); a wrong twiddle, a
 * dropped term or a value from the wrong line gives errors of order one. */
static double tolerance(const fuzz_case *c, double n)
{
    const double per_level = c->f32 ? 1e-6 : 2e-15;
    return per_level * (log2(n + 1.0) + 4.0) * c->naxes;
}

/* worst error / tolerance seen, for fuzz_main's summary */
double fuzz_worst_ratio = 0.0;
char fuzz_worst_case[512];
long fuzz_checked = 0, fuzz_rejected = 0;
/* checked cases per build actually called, indexed as fuzz_case.simd (for fuzz_main's summary) */
long fuzz_checked_simd[4] = {0, 0, 0, 0};

static char describe_buf[512];

static void note_ratio(const fuzz_case *c, double ratio)
{
    if (!(ratio > fuzz_worst_ratio)) return;
    fuzz_worst_ratio = ratio;
    fuzz_describe(c, fuzz_worst_case, sizeof fuzz_worst_case);
}

static void fail(const fuzz_case *c, const char *what)
{
    fuzz_describe(c, describe_buf, sizeof describe_buf);
    fprintf(stderr, "fuzz_kernels: FAILED: %s\n  case: %s\n", what, describe_buf);
    fflush(stderr);
    abort();
}

/* ---- arrays ---- */

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int64_t elems_of(int ndim, const fb_idx *shape)
{
    int64_t e = 1;
    for (int d = 0; d < ndim; ++d) e *= shape[d];
    return e;
}

/* byte offset of the element with C-order flat index `flat` */
static size_t offset_of(const fuzz_layout *l, int64_t flat)
{
    fb_idx off = (fb_idx)l->offset;
    for (int d = l->ndim - 1; d >= 0; --d) {
        const int64_t q = flat / l->shape[d];
        off += (fb_idx)(flat - q * l->shape[d]) * l->stride[d];
        flat = q;
    }
    return (size_t)off;
}

static long double get_real(const char *p, int f32)
{
    if (f32) { float v; memcpy(&v, p, sizeof v); return v; }
    double v;
    memcpy(&v, p, sizeof v);
    return v;
}

static void set_real(char *p, int f32, double v)
{
    if (f32) { float f = (float)v; memcpy(p, &f, sizeof f); }
    else memcpy(p, &v, sizeof v);
}

static void fill_reals(char *block, size_t bytes, int f32, double v)
{
    const size_t rs = f32 ? 4 : 8;
    for (size_t at = 0; at + rs <= bytes; at += rs) set_real(block + at, f32, v);
}

/* Loads an array into a dense C-ordered long double array of 1 or 2 (complex) reals each. */
static void load_dense(const fuzz_layout *l, const char *block, int cplx, int f32,
                       long double *dense)
{
    const int64_t e = elems_of(l->ndim, l->shape);
    const size_t rs = l->rsize;
    for (int64_t i = 0; i < e; ++i) {
        const char *p = block + offset_of(l, i);
        dense[cplx ? 2 * i : i] = get_real(p, f32);
        if (cplx) dense[2 * i + 1] = get_real(p + rs, f32);
    }
}

/* ---- the reference on dense arrays, one axis at a time ---- */

static void axis_geom(int ndim, const fb_idx *shape, int axis, int64_t *outer, int64_t *inner)
{
    *outer = 1;
    *inner = 1;
    for (int d = 0; d < axis; ++d) *outer *= shape[d];
    for (int d = axis + 1; d < ndim; ++d) *inner *= shape[d];
}

static int ref_c2c_axis(ref_c *a, int ndim, const fb_idx *shape, int axis, int fwd)
{
    const int64_t n = shape[axis];
    int64_t outer, inner;
    axis_geom(ndim, shape, axis, &outer, &inner);
    ref_trig t;
    ref_c *x = (ref_c *)malloc(sizeof(ref_c) * (size_t)n);
    if (!x || ref_trig_init(&t, ref_c2c_period(n)) != 0) { free(x); return -1; }
    for (int64_t o = 0; o < outer; ++o)
        for (int64_t i = 0; i < inner; ++i) {
            ref_c *line = a + o * n * inner + i;
            for (int64_t j = 0; j < n; ++j) x[j] = line[j * inner];
            for (int64_t k = 0; k < n; ++k) line[k * inner] = ref_c2c_bin(x, n, k, fwd, &t);
        }
    ref_trig_free(&t);
    free(x);
    return 0;
}

static int ref_r2r_axis(long double *a, int ndim, const fb_idx *shape, int axis,
                        const fuzz_case *c)
{
    const int64_t n = shape[axis];
    int64_t outer, inner;
    axis_geom(ndim, shape, axis, &outer, &inner);
    ref_trig t;
    long double *x = (long double *)malloc(sizeof(long double) * (size_t)n);
    if (!x || ref_trig_init(&t, ref_r2r_period(n, c->dst, c->type)) != 0) { free(x); return -1; }
    for (int64_t o = 0; o < outer; ++o)
        for (int64_t i = 0; i < inner; ++i) {
            long double *line = a + o * n * inner + i;
            for (int64_t j = 0; j < n; ++j) x[j] = line[j * inner];
            for (int64_t k = 0; k < n; ++k)
                line[k * inner] = ref_r2r_bin(x, n, k, c->dst, c->type, c->ortho, &t);
        }
    ref_trig_free(&t);
    free(x);
    return 0;
}

/* r2c: real dense `in` (shape, n along axis) to complex dense `out` (m along axis) */
static int ref_r2c_axis(const long double *in, ref_c *out, int ndim, const fb_idx *shape,
                        int axis, int fwd, int64_t m)
{
    const int64_t n = shape[axis];
    int64_t outer, inner;
    axis_geom(ndim, shape, axis, &outer, &inner);
    ref_trig t;
    long double *x = (long double *)malloc(sizeof(long double) * (size_t)n);
    if (!x || ref_trig_init(&t, ref_c2c_period(n)) != 0) { free(x); return -1; }
    for (int64_t o = 0; o < outer; ++o)
        for (int64_t i = 0; i < inner; ++i) {
            for (int64_t j = 0; j < n; ++j) x[j] = in[(o * n + j) * inner + i];
            for (int64_t k = 0; k < m; ++k)
                out[(o * m + k) * inner + i] = ref_r2c_bin(x, n, k, fwd, &t);
        }
    ref_trig_free(&t);
    free(x);
    return 0;
}

/* c2r: complex dense `in` (n/2+1 along axis) to real dense `out` (shape, n along axis) */
static int ref_c2r_axis(const ref_c *in, long double *out, int ndim, const fb_idx *shape,
                        int axis, int fwd)
{
    const int64_t n = shape[axis], m = n / 2 + 1;
    int64_t outer, inner;
    axis_geom(ndim, shape, axis, &outer, &inner);
    ref_trig t;
    ref_c *X = (ref_c *)malloc(sizeof(ref_c) * (size_t)m);
    if (!X || ref_trig_init(&t, ref_c2c_period(n)) != 0) { free(X); return -1; }
    for (int64_t o = 0; o < outer; ++o)
        for (int64_t i = 0; i < inner; ++i) {
            for (int64_t k = 0; k < m; ++k) X[k] = in[(o * m + k) * inner + i];
            for (int64_t j = 0; j < n; ++j)
                out[(o * n + j) * inner + i] = ref_c2r_bin(X, n, j, fwd, &t);
        }
    ref_trig_free(&t);
    free(X);
    return 0;
}

/* ---- checks ---- */

/* the longest transform the kernel runs for a line of n (for the bound) */
static double kernel_length(const fuzz_case *c)
{
    double n = 1;
    for (int a = 0; a < c->naxes; ++a) {
        double m = (double)c->shape[c->axes[a]];
        if (c->kind == FUZZ_R2R && c->type == 1) m = 2 * (m + 1);
        if (m > n) n = m;
    }
    return n;
}

/* Full check: the reference of the whole array, dense, against the dense output. */
static void check_full(const fuzz_case *c, const long double *din, const fuzz_layout *lo,
                       const char *oblock, double fct)
{
    const int ocplx = c->kind == FUZZ_C2C || c->kind == FUZZ_R2C;
    const int64_t oe = elems_of(lo->ndim, lo->shape);
    const int64_t ie = elems_of(c->ndim, c->shape);   /* c2c, r2r, r2c input; c2r output */
    long double *ref = (long double *)malloc(sizeof(long double) * (size_t)(ocplx ? 2 * oe : oe));
    long double *got = (long double *)malloc(sizeof(long double) * (size_t)(ocplx ? 2 * oe : oe));
    if (!ref || !got) fail(c, "harness out of memory");
    int err = 0;
    const int ax = c->axes[0];
    switch (c->kind) {
    case FUZZ_C2C:
        memcpy(ref, din, sizeof(long double) * 2 * (size_t)ie);
        for (int a = 0; a < c->naxes && !err; ++a)
            err = ref_c2c_axis((ref_c *)ref, c->ndim, c->shape, c->axes[a], c->fwd);
        break;
    case FUZZ_R2R:
        memcpy(ref, din, sizeof(long double) * (size_t)ie);
        for (int a = 0; a < c->naxes && !err; ++a)
            err = ref_r2r_axis(ref, c->ndim, c->shape, c->axes[a], c);
        break;
    case FUZZ_R2C:
        err = ref_r2c_axis(din, (ref_c *)ref, c->ndim, c->shape, ax, c->fwd, lo->shape[ax]);
        break;
    default:
        err = ref_c2r_axis((const ref_c *)din, ref, c->ndim, c->shape, ax, c->fwd);
        break;
    }
    if (err) fail(c, "harness out of memory");
    load_dense(lo, oblock, ocplx, c->f32, got);
    long double e2 = 0, r2 = 0;
    const int64_t nr = ocplx ? 2 * oe : oe;
    for (int64_t i = 0; i < nr; ++i) {
        const long double r = ref[i] * fct, d = got[i] - r;
        e2 += d * d;
        r2 += r * r;
    }
    const double rel_err = (double)sqrtl(e2), norm = (double)sqrtl(r2);
    const double tol = tolerance(c, kernel_length(c));
    if (!(rel_err <= tol * norm)) {
        char msg[160];
        snprintf(msg, sizeof msg, "normwise error %.3g of reference norm %.3g: relative %.3g > %.3g",
                 rel_err, norm, norm > 0 ? rel_err / norm : INFINITY, tol);
        fail(c, msg);
    }
    if (norm > 0) note_ratio(c, rel_err / norm / tol);
    free(ref);
    free(got);
}

/* One input line of the dense input (lines counted in C order over the other dimensions) into
 * x (reals, or interleaved complex values); returns its energy as the transform sees it (for
 * c2r that of the Hermitian extension, without the ignored imaginary parts). */
static long double get_line(const fuzz_case *c, const long double *din, int64_t L, int64_t len,
                            int64_t inner, long double *x)
{
    const int icplx = c->kind == FUZZ_C2C || c->kind == FUZZ_C2R;
    const int64_t n = c->shape[c->axes[0]], o = L / inner, i = L % inner;
    for (int64_t j = 0; j < len; ++j) {
        const long double *v = din + (icplx ? 2 : 1) * ((o * len + j) * inner + i);
        x[icplx ? 2 * j : j] = v[0];
        if (icplx) x[2 * j + 1] = v[1];
    }
    long double x2 = 0;
    if (c->kind == FUZZ_C2R) {
        for (int64_t k = 0; k <= n / 2; ++k) {
            const long double re = x[2 * k], im = (k == 0 || 2 * k == n) ? 0 : x[2 * k + 1];
            x2 += (k == 0 || 2 * k == n ? 1 : 2) * (re * re + im * im);
        }
    } else {
        for (int64_t j = 0; j < (icplx ? 2 * n : n); ++j) x2 += x[j] * x[j];
    }
    return x2;
}

/* Sampled check (one long axis): a few lines, a few outputs each, and for the Fourier kinds
 * Parseval's identity on those lines. The error scale is that of the most energetic line: the
 * kernels may carry several lines through one transform (odd-length r2c / c2r put two real
 * lines into one complex one), so a line's roundoff follows its partner's size too, and a zero
 * line need not come out exactly zero. */
static void check_sampled(const fuzz_case *c, const long double *din, const fuzz_layout *lo,
                          const char *oblock, double fct)
{
    const int ax = c->axes[0];
    const int64_t n = c->shape[ax], m = lo->shape[ax];   /* m: outputs along the axis */
    const int64_t len = c->kind == FUZZ_C2R ? n / 2 + 1 : n;   /* inputs along the axis */
    int64_t outer, inner;
    axis_geom(c->ndim, c->shape, ax, &outer, &inner);
    const int64_t lines = outer * inner;
    const int ocplx = c->kind == FUZZ_C2C || c->kind == FUZZ_R2C;
    const double tol = tolerance(c, kernel_length(c));
    ref_trig t;
    const int64_t N = c->kind == FUZZ_R2R ? ref_r2r_period(n, c->dst, c->type) : n;
    long double *x = (long double *)malloc(sizeof(long double) * 2 * (size_t)len);
    if (!x || ref_trig_init(&t, N) != 0) fail(c, "harness out of memory");
    long double xmax = 0;
    for (int64_t L = 0; L < lines; ++L) {
        const long double e = get_line(c, din, L, len, inner, x);
        if (e > xmax) xmax = e;
    }
    const long double afct = fabsl((long double)fct), nl = (long double)n;
    /* the output norm of the largest line (for r2r, an upper bound: |y| <= 2 sqrt(2(n+1)) |x|) */
    const long double scale = sqrtl(xmax * nl) * afct * (c->kind == FUZZ_R2R ? 4.0L : 1.0L);
    uint64_t s = c->seed ^ 0x5DEECE66Dull;
    const int64_t pick[3] = {0, lines - 1, (int64_t)(splitmix(&s) % (uint64_t)lines)};
    for (int p = 0; p < 3; ++p) {
        const int64_t L = pick[p], o = L / inner, i = L % inner;
        const long double x2 = get_line(c, din, L, len, inner, x);
        /* outputs 0, 1, m/2, m-1 and four more */
        int64_t ks[8] = {0, m > 1 ? 1 : 0, m / 2, m - 1, 0, 0, 0, 0};
        for (int q = 4; q < 8; ++q) ks[q] = (int64_t)(splitmix(&s) % (uint64_t)m);
        for (int q = 0; q < 8; ++q) {
            const int64_t k = ks[q];
            const char *py = oblock + offset_of(lo, (o * m + k) * inner + i);
            ref_c r = {0, 0};
            switch (c->kind) {
            case FUZZ_C2C: r = ref_c2c_bin((const ref_c *)x, n, k, c->fwd, &t); break;
            case FUZZ_R2C: r = ref_r2c_bin(x, n, k, c->fwd, &t); break;
            case FUZZ_C2R: r.r = ref_c2r_bin((const ref_c *)x, n, k, c->fwd, &t); break;
            default: r.r = ref_r2r_bin(x, n, k, c->dst, c->type, c->ortho, &t); break;
            }
            const long double dr = get_real(py, c->f32) - r.r * fct;
            const long double di = ocplx ? get_real(py + lo->rsize, c->f32) - r.i * fct : 0;
            const long double d = sqrtl(dr * dr + di * di);
            if (!(d <= tol * scale)) {
                char msg[200];
                snprintf(msg, sizeof msg, "line %lld output %lld: error %.3Lg > %.3g * scale %.3Lg",
                         (long long)L, (long long)k, d, tol, scale);
                fail(c, msg);
            }
            if (scale > 0) note_ratio(c, (double)(d / scale) / tol);
        }
        if (c->kind == FUZZ_R2R) continue;
        /* Parseval on the whole output line: |y2 - want| ~ 2 |Y| |E| <= 2 sqrt(want) tol scale */
        long double y2 = 0;
        for (int64_t k = 0; k < m; ++k) {
            const char *py = oblock + offset_of(lo, (o * m + k) * inner + i);
            const long double yr = get_real(py, c->f32);
            const long double yi = ocplx ? get_real(py + lo->rsize, c->f32) : 0;
            long double w = 1;
            if (c->kind == FUZZ_R2C && !c->full) w = (k == 0 || 2 * k == n) ? 1 : 2;
            y2 += w * (yr * yr + yi * yi);
        }
        const long double want = x2 * nl * afct * afct;
        const long double bound = 4 * tol * sqrtl(want) * scale + 4 * tol * tol * scale * scale;
        if (!(fabsl(y2 - want) <= bound)) {
            char msg[160];
            snprintf(msg, sizeof msg, "line %lld: output energy %.6Lg, Parseval says %.6Lg",
                     (long long)L, y2, want);
            fail(c, msg);
        }
    }
    ref_trig_free(&t);
    free(x);
}

/* every byte of `block` outside the elements of `l` equals the same byte of `want` (or, when
 * want is NULL, the sentinel 0xA5) */
static void check_gaps(const fuzz_case *c, const fuzz_layout *l, const char *block,
                       const char *want, const char *what)
{
    unsigned char *mask = (unsigned char *)calloc(l->bytes, 1);
    if (!mask) fail(c, "harness out of memory");
    const int64_t e = elems_of(l->ndim, l->shape);
    for (int64_t i = 0; i < e; ++i) memset(mask + offset_of(l, i), 1, l->esize);
    for (size_t b = 0; b < l->bytes; ++b)
        if (!mask[b] && (unsigned char)block[b] != (want ? (unsigned char)want[b] : 0xA5u)) {
            char msg[120];
            snprintf(msg, sizeof msg, "%s: byte %zu outside the elements was written", what, b);
            fail(c, msg);
        }
    free(mask);
}

/* ---- one case ---- */

int fuzz_one(const uint8_t *data, size_t size)
{
    fuzz_case c;
    if (!fuzz_decode(data, size, &c)) { fuzz_rejected++; return -1; }
    c.simd = usable_simd(c.simd);
    const int f32 = c.f32;
    const size_t rs = f32 ? 4 : 8;
    const int ax = c.axes[0];
    const int icplx = c.kind == FUZZ_C2C || c.kind == FUZZ_C2R;
    const int ocplx = c.kind == FUZZ_C2C || c.kind == FUZZ_R2C;
    fb_idx ishape[FUZZ_MAXDIM], oshape[FUZZ_MAXDIM];
    for (int d = 0; d < c.ndim; ++d) ishape[d] = oshape[d] = c.shape[d];
    if (c.kind == FUZZ_R2C) oshape[ax] = c.full ? c.shape[ax] : c.shape[ax] / 2 + 1;
    if (c.kind == FUZZ_C2R) ishape[ax] = c.shape[ax] / 2 + 1;

    fuzz_layout li, lo;
    fuzz_make_layout(&li, c.ndim, ishape, c.lay_in, icplx ? 2 * rs : rs, rs, !c.inplace,
                     c.misalign_in);
    if (c.inplace) lo = li;
    else fuzz_make_layout(&lo, c.ndim, oshape, c.lay_out, ocplx ? 2 * rs : rs, rs, 0,
                          c.misalign_out);
    /* a NaN in an ignored imaginary part is shared with the used ones if the axis stride is 0 */
    if (c.kind != FUZZ_C2R || li.stride[ax] == 0) c.nan_ignored = 0;

    char *in = (char *)malloc(li.bytes);
    char *saved = (char *)malloc(li.bytes);
    char *out = c.inplace ? in : (char *)malloc(lo.bytes);
    if (!in || !saved || !out) fail(&c, "harness out of memory");
    fill_reals(in, li.bytes, f32, NAN);   /* gaps: NaN, so reading them shows */
    const int64_t ie = elems_of(c.ndim, ishape), oe = elems_of(c.ndim, oshape);
    uint64_t s = c.seed;
    for (int64_t i = 0; i < ie; ++i) {
        char *p = in + offset_of(&li, i);
        for (int part = 0; part < (icplx ? 2 : 1); ++part) {
            const uint64_t u = splitmix(&s);
            double v = (double)(u >> 11) * 0x1p-52 - 1.0;
            if (c.zeros && (u & 3u) == 0) v = 0.0;
            set_real(p + part * rs, f32, v);
        }
    }
    if (c.nan_ignored) {   /* Im X_0, and Im X_n/2 for even n, of every line */
        const int64_t m = ishape[ax], n = c.shape[ax];
        for (int64_t i = 0; i < ie; ++i) {
            int64_t rest = i, k = 0;
            for (int d = c.ndim - 1; d >= 0; --d) {
                if (d == ax) k = rest % ishape[d];
                rest /= ishape[d];
            }
            if (k == 0 || (n % 2 == 0 && k == m - 1))
                set_real(in + offset_of(&li, i) + rs, f32, NAN);
        }
    }
    if (!c.inplace) memset(out, 0xA5, lo.bytes);
    memcpy(saved, in, li.bytes);

    /* the input as the kernel will see it, dense (the ignored NaNs read as 0) */
    long double *din = (long double *)malloc(sizeof(long double) * (size_t)(ie ? ie : 1) * 2);
    if (!din) fail(&c, "harness out of memory");
    load_dense(&li, in, icplx, f32, din);
    if (c.nan_ignored)
        for (int64_t i = 0; i < 2 * ie; ++i)
            if (isnan(din[i])) din[i] = 0;

    const double fct = fuzz_fct(&c);
    const int simd = c.simd;
    int err;
    switch (c.kind) {
    case FUZZ_C2C:
        err = c2c_fns[simd][f32](in + li.offset, out + lo.offset, c.ndim, c.shape, li.stride,
                                 lo.stride, c.naxes, c.axes, c.fwd, fct, c.workers);
        break;
    case FUZZ_R2C:
        err = r2c_fns[simd][f32](in + li.offset, out + lo.offset, c.ndim, c.shape, li.stride,
                                 lo.stride, ax, c.fwd, c.full, fct, c.workers);
        break;
    case FUZZ_C2R:
        err = c2r_fns[simd][f32](in + li.offset, out + lo.offset, c.ndim, c.shape, li.stride,
                                 lo.stride, ax, c.fwd, fct, c.workers);
        break;
    default:
        err = r2r_fns[simd][f32](in + li.offset, out + lo.offset, c.ndim, c.shape, li.stride,
                                 lo.stride, c.naxes, c.axes, c.dst, c.type, c.ortho, fct,
                                 c.workers);
        break;
    }

    /* self-test of the harness: FUZZ_PERTURB=1 spoils the first output value, which every check
     * looks at, so a correct kernel must then be reported */
    if (err == FB_OK && ie > 0 && oe > 0 && getenv("FUZZ_PERTURB")) {
        char *p = out + lo.offset;
        set_real(p, f32, ((double)get_real(p, f32) + 1.0) * 1.001);
    }

    int expect = FB_OK;
    if (c.kind == FUZZ_R2R && c.type == 1 && !c.dst)
        for (int a = 0; a < c.naxes; ++a)
            if (c.shape[c.axes[a]] == 1) expect = FB_EINVAL;
    if (err != expect) {
        char msg[80];
        snprintf(msg, sizeof msg, "returned %d, expected %d", err, expect);
        fail(&c, msg);
    }
    if (expect != FB_OK || ie == 0 || oe == 0) {   /* nothing may have been written */
        if (memcmp(in, saved, li.bytes) != 0) fail(&c, "input written with no work to do");
        for (size_t b = 0; !c.inplace && b < lo.bytes; ++b)
            if ((unsigned char)out[b] != 0xA5u) fail(&c, "output written with no work to do");
    } else {
        if (c.inplace) check_gaps(&c, &lo, out, saved, "in place");
        else {
            check_gaps(&c, &lo, out, NULL, "output");
            if (memcmp(in, saved, li.bytes) != 0) fail(&c, "out-of-place input was written");
        }
        if (c.sampled) {
            /* every output finite, then the samples */
            for (int64_t i = 0; i < oe; ++i) {
                const char *p = out + offset_of(&lo, i);
                if (!isfinite((double)get_real(p, f32)) ||
                    (ocplx && !isfinite((double)get_real(p + rs, f32))))
                    fail(&c, "non-finite output");
            }
            check_sampled(&c, din, &lo, out, fct);
        } else {
            check_full(&c, din, &lo, out, fct);
        }
    }
    fuzz_checked++;
    fuzz_checked_simd[c.simd]++;
    if (getenv("FUZZ_LIST")) {   /* one line per checked case (which lengths a corpus holds) */
        fuzz_describe(&c, describe_buf, sizeof describe_buf);
        printf("checked: %s\n", describe_buf);
    }
    free(din);
    free(saved);
    if (!c.inplace) free(out);
    free(in);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_one(data, size) == 0 ? 0 : -1;
}
