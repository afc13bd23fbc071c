/* fb_dispatch.c: runtime CPU dispatch between the builds of fb_target.h.
 *
 * The best target the CPU supports is chosen once, at the first call. FFTBACKEND_SIMD=baseline,
 * =avx2 or =avx512 caps the level (so tests can run every path the machine supports); a level the
 * CPU or the build lacks falls back to the best one below it, and fb_simd_level() says what is in
 * use. */
#include "fb_batch.h"
#include "fb_rfft.h"
#include "fb_corr.h"
#include "fb_dct.h"
#include "fb_osconv.h"
#include "fb_cache_api.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef int (*c2c_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                      int, const int *, int, double, int);
typedef int (*r2c_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                      int, int, int, double, int);
typedef int (*c2r_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                      int, int, double, int);
typedef int (*corr_d_fn)(const double *, fb_idx, const double *, fb_idx, fb_idx, double *, fb_idx,
                         fb_idx, fb_idx, int);
typedef int (*corr_f_fn)(const float *, fb_idx, const float *, fb_idx, fb_idx, float *, fb_idx,
                         fb_idx, fb_idx, int);
typedef int (*osconv_d_fn)(const double *, fb_idx, fb_idx, const fb_cd *, fb_idx, fb_idx, double *,
                           fb_idx, fb_idx, fb_idx, fb_idx);
typedef int (*osconv_f_fn)(const float *, fb_idx, fb_idx, const fb_cf *, fb_idx, fb_idx, float *,
                           fb_idx, fb_idx, fb_idx, fb_idx);
typedef int (*r2r_fn)(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *,
                      int, const int *, int, int, int, double, int);

#define FB_TARGET_DECLS(T)                                                                     \
    int fb_c2c_d_##T(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *, \
                     int, const int *, int, double, int);                                      \
    int fb_c2c_f_##T(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *, \
                     int, const int *, int, double, int);                                      \
    int fb_r2c_d_##T(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *, \
                     int, int, int, double, int);                                              \
    int fb_r2c_f_##T(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *, \
                     int, int, int, double, int);                                              \
    int fb_c2r_d_##T(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *, \
                     int, int, double, int);                                                   \
    int fb_c2r_f_##T(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *, \
                     int, int, double, int);                                                   \
    int fb_r2r_d_##T(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *, \
                     int, const int *, int, int, int, double, int);                            \
    int fb_r2r_f_##T(const void *, void *, int, const fb_idx *, const fb_idx *, const fb_idx *, \
                     int, const int *, int, int, int, double, int);                            \
    int fb_corr_d_##T(const double *, fb_idx, const double *, fb_idx, fb_idx, double *, fb_idx, \
                      fb_idx, fb_idx, int);                                                    \
    int fb_corr_f_##T(const float *, fb_idx, const float *, fb_idx, fb_idx, float *, fb_idx,    \
                      fb_idx, fb_idx, int);                                                    \
    int fb_osconv_d_##T(const double *, fb_idx, fb_idx, const fb_cd *, fb_idx, fb_idx, double *, \
                        fb_idx, fb_idx, fb_idx, fb_idx);                                       \
    int fb_osconv_f_##T(const float *, fb_idx, fb_idx, const fb_cf *, fb_idx, fb_idx, float *,   \
                        fb_idx, fb_idx, fb_idx, fb_idx);
FB_TARGET_DECLS(base)
#if defined(FB_HAVE_AVX2)
FB_TARGET_DECLS(avx2)
#endif
#if defined(FB_HAVE_AVX512)
FB_TARGET_DECLS(avx512)
#endif

static c2c_fn c2c_d = fb_c2c_d_base, c2c_f = fb_c2c_f_base;
static r2c_fn r2c_d = fb_r2c_d_base, r2c_f = fb_r2c_f_base;
static c2r_fn c2r_d = fb_c2r_d_base, c2r_f = fb_c2r_f_base;
static r2r_fn r2r_d = fb_r2r_d_base, r2r_f = fb_r2r_f_base;
static corr_d_fn corr_d = fb_corr_d_base;
static corr_f_fn corr_f = fb_corr_f_base;
static osconv_d_fn osconv_d = fb_osconv_d_base;
static osconv_f_fn osconv_f = fb_osconv_f_base;
static const char *level = "baseline";
static pthread_once_t choose_once = PTHREAD_ONCE_INIT;

static int cpu_has_avx2(void)
{
#if defined(FB_HAVE_AVX2) && (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

static int cpu_has_avx512(void)
{
#if defined(FB_HAVE_AVX512) && (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
    __builtin_cpu_init();
    return cpu_has_avx2() && __builtin_cpu_supports("avx512f") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512bw");
#else
    return 0;
#endif
}

#define FB_USE_TARGET(T)                                       \
    do {                                                       \
        c2c_d = fb_c2c_d_##T; c2c_f = fb_c2c_f_##T;            \
        r2c_d = fb_r2c_d_##T; r2c_f = fb_r2c_f_##T;            \
        c2r_d = fb_c2r_d_##T; c2r_f = fb_c2r_f_##T;            \
        r2r_d = fb_r2r_d_##T; r2r_f = fb_r2r_f_##T;            \
        corr_d = fb_corr_d_##T; corr_f = fb_corr_f_##T;        \
        osconv_d = fb_osconv_d_##T; osconv_f = fb_osconv_f_##T; \
        level = #T;                                            \
    } while (0)

/* The best level the CPU has, capped by FFTBACKEND_SIMD (baseline < avx2 < avx512). */
static void choose(void)
{
    const char *want = getenv("FFTBACKEND_SIMD");
    int cap = 2;
    if (want && strcmp(want, "baseline") == 0) cap = 0;
    if (want && strcmp(want, "avx2") == 0) cap = 1;
    (void)cap;
#if defined(FB_HAVE_AVX512)
    if (cap >= 2 && cpu_has_avx512()) {
        FB_USE_TARGET(avx512);
        return;
    }
#endif
#if defined(FB_HAVE_AVX2)
    if (cap >= 1 && cpu_has_avx2()) FB_USE_TARGET(avx2);
#endif
}

const char *fb_simd_level(void)
{
    pthread_once(&choose_once, choose);
    return level;
}

int fb_c2c_d(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int naxes, const int *axes, int fwd, double fct, int nthreads)
{
    pthread_once(&choose_once, choose);
    return c2c_d(in, out, ndim, shape, istride, ostride, naxes, axes, fwd, fct, nthreads);
}

int fb_c2c_f(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int naxes, const int *axes, int fwd, double fct, int nthreads)
{
    pthread_once(&choose_once, choose);
    return c2c_f(in, out, ndim, shape, istride, ostride, naxes, axes, fwd, fct, nthreads);
}

int fb_r2c_d(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int axis, int fwd, int full, double fct, int nthreads)
{
    pthread_once(&choose_once, choose);
    return r2c_d(in, out, ndim, shape, istride, ostride, axis, fwd, full, fct, nthreads);
}

int fb_r2c_f(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int axis, int fwd, int full, double fct, int nthreads)
{
    pthread_once(&choose_once, choose);
    return r2c_f(in, out, ndim, shape, istride, ostride, axis, fwd, full, fct, nthreads);
}

int fb_c2r_d(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int axis, int fwd, double fct, int nthreads)
{
    pthread_once(&choose_once, choose);
    return c2r_d(in, out, ndim, shape, istride, ostride, axis, fwd, fct, nthreads);
}

int fb_c2r_f(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int axis, int fwd, double fct, int nthreads)
{
    pthread_once(&choose_once, choose);
    return c2r_f(in, out, ndim, shape, istride, ostride, axis, fwd, fct, nthreads);
}

int fb_r2r_d(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int naxes, const int *axes, int dst, int type, int ortho,
             double fct, int nthreads)
{
    pthread_once(&choose_once, choose);
    return r2r_d(in, out, ndim, shape, istride, ostride, naxes, axes, dst, type, ortho, fct,
                 nthreads);
}

int fb_r2r_f(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
             const fb_idx *ostride, int naxes, const int *axes, int dst, int type, int ortho,
             double fct, int nthreads)
{
    pthread_once(&choose_once, choose);
    return r2r_f(in, out, ndim, shape, istride, ostride, naxes, axes, dst, type, ortho, fct,
                 nthreads);
}

int fb_corr_d(const double *x, fb_idx xs, const double *k, fb_idx kr, fb_idx kc, double *out,
              fb_idx os, fb_idx nr, fb_idx nc, int accumulate)
{
    pthread_once(&choose_once, choose);
    return corr_d(x, xs, k, kr, kc, out, os, nr, nc, accumulate);
}

int fb_corr_f(const float *x, fb_idx xs, const float *k, fb_idx kr, fb_idx kc, float *out,
              fb_idx os, fb_idx nr, fb_idx nc, int accumulate)
{
    pthread_once(&choose_once, choose);
    return corr_f(x, xs, k, kr, kc, out, os, nr, nc, accumulate);
}

int fb_osconv_d(const double *x, fb_idx nx, fb_idx xls, const fb_cd *H, fb_idx nfft, fb_idx K,
                double *out, fb_idx s, fb_idx nout, fb_idx ols, fb_idx nlines)
{
    pthread_once(&choose_once, choose);
    return osconv_d(x, nx, xls, H, nfft, K, out, s, nout, ols, nlines);
}

int fb_osconv_f(const float *x, fb_idx nx, fb_idx xls, const fb_cf *H, fb_idx nfft, fb_idx K,
                float *out, fb_idx s, fb_idx nout, fb_idx ols, fb_idx nlines)
{
    pthread_once(&choose_once, choose);
    return osconv_f(x, nx, xls, H, nfft, K, out, s, nout, ols, nlines);
}

/* ---- plan caches (fb_cache_api.h): each target has its own; the active one's are acted on ---- */

typedef void (*cache_info_fn)(fb_cache_stats *);
typedef void (*cache_clear_fn)(void);
typedef void (*cache_limit_fn)(fb_idx);

#define FB_CACHE_DECLS(T)                                                                      \
    void fb_cplan_cache_info_##T(fb_cache_stats *);                                            \
    void fb_rplan_cache_info_##T(fb_cache_stats *);                                            \
    void fb_dplan_cache_info_##T(fb_cache_stats *);                                            \
    void fb_cplan_cache_clear_##T(void);                                                       \
    void fb_rplan_cache_clear_##T(void);                                                       \
    void fb_dplan_cache_clear_##T(void);                                                       \
    void fb_cplan_cache_set_max_bytes_##T(fb_idx);                                             \
    void fb_rplan_cache_set_max_bytes_##T(fb_idx);                                             \
    void fb_dplan_cache_set_max_bytes_##T(fb_idx);
#define FB_CACHE_ROW(NAME, T)                                                                  \
    {NAME,                                                                                     \
     {fb_cplan_cache_info_##T, fb_rplan_cache_info_##T, fb_dplan_cache_info_##T},              \
     {fb_cplan_cache_clear_##T, fb_rplan_cache_clear_##T, fb_dplan_cache_clear_##T},           \
     {fb_cplan_cache_set_max_bytes_##T, fb_rplan_cache_set_max_bytes_##T,                     \
      fb_dplan_cache_set_max_bytes_##T}}
FB_CACHE_DECLS(base)
#if defined(FB_HAVE_AVX2)
FB_CACHE_DECLS(avx2)
#endif
#if defined(FB_HAVE_AVX512)
FB_CACHE_DECLS(avx512)
#endif

/* one row per target, found by the name `level` holds (a new target adds its row) */
static const struct {
    const char *level;
    cache_info_fn info[3];     /* complex, real, r2r: two entries (double, float) each */
    cache_clear_fn clear[3];
    cache_limit_fn limit[3];
} cache_targets[] = {
    FB_CACHE_ROW("baseline", base),
#if defined(FB_HAVE_AVX2)
    FB_CACHE_ROW("avx2", avx2),
#endif
#if defined(FB_HAVE_AVX512)
    FB_CACHE_ROW("avx512", avx512),
#endif
};

static int active_caches(void)
{
    pthread_once(&choose_once, choose);
    for (size_t t = 0; t < sizeof cache_targets / sizeof cache_targets[0]; ++t)
        if (strcmp(cache_targets[t].level, level) == 0) return (int)t;
    return 0;
}

void fb_cache_info(fb_cache_stats out[FB_CACHE_KINDS])
{
    const int t = active_caches();
    for (int k = 0; k < 3; ++k) cache_targets[t].info[k](out + 2 * k);
}

void fb_cache_clear(void)
{
    const int t = active_caches();
    for (int k = 0; k < 3; ++k) cache_targets[t].clear[k]();
}

void fb_cache_set_max_bytes(fb_idx max_bytes)
{
    const int t = active_caches();
    for (int k = 0; k < 3; ++k) cache_targets[t].limit[k](max_bytes);
}
