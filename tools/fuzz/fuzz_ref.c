/* fuzz_ref.c: the direct transforms of fuzz_ref.h. Written from the definitions in the kernel
 * headers, term by term, on purpose without any fast-transform structure. */
#include "fuzz_ref.h"

#include <math.h>
#include <stdlib.h>

#define REF_PI 3.141592653589793238462643383279502884L

/* Sums run in blocks of REF_BLOCK terms whose partial sums are then added up: plain recursive
 * summation of n like terms (a constant input line) errs by up to n units of roundoff, which
 * at n = 2^18 in long double (2^18 * 2^-64 = 1.4e-14) would be as large as the double kernels'
 * own error; in blocks it is (REF_BLOCK + n / REF_BLOCK) units at most. */
#define REF_BLOCK 64
#define REF_SQRT2 1.414213562373095048801688724209698079L

int ref_trig_init(ref_trig *t, int64_t N)
{
    t->N = N;
    t->c = (long double *)malloc(sizeof(long double) * (size_t)N);
    t->s = (long double *)malloc(sizeof(long double) * (size_t)N);
    if (!t->c || !t->s) { ref_trig_free(t); return -1; }
    for (int64_t m = 0; m < N; ++m) {
        /* the angle reduced to [0, pi/4] by symmetry would be a little more accurate; at
         * N <= 2^21 the direct long double angle is already good to ~1e-18 */
        const long double a = 2.0L * REF_PI * (long double)m / (long double)N;
        t->c[m] = cosl(a);
        t->s[m] = sinl(a);
    }
    return 0;
}

void ref_trig_free(ref_trig *t)
{
    free(t->c);
    free(t->s);
    t->c = t->s = NULL;
}

int64_t ref_c2c_period(int64_t n) { return n; }

int64_t ref_r2r_period(int64_t n, int dst, int type)
{
    if (type == 1) return dst ? 2 * (n + 1) : 2 * (n - 1);
    if (type == 4) return 8 * n;
    return 4 * n;
}

ref_c ref_c2c_bin(const ref_c *x, int64_t n, int64_t k, int fwd, const ref_trig *t)
{
    /* exp(-+ i theta) = c -+ i s */
    const long double sg = fwd ? -1.0L : 1.0L;
    ref_c y = {0.0L, 0.0L};
    for (int64_t j0 = 0; j0 < n; j0 += REF_BLOCK) {
        ref_c b = {0.0L, 0.0L};
        for (int64_t j = j0; j < n && j < j0 + REF_BLOCK; ++j) {
            const int64_t m = (j * k) % n;
            const long double c = t->c[m], s = sg * t->s[m];
            b.r += x[j].r * c - x[j].i * s;
            b.i += x[j].r * s + x[j].i * c;
        }
        y.r += b.r;
        y.i += b.i;
    }
    return y;
}

ref_c ref_r2c_bin(const long double *x, int64_t n, int64_t k, int fwd, const ref_trig *t)
{
    const long double sg = fwd ? -1.0L : 1.0L;
    ref_c y = {0.0L, 0.0L};
    for (int64_t j0 = 0; j0 < n; j0 += REF_BLOCK) {
        ref_c b = {0.0L, 0.0L};
        for (int64_t j = j0; j < n && j < j0 + REF_BLOCK; ++j) {
            const int64_t m = (j * k) % n;
            b.r += x[j] * t->c[m];
            b.i += x[j] * sg * t->s[m];
        }
        y.r += b.r;
        y.i += b.i;
    }
    return y;
}

long double ref_c2r_bin(const ref_c *X, int64_t n, int64_t j, int fwd, const ref_trig *t)
{
    /* x_j = X_0 + sum_{0<k<n/2} 2 Re(X_k e^{+-i theta}) + (even n) X_n/2 (-1)^j, and
     * Re((a + ib)(c +- is)) = a c -+ b s */
    const long double sg = fwd ? -1.0L : 1.0L;
    long double y = X[0].r;
    for (int64_t k0 = 1; 2 * k0 < n; k0 += REF_BLOCK) {
        long double b = 0.0L;
        for (int64_t k = k0; 2 * k < n && k < k0 + REF_BLOCK; ++k) {
            const int64_t m = (j * k) % n;
            b += 2.0L * (X[k].r * t->c[m] - sg * X[k].i * t->s[m]);
        }
        y += b;
    }
    if (n % 2 == 0) y += (j % 2 ? -1.0L : 1.0L) * X[n / 2].r;
    return y;
}

/* x_j after the orthogonalize pre-scaling of the types that have one */
static long double pre(const long double *x, int64_t n, int64_t j, int dst, int type, int ortho)
{
    if (!ortho) return x[j];
    if (!dst && type == 1 && (j == 0 || j == n - 1)) return x[j] * REF_SQRT2;
    if (!dst && type == 3 && j == 0) return x[j] * REF_SQRT2;
    if (dst && type == 3 && j == n - 1) return x[j] * REF_SQRT2;
    return x[j];
}

static long double post(long double y, int64_t n, int64_t k, int dst, int type, int ortho)
{
    if (!ortho) return y;
    if (!dst && type == 1 && (k == 0 || k == n - 1)) return y / REF_SQRT2;
    if (!dst && type == 2 && k == 0) return y / REF_SQRT2;
    if (dst && type == 2 && k == n - 1) return y / REF_SQRT2;
    return y;
}

/* 2 sum_{lo <= j < hi} x_j tab[((p j + q) r) mod N], in blocks */
static long double sum2(const long double *x, int64_t lo, int64_t hi, int64_t p, int64_t q,
                        int64_t r, const long double *tab, int64_t N)
{
    long double y = 0.0L;
    for (int64_t j0 = lo; j0 < hi; j0 += REF_BLOCK) {
        long double b = 0.0L;
        for (int64_t j = j0; j < hi && j < j0 + REF_BLOCK; ++j)
            b += 2.0L * x[j] * tab[((p * j + q) * r) % N];
        y += b;
    }
    return y;
}

long double ref_r2r_bin(const long double *x, int64_t n, int64_t k, int dst, int type, int ortho,
                        const ref_trig *t)
{
    const int64_t N = t->N;
    const long double *tab = dst ? t->s : t->c;
    long double y;
    if (type == 1 && !dst) {   /* x_0 + (-1)^k x_n-1 + 2 sum_{0<j<n-1} x_j cos(pi jk/(n-1)) */
        y = pre(x, n, 0, dst, type, ortho) +
            (k % 2 ? -1.0L : 1.0L) * pre(x, n, n - 1, dst, type, ortho) +
            sum2(x, 1, n - 1, 1, 0, k, tab, N);
    } else if (type == 1) {    /* 2 sum_j x_j sin(pi (j+1)(k+1)/(n+1)) */
        y = sum2(x, 0, n, 1, 1, k + 1, tab, N);
    } else if (type == 2) {    /* 2 sum_j x_j cs(pi k' (2j+1)/2n), k' = k (DCT) or k+1 (DST) */
        y = sum2(x, 0, n, 2, 1, dst ? k + 1 : k, tab, N);
    } else if (type == 3 && !dst) {   /* x_0 + 2 sum_{j>0} x_j cos(pi j (2k+1)/2n) */
        y = pre(x, n, 0, dst, type, ortho) + sum2(x, 1, n, 1, 0, 2 * k + 1, tab, N);
    } else if (type == 3) {   /* (-1)^k x_n-1 + 2 sum_{j<n-1} x_j sin(pi (j+1)(2k+1)/2n) */
        y = (k % 2 ? -1.0L : 1.0L) * pre(x, n, n - 1, dst, type, ortho) +
            sum2(x, 0, n - 1, 1, 1, 2 * k + 1, tab, N);
    } else {                  /* 2 sum_j x_j cs(pi (2j+1)(2k+1)/4n) */
        y = sum2(x, 0, n, 2, 1, 2 * k + 1, tab, N);
    }
    return post(y, n, k, dst, type, ortho);
}
