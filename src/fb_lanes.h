/* fb_lanes.h: the lane types the passes are instantiated for.
 *
 * A lane value holds the same element of several rows at once (GCC vector extension), so a pass
 * written for scalars transforms FB_VLEN_D rows of doubles or FB_VLEN_F rows of floats per
 * instruction. The baseline build uses 16-byte vectors (SSE2, present on every x86-64); the AVX2
 * build 32-byte ones, the AVX-512 build 64-byte ones for doubles; the same sources serve all
 * (fb_target.h).
 */
#ifndef FB_LANES_H
#define FB_LANES_H

#include "fb_target.h"
#include "fb_common.h"
#include "fb_plan.h"
#include <string.h>
#include "fb_pool.h"

/* The vector width of this compilation target (fb_target.h picks one per build of the kernels). */
/* The AVX-512 build gives doubles 64-byte lanes (8 rows per vector): measured on a Xeon (two
 * 512-bit FMA units), fft 2^20 0.80 -> 0.70 of SciPy, 1000003 0.91 -> 0.64, a 1000x1024 batch
 * 0.59 -> 0.48. Floats keep 32-byte lanes (8 of them) there, since 16 float lanes would need a
 * radix-16 lane combine (fb_cfft_split.h). Blocked transforms then take 2 groups of 8 lanes
 * (FB_BLK_GROUPS), which keeps their scratch inside the L2 cache. */
#if defined(FB_SIMD_AVX512)
#define FB_VLEN_D 8
#define FB_VLEN_F 8
#define FB_VBYTES_D 64
#define FB_VBYTES_F 32
#elif defined(FB_SIMD_AVX2)
#define FB_VLEN_D 4
#define FB_VLEN_F 8
#define FB_VBYTES_D 32
#define FB_VBYTES_F 32
#else
#define FB_VLEN_D 2
#define FB_VLEN_F 4
#define FB_VBYTES_D 16
#define FB_VBYTES_F 16
#endif

/* The largest power-of-two radix of the plans (fb_factorize_radix): 16 where there are 16 or 32
 * vector registers of 4 or 8 doubles (fft 65536 and 2^20: 10% faster than radix 8 on AVX-512,
 * 5% on AVX2), 8 for SSE2's, where 16 ran 20% slower. */
#define FB_MAX_RADIX2 (FB_VBYTES_D >= 32 ? 16 : 8)

typedef double fb_vd __attribute__((vector_size(FB_VBYTES_D)));
typedef float fb_vf __attribute__((vector_size(FB_VBYTES_F)));
typedef long long fb_md __attribute__((vector_size(FB_VBYTES_D)));   /* shuffle masks */
typedef int fb_mf __attribute__((vector_size(FB_VBYTES_F)));

/* Non-temporal stores of one vector to an address aligned to its size: the line goes to memory
 * without being read first (no read-for-ownership) and without evicting cached data. For
 * results far larger than the caches only; an sfence (fb_stream_fence) must follow the last. */
#if defined(__SSE2__)
#include <immintrin.h>
static inline void fb_vd_stream(void *x, fb_vd a)
{
#if FB_VBYTES_D == 64
    _mm512_stream_pd((double *)x, (__m512d)a);
#elif FB_VBYTES_D == 32
    _mm256_stream_pd((double *)x, (__m256d)a);
#else
    _mm_stream_pd((double *)x, (__m128d)a);
#endif
}
static inline void fb_vf_stream(void *x, fb_vf a)
{
#if FB_VBYTES_F == 32
    _mm256_stream_ps((float *)x, (__m256)a);
#else
    _mm_stream_ps((float *)x, (__m128)a);
#endif
}
static inline void fb_stream_fence(void) { _mm_sfence(); }
#define FB_HAVE_STREAM 1
#else
static inline void fb_vd_stream(void *x, fb_vd a) { memcpy(x, &a, sizeof a); }
static inline void fb_vf_stream(void *x, fb_vf a) { memcpy(x, &a, sizeof a); }
static inline void fb_stream_fence(void) {}
#define FB_HAVE_STREAM 0
#endif
typedef struct { fb_vd r, i; } fb_cvd;
typedef struct { fb_vf r, i; } fb_cvf;

/* FB_SHUFFLE(MASK_TYPE, a, b, indices...): elements of a (0 .. V-1) and b (V .. 2V-1). */
#if defined(__clang__)
#define FB_SHUFFLE(M, a, b, ...) __builtin_shufflevector(a, b, __VA_ARGS__)
#else
#define FB_SHUFFLE(M, a, b, ...) __builtin_shuffle(a, b, (M){__VA_ARGS__})
#endif

/* Index lists for V lanes: EVEN/ODD pick the real/imaginary parts out of V interleaved complex
 * values held in two vectors; LO/HI interleave real and imaginary vectors back. */
#define FB_EVEN_2 0, 2
#define FB_ODD_2 1, 3
#define FB_LO_2 0, 2
#define FB_HI_2 1, 3
#define FB_EVEN_4 0, 2, 4, 6
#define FB_ODD_4 1, 3, 5, 7
#define FB_LO_4 0, 4, 1, 5
#define FB_HI_4 2, 6, 3, 7
#define FB_EVEN_8 0, 2, 4, 6, 8, 10, 12, 14
#define FB_ODD_8 1, 3, 5, 7, 9, 11, 13, 15
#define FB_LO_8 0, 8, 1, 9, 2, 10, 3, 11
#define FB_HI_8 4, 12, 5, 13, 6, 14, 7, 15
#define FB_REV_2 1, 0
#define FB_REV_4 3, 2, 1, 0
#define FB_REV_8 7, 6, 5, 4, 3, 2, 1, 0
/* lane l from lane (V - l) mod V: reversed, lane 0 kept (pairs k1 with n1 - k1) */
#define FB_RROT_2 0, 1
#define FB_RROT_4 0, 3, 2, 1
#define FB_RROT_8 0, 7, 6, 5, 4, 3, 2, 1
/* of two vectors z, a: z's lanes 0 and 1 (one complex value, interleaved), then a's */
#define FB_SET01_2 0, 1
#define FB_SET01_4 0, 1, 6, 7
#define FB_SET01_8 0, 1, 10, 11, 12, 13, 14, 15
#define FB_IDX(NAME, V) FB_CAT2(NAME, V)
#define FB_LIST(...) __VA_ARGS__

/* Moving V complex values between interleaved storage (r0 i0 r1 i1 ...) and one lane value with
 * shuffles instead of element by element:
 *   fb_cvX_load(v, x)            v gets x[0 .. V-1]
 *   fb_cvX_store(v, x)           x[0 .. V-1] gets v
 *   fb_cvX_store_rows(v, x, st)  x[0], x[st], x[2 st], ... get v  (one element of V rows)
 *   fb_cvX_load_rev / _store_rev the same with the lanes in reverse order (x[V-1] in lane 0) */
#define FB_DEFINE_LANE_MOVES(X, CT, CVT, VT, MT, V)                                           \
    static inline void fb_cv##X##_load(CVT *v, const CT *x)                                   \
    {                                                                                         \
        VT a, b;                                                                              \
        memcpy(&a, x, sizeof a);                                                              \
        memcpy(&b, x + V / 2, sizeof b);                                                      \
        v->r = FB_SHUFFLE(MT, a, b, FB_IDX(FB_EVEN_, V));                                     \
        v->i = FB_SHUFFLE(MT, a, b, FB_IDX(FB_ODD_, V));                                      \
    }                                                                                         \
    static inline void fb_cv##X##_store(const CVT *v, CT *x)                                  \
    {                                                                                         \
        VT a = FB_SHUFFLE(MT, v->r, v->i, FB_IDX(FB_LO_, V));                                 \
        VT b = FB_SHUFFLE(MT, v->r, v->i, FB_IDX(FB_HI_, V));                                 \
        memcpy(x, &a, sizeof a);                                                              \
        memcpy(x + V / 2, &b, sizeof b);                                                      \
    }                                                                                         \
    static inline void fb_cv##X##_load_rev(CVT *v, const CT *x)                               \
    {                                                                                         \
        fb_cv##X##_load(v, x);                                                                \
        v->r = FB_SHUFFLE(MT, v->r, v->r, FB_IDX(FB_REV_, V));                                \
        v->i = FB_SHUFFLE(MT, v->i, v->i, FB_IDX(FB_REV_, V));                                \
    }                                                                                         \
    static inline void fb_cv##X##_store_rev(const CVT *v, CT *x)                              \
    {                                                                                         \
        CVT t;                                                                                \
        t.r = FB_SHUFFLE(MT, v->r, v->r, FB_IDX(FB_REV_, V));                                 \
        t.i = FB_SHUFFLE(MT, v->i, v->i, FB_IDX(FB_REV_, V));                                 \
        fb_cv##X##_store(&t, x);                                                              \
    }                                                                                         \
    static inline void fb_cv##X##_store_nt(const CVT *v, CT *x)   /* x 64-byte aligned */     \
    {                                                                                         \
        fb_v##X##_stream(x, FB_SHUFFLE(MT, v->r, v->i, FB_IDX(FB_LO_, V)));                   \
        fb_v##X##_stream(x + V / 2, FB_SHUFFLE(MT, v->r, v->i, FB_IDX(FB_HI_, V)));           \
    }                                                                                         \
    /* each value copied straight out of the interleaved vectors: GCC stores it with one     \
     * vextract, where a copy through a CT array went through general registers (fft 7500:   \
     * blocked step 1 spent more time in these stores than in its column FFTs) */             \
    static inline void fb_cv##X##_store_rows(const CVT *v, CT *x, fb_idx st)                  \
    {                                                                                         \
        const VT a = FB_SHUFFLE(MT, v->r, v->i, FB_IDX(FB_LO_, V));                           \
        const VT b = FB_SHUFFLE(MT, v->r, v->i, FB_IDX(FB_HI_, V));                           \
        for (int l = 0; l < V / 2; ++l) {                                                     \
            memcpy(x + l * st, (const char *)&a + l * sizeof(CT), sizeof(CT));                \
            memcpy(x + (l + V / 2) * st, (const char *)&b + l * sizeof(CT), sizeof(CT));      \
        }                                                                                     \
    }

FB_DEFINE_LANE_MOVES(d, fb_cd, fb_cvd, fb_vd, fb_md, FB_VLEN_D)
FB_DEFINE_LANE_MOVES(f, fb_cf, fb_cvf, fb_vf, fb_mf, FB_VLEN_F)

/* Large lines: from FB_LARGE_MIN on, lines with a lane split or a blocked plan go one at a time
 * in batches (V of them side by side would need V times the scratch), and a blocked one is
 * shared between threads. Smooth lengths take the blocked algorithm, the memory-saving one, from
 * fb_blocked_min() (>= FB_LARGE_MIN, from the L2 size) on. Shorter blocked plans (odd mid-size
 * n) serve single rows only; batches of them take V rows per vector instead. */
#define FB_LARGE_MIN (1 << 16)
#define FB_LARGE_BLOCKED(p) ((p)->col && (p)->n >= FB_LARGE_MIN)
#define FB_LARGE_SPLIT(p) ((p)->half && (p)->n >= FB_LARGE_MIN)

/* Blocked transforms (fb_cfft_blocked.h) handle this many vector groups at once (4 groups of 4
 * or 2 groups of 8 lanes: 16 values, whole cache lines); each group needs FB_BLK_GROUP_SIZE(p)
 * vector values. */
#define FB_BLK_GROUPS (FB_VLEN_D == 8 ? 2 : 4)
#define FB_BLK_MAX(a, b) ((a) > (b) ? (a) : (b))
#define FB_BLK_GROUP_SIZE(p) (2 * FB_BLK_MAX((p)->col->n, (p)->row->n) + \
                              FB_BLK_MAX((p)->col->maxgen, (p)->row->maxgen))

/* Where value k = k1 + n1 k2 of a blocked transform's result (n1 x n2, R rows per block) sits
 * in the layout of its buffer W (fb_cfft_blocked.h): blocks of R rows, element k2 of a block's
 * rows side by side. */
static inline fb_idx fb_blk_wpos(fb_idx n1, fb_idx n2, fb_idx R, fb_idx k)
{
    const fb_idx k1 = k % n1, k2 = k / n1, K = k1 / R, RK = (K + 1) * R <= n1 ? R : n1 - K * R;
    return K * R * n2 + k2 * RK + (k1 - K * R);
}

/* A source computed on the fly for a blocked transform's first step: fn(ctx, k0, lanes, b, gs)
 * writes the input values k0 .. k0 + lanes - 1 (lanes <= FB_BLK_GROUPS * V) to the vector lanes
 * b[g * gs].r/i[l] (value k0 + g V + l), zero past `lanes`. Used by fb_cexec_loaded_X.
 * (No prefetching of what fn reads: asking for the inverse real FFT's runs some rows ahead made
 * irfft 2^20 faster after 64 MiB of other traffic, 9.4 -> 7.8 ms, but slower in a loop of
 * calls, 5.3 -> 6.5 ms, and warm calls are what counts.) */
typedef struct {
    void (*fn)(const void *ctx, fb_idx k0, int lanes, fb_cvd *b, fb_idx gs);
    const void *ctx;
} fb_loader_d;
typedef struct {
    void (*fn)(const void *ctx, fb_idx k0, int lanes, fb_cvf *b, fb_idx gs);
    const void *ctx;
} fb_loader_f;



/* Transforms `data` (n lane values, n the plan's length) forward (fwd = 1) or backward, using
 * `other` (n values) as the ping-pong buffer and `work` (fb_cplan_X_work(plan) values) for the
 * rest. Returns the result: `data`, or `other` when fb_cplan_X_lands_in_other(plan), so a caller
 * can place the input where the result will end up and save a copy. Never fails: all memory is
 * the caller's. */
fb_cd *fb_cexec_d(const fb_cplan_d *p, int fwd, fb_cd *data, fb_cd *other, fb_cd *work);
fb_cf *fb_cexec_f(const fb_cplan_f *p, int fwd, fb_cf *data, fb_cf *other, fb_cf *work);
fb_cvd *fb_cexec_vd(const fb_cplan_d *p, int fwd, fb_cvd *data, fb_cvd *other, fb_cvd *work);
fb_cvf *fb_cexec_vf(const fb_cplan_f *p, int fwd, fb_cvf *data, fb_cvf *other, fb_cvf *work);

/* For plans with a lane split or a blocked algorithm (p->half or p->col not NULL): transforms
 * the n values at src (byte stride ss), scaled by fct as they are read, into data (n values);
 * work holds fb_cplan_X_work(p) values. Reading the source directly saves the copy into a
 * contiguous buffer; src may equal data. With stream != 0 the result is written with
 * non-temporal stores where data allows (64-byte aligned): for results much larger than the
 * caches (fb_stream_min), which then cost no read-for-ownership; the same values either way.
 * Returns data. */
fb_cd *fb_cexec_from_d(const fb_cplan_d *p, int fwd, const char *src, fb_idx ss, double fct,
                       fb_cd *data, fb_cd *work, int stream);
/* fb_cexec_from_mt_X with the input computed by a loader (above) instead of read, for plans
 * with a blocked algorithm (else FB_EINVAL, nothing done); stream as for fb_cexec_from_X.
 * FB_OK or FB_ENOMEM (a thread's scratch: data incomplete). */
int fb_cexec_loaded_d(const fb_cplan_d *p, int fwd, const fb_loader_d *ld, fb_cd *data,
                      fb_cd *work, int nthreads, int stream);
int fb_cexec_loaded_f(const fb_cplan_f *p, int fwd, const fb_loader_f *ld, fb_cf *data,
                      fb_cf *work, int nthreads, int stream);
/* fb_cexec_from_X on up to nthreads threads (blocked plans; others run on one), with the same
 * result bit for bit. Returns FB_OK or FB_ENOMEM (a thread's scratch). */
int fb_cexec_from_mt_d(const fb_cplan_d *p, int fwd, const char *src, fb_idx ss, double fct,
                       fb_cd *data, fb_cd *work, int nthreads, int stream);
int fb_cexec_from_mt_f(const fb_cplan_f *p, int fwd, const char *src, fb_idx ss, float fct,
                       fb_cf *data, fb_cf *work, int nthreads, int stream);
/* The real FFT of 2n values at src (contiguous, times fct) through a blocked plan of length n,
 * its untangling done inside the plan's second step (fb_cfft_blocked_r2c.h): X (n + 1 values)
 * from tw (w_2n^k, k <= n/2); fwd = 0 conjugates X. state holds state_len values of scratch
 * (one share's; plenty: 2n + 2); stream as for fb_cexec_from_X. Returns FB_OK, FB_EINVAL
 * (not such a plan, or too little state: nothing done) or FB_ENOMEM (a thread's scratch: X
 * incomplete).
 * Usage, as in fb_rfft_tmpl.h:
 *     if (fb_cexec_r2c_d(cp, (const char *)x, 1.0, tw, 1, X, work, buf, 2 * n + 2, nth, 0))
 *         ... the complex transform and a separate untangling pass ... */
int fb_cexec_r2c_d(const fb_cplan_d *p, const char *src, double fct, const fb_cd *tw, int fwd,
                   fb_cd *X, fb_cd *work, fb_cd *state, fb_idx state_len, int nthreads,
                   int stream);
int fb_cexec_r2c_f(const fb_cplan_f *p, const char *src, float fct, const fb_cf *tw, int fwd,
                   fb_cf *X, fb_cf *work, fb_cf *state, fb_idx state_len, int nthreads,
                   int stream);
/* For plans with a blocked algorithm (p->col), Bluestein's two transforms with its pointwise
 * products done where step 2 writes: the transform of src (contiguous; may be data) into data,
 * each result times mul's value at its place in the blocked layout (fb_blk_wpos, blocks of
 * FB_BLK_GROUPS V rows); or, with post (mul NULL), only results k < limit, times post[k] and
 * conjugated if conj. Returns data. */
fb_cd *fb_cexec_chirp_d(const fb_cplan_d *p, int fwd, const fb_cd *src, fb_cd *data, fb_cd *work,
                        const fb_cd *mul, const fb_cd *post, fb_idx limit, int conj);
fb_cf *fb_cexec_chirp_f(const fb_cplan_f *p, int fwd, const fb_cf *src, fb_cf *data, fb_cf *work,
                        const fb_cf *mul, const fb_cf *post, fb_idx limit, int conj);
/* For plans with a blocked algorithm (p->col): the forward transform of n REAL values at src
 * (byte stride ss, times fct) into data (n complex values), two real columns per lane in the
 * column step. Returns data. */
fb_cd *fb_cexec_real_d(const fb_cplan_d *p, const char *src, fb_idx ss, double fct, fb_cd *data,
                       fb_cd *work);
fb_cf *fb_cexec_real_f(const fb_cplan_f *p, const char *src, fb_idx ss, float fct, fb_cf *data,
                       fb_cf *work);
fb_cf *fb_cexec_from_f(const fb_cplan_f *p, int fwd, const char *src, fb_idx ss, float fct,
                       fb_cf *data, fb_cf *work, int stream);

#endif
