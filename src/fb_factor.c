/* fb_factor.c: factorisation, cost model and good sizes; see fb_factor.h. */
#include "fb_factor.h"

int fb_factorize_radix(fb_idx n, fb_idx *fct, int max2)
{
    int nf = 0;
    int twos = 0;
    while ((n & 1) == 0 && n > 1) { n >>= 1; ++twos; }
    if (max2 >= 16) {
        /* 2^twos in the fewest passes, P = ceil(twos / 4): as many 8s as fit, 16s for the rest
         * (8192 = 16 8 8 8, four passes where 8 8 8 4 4 took five); short of 3 P, 8s and one
         * 4 or 2. A radix-16 butterfly needs all 32 vector registers of AVX-512 for its
         * values, so 8s stay where they suffice. */
        const int passes = (twos + 3) / 4;
        const int sixteens = twos - 3 * passes > 0 ? twos - 3 * passes : 0;
        twos -= 4 * sixteens;
        for (int j = 0; j < sixteens; ++j) fct[nf++] = 16;
    }
    int eights = twos / 3, rest = twos % 3;
    if (rest == 1 && eights > 0) { --eights; rest = 4; }   /* 8*2 -> 4*4 */
    for (int j = 0; j < eights; ++j) fct[nf++] = 8;
    if (rest == 4) { fct[nf++] = 4; fct[nf++] = 4; }
    else if (rest == 2) fct[nf++] = 4;
    else if (rest == 1) fct[nf++] = 2;
    for (fb_idx p = 3; p * p <= n; p += 2)
        while (n % p == 0) { fct[nf++] = p; n /= p; }
    if (n > 1) fct[nf++] = n;
    /* trial division yields odd primes in increasing order, which is the order we want */
    return nf;
}

int fb_factorize(fb_idx n, fb_idx *fct)
{
    return fb_factorize_radix(n, fct, 16);
}

fb_idx fb_largest_factor(fb_idx n)
{
    fb_idx f[FB_MAXFACT];
    int nf = fb_factorize(n, f);
    fb_idx m = 1;
    for (int j = 0; j < nf; ++j) if (f[j] > m) m = f[j];
    return m;
}

/* Primes from which Rader's algorithm may replace the generic pass: below this the O(p) generic
 * butterfly, all in registers, keeps up with two short FFTs through memory (measured on lengths
 * 64 p: Rader is faster from p = 29 on, 2x at 97, 3x at 127). */
#define FB_RADER_MIN 29

static double bluestein_cost(fb_idx n);

/* Rader per element of the pass: two FFTs of length p - 1 (a plan without Rader passes of its
 * own, radix or Bluestein) plus the gathers, the kernel product and the scatter (the 6). */
static double rader_cost(fb_idx p)
{
    double sub = fb_cost_radix_ex(p - 1, 0), blue = bluestein_cost(p - 1);
    if (fb_largest_factor(p - 1) > 7 && blue < sub) sub = blue;
    return (2.0 * sub + 6.0 * (double)(p - 1)) / (double)p;
}

int fb_use_rader(fb_idx p)
{
    return p >= FB_RADER_MIN && rader_cost(p) < 0.9 * (double)p;
}

fb_idx fb_powmod(fb_idx b, fb_idx e, fb_idx p)
{
    unsigned __int128 r = 1, x = (unsigned __int128)((uint64_t)b % (uint64_t)p);
    for (uint64_t k = (uint64_t)e; k; k >>= 1) {
        if (k & 1) r = r * x % (uint64_t)p;
        x = x * x % (uint64_t)p;
    }
    return (fb_idx)r;
}

fb_idx fb_primitive_root(fb_idx p)
{
    fb_idx q[FB_MAXFACT];
    const int nq = fb_factorize(p - 1, q);
    for (fb_idx g = 2; g < p; ++g) {
        int ok = 1;
        for (int j = 0; j < nq && ok; ++j) {   /* the prime divisors: radices 4, 8, 16 stand for 2 */
            const fb_idx prime = q[j] % 2 == 0 ? 2 : q[j];
            if (fb_powmod(g, (p - 1) / prime, p) == 1) ok = 0;
        }
        if (ok) return g;
    }
    return 1;   /* p = 2 */
}

/* Rough time per element and pass, in units of a radix-2 pass; the generic odd pass costs O(p)
 * per element, Rader's O(log p). Radices 3, 5 and 7 as measured on vector lanes (AVX-512):
 * operation counts (1.7, 2.6, 3.6) made Bluestein take 9216 points for n = 4099 where
 * 8232 = 8 3 7^3 runs 17% faster, and 2^21 for 1000003 where 2007040 = 2^13 5 7^2 is 11% faster. */
static double pass_cost(fb_idx p, int rader)
{
    switch (p) {
    case 2: return 1.0;
    case 4: return 1.6;
    case 8: return 2.4;
    case 16: return 3.2;
    case 3: return 1.5;
    case 5: return 2.0;
    case 7: return 2.4;
    default: return rader && fb_use_rader(p) ? rader_cost(p) : 0.9 * (double)p;
    }
}

double fb_cost_radix_ex(fb_idx n, int rader)
{
    fb_idx f[FB_MAXFACT];
    int nf = fb_factorize(n, f);
    double c = 0.0;
    for (int j = 0; j < nf; ++j) c += pass_cost(f[j], rader);
    return (double)n * (c + 1.0);   /* +1: the copy in and out of every transform */
}

double fb_cost_radix(fb_idx n)
{
    return fb_cost_radix_ex(n, 1);
}

fb_idx fb_good_size(fb_idx n)
{
    if (n <= 1) return 1;
    fb_idx best = 2 * n;   /* a power of two >= n is at most this */
    for (fb_idx f7 = 1; f7 < best; f7 *= 7)
        for (fb_idx f75 = f7; f75 < best; f75 *= 5)
            for (fb_idx f753 = f75; f753 < best; f753 *= 3) {
                fb_idx x = f753;
                while (x < n) x *= 2;
                if (x < best) best = x;
            }
    return best;
}

fb_idx fb_bluestein_size(fb_idx n)
{
    /* The cheapest smooth length in [2n - 1, 1.25 (2n - 1)], not just the smallest: 65537 would
     * otherwise get 131220 = 4 * 3^8 * 5 where 2^15 * 5 = 163840 is no slower and 2^a 3 fits. */
    const fb_idx lo = 2 * n - 1, hi = lo + lo / 4;
    fb_idx best = fb_good_size(lo);
    double bestcost = fb_cost_radix(best);
    for (fb_idx f7 = 1; f7 <= hi; f7 *= 7)
        for (fb_idx f75 = f7; f75 <= hi; f75 *= 5)
            for (fb_idx f753 = f75; f753 <= hi; f753 *= 3) {
                fb_idx x = f753;
                while (x < lo) x *= 2;
                if (x > hi) continue;
                double c = fb_cost_radix(x);
                if (c < bestcost) { best = x; bestcost = c; }
            }
    return best;
}

/* two length-m transforms plus three pointwise complex products; the 1.3 reflects the extra
 * memory traffic of the longer buffers */
static double bluestein_cost(fb_idx n)
{
    const fb_idx m = fb_bluestein_size(n);
    return 1.3 * (2.0 * fb_cost_radix(m) + 3.0 * (double)m);
}

int fb_prefer_bluestein_ex(fb_idx n, int rader)
{
    if (fb_largest_factor(n) <= 7) return 0;
    return bluestein_cost(n) < fb_cost_radix_ex(n, rader);
}

int fb_prefer_bluestein(fb_idx n)
{
    return fb_prefer_bluestein_ex(n, 1);
}
