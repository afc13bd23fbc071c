/* fuzz_case.c: decoding a fuzz input into a case, and array layouts (format in fuzz_case.h). */
#include "fuzz_case.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct { const uint8_t *p; size_t n, at; } reader;

static unsigned next(reader *r) { return r->at < r->n ? r->p[r->at++] : 0u; }

/* Primes from 29 up. Which plan each gets (fb_use_rader, fb_prefer_bluestein at the time of
 * writing): Rader's pass for 29, 31, 37, 41, 43, 53, 97, 127, 257, 307, 397, 401, 521, 769, 1009,
 * 1021, 2003, 2053, 8191; Bluestein for 47, 223, 311, 499, 503, 509, 653, 997, 1031, 1999, 2039,
 * 4093, 4099, 7919 (p - 1 has a large prime factor). Both kinds are kept so a change of the cost
 * model still finds each plan type here. */
static const fb_idx primes[] = {29,  31,  37,  41,  43,  47,  53,  97,   127,  223,  257,
                                307, 311, 397, 401, 499, 503, 509, 521,  653,  769,  997,
                                1009, 1021, 1031, 1999, 2003, 2039, 2053, 4093, 4099, 7919, 8191};
/* Composites with Rader factors: a Rader pass after radix passes (29*64), with a radix pass
 * inside the lane split (58: the r2c half length is 29), blocked plans whose column and row plans
 * are Rader passes (37*41, 37*41*43, 41^3, 255*257), and even lengths whose r2c / c2r half has
 * them (2*37*41, 2*255*257). */
static const fb_idx rader_mixed[] = {58,   87,   116,   145,   203,   232,   514,   771,
                                     1073, 1517, 1856,  3034,  12319, 16382, 65231, 68921,
                                     65535, 131070};
/* smooth lengths above the common range */
static const fb_idx smooth[] = {320, 384, 400, 480, 500, 512, 640, 729, 768, 1000, 1024, 1152,
                                1536, 2048, 2187, 2310, 3125, 4096, 4608, 8192};
/* 2^16 and up: the blocked (four-step) plans, split between threads for a single line */
static const fb_idx large[] = {65536, 65537, 65538, 69984, 98304, 100000, 131072, 196608,
                               262144, 65536 + 4096};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static fb_idx fuzz_len(unsigned b0, unsigned b1)
{
    switch (b0 & 7u) {
    case 4: return 1 + (fb_idx)(b1 % 16u);
    case 5:
        return (b0 & 0x80u) ? rader_mixed[b1 % COUNT(rader_mixed)] : primes[b1 % COUNT(primes)];
    case 6: return smooth[b1 % COUNT(smooth)];
    case 7: return (b0 & 0x80u) ? large[b1 % COUNT(large)] : 1 + (fb_idx)(b1 % 300u);
    default: return 1 + (fb_idx)((((b0 >> 3) << 8) | b1) % 300u);
    }
}

int fuzz_decode(const uint8_t *data, size_t size, fuzz_case *c)
{
    reader r = {data, size, 0};
    memset(c, 0, sizeof(*c));
    c->kind = (int)(next(&r) % 4u);
    const unsigned fl = next(&r), pa = next(&r), nd = next(&r), ax = next(&r), misc = next(&r);
    c->f32 = fl & 1u;
    c->simd = (int)((fl >> 1) & 3u);
    c->inplace = (fl >> 3) & 1u;
    c->fwd = !((fl >> 4) & 1u);
    c->full = (fl >> 5) & 1u;
    c->ortho = (fl >> 6) & 1u;
    c->dst = (fl >> 7) & 1u;
    c->type = (int)(pa & 3u) + 1;
    c->workers = (int)((pa >> 2) & 3u) + 1;
    if (c->workers == 4) c->workers = 1;
    c->fct_choice = (int)((pa >> 4) & 7u);
    c->nan_ignored = (pa >> 7) & 1u;
    c->ndim = (int)(nd % 3u) + 1;
    c->naxes = (int)((nd >> 2) & 3u) + 1;
    if (c->naxes > c->ndim) c->naxes = c->ndim;
    if (c->kind == FUZZ_R2C || c->kind == FUZZ_C2R) c->naxes = 1;
    if (c->kind != FUZZ_C2C && c->kind != FUZZ_R2R) c->inplace = 0;
    if (c->kind != FUZZ_R2C) c->full = 0;
    int is_axis[FUZZ_MAXDIM] = {0, 0, 0};
    for (int a = 0; a < c->naxes; ++a) {
        c->axes[a] = (int)((ax >> (2 * a)) & 3u) % c->ndim;
        is_axis[c->axes[a]] = 1;
    }
    c->misalign_in = misc & 1u;
    c->misalign_out = (misc >> 1) & 1u;
    c->zeros = (misc >> 2) & 1u;
    if (c->inplace) c->misalign_out = c->misalign_in;
    for (int d = 0; d < c->ndim; ++d) {
        const unsigned b0 = next(&r), b1 = next(&r);
        if (is_axis[d]) {
            c->shape[d] = fuzz_len(b0, b1);
        } else {
            c->shape[d] = (fb_idx)(b0 % 7u);
            if (c->shape[d] == 6) c->shape[d] = 0;
        }
        c->lay_in[d] = (uint8_t)next(&r);
        c->lay_out[d] = (uint8_t)next(&r);
    }
    for (int k = 0; k < 4; ++k) c->seed = (c->seed << 8) | next(&r);

    /* what the direct reference would cost */
    int64_t elems = 1, work = 0;
    for (int d = 0; d < c->ndim; ++d) elems *= c->shape[d];
    for (int a = 0; a < c->naxes; ++a) work += elems * c->shape[c->axes[a]];
    if (work <= FUZZ_FULL_WORK) return 1;
    if (c->naxes > 1 || elems > FUZZ_SAMPLED_ELEMS) return 0;
    c->sampled = 1;
    return 1;
}

double fuzz_fct(const fuzz_case *c)
{
    double n = 1;
    for (int a = 0; a < c->naxes; ++a) n *= (double)c->shape[c->axes[a]];
    switch (c->fct_choice) {
    case 1: return 1.0 / n;
    case 2: return 1.0 / sqrt(n);
    case 3: return -0.5;
    case 4: return 3.0;
    case 5: return 0.0;
    case 6: return 0x1p-20;
    default: return 1.0;
    }
}

void fuzz_make_layout(fuzz_layout *l, int ndim, const fb_idx *shape, const uint8_t *code,
                      size_t esize, size_t rsize, int allow_zero, int misalign)
{
    static const int gaps[8] = {0, 0, 0, 0, 1, 2, 3, 7};
    memset(l, 0, sizeof(*l));
    l->ndim = ndim;
    l->esize = esize;
    l->rsize = rsize;
    /* storage order, outermost first: by the 2-bit key, then by dimension */
    int order[FUZZ_MAXDIM];
    for (int d = 0; d < ndim; ++d) order[d] = d;
    for (int i = 1; i < ndim; ++i)
        for (int j = i; j > 0; --j) {
            const int a = order[j - 1], b = order[j];
            if (((code[a] >> 5) & 3u) > ((code[b] >> 5) & 3u)) {
                order[j - 1] = b;
                order[j] = a;
            }
        }
    int empty = 0;
    for (int d = 0; d < ndim; ++d) {
        l->shape[d] = shape[d];
        if (shape[d] == 0) empty = 1;
    }
    /* from the innermost outwards: each stride clears the block of the inner dimensions */
    size_t block = esize, offset = misalign ? rsize : 0;
    for (int i = ndim - 1; i >= 0; --i) {
        const int d = order[i];
        const fb_idx ext = shape[d] > 1 ? shape[d] - 1 : 0;
        if (allow_zero && ((code[d] >> 4) & 1u)) {
            l->stride[d] = 0;
            continue;
        }
        const fb_idx s = (fb_idx)(block + (size_t)gaps[code[d] & 7u] * rsize);
        block += (size_t)(ext * s);
        if ((code[d] >> 3) & 1u) {
            l->stride[d] = -s;
            offset += (size_t)(ext * s);
        } else {
            l->stride[d] = s;
        }
    }
    /* an empty array is never touched: its block is one element, which the kernel must not
     * write either */
    if (empty) block = esize;
    l->offset = empty ? (misalign ? rsize : 0) : offset;
    l->bytes = block + (misalign ? rsize : 0);
}

void fuzz_describe(const fuzz_case *c, char *buf, size_t len)
{
    static const char *kinds[] = {"c2c", "r2c", "c2r", "r2r"};
    static const char *simd[] = {"base", "avx2", "dispatch", "avx512"};
    int w = snprintf(buf, len, "%s %s simd=%s shape=(", kinds[c->kind], c->f32 ? "f32" : "f64",
                     simd[c->simd]);
    for (int d = 0; d < c->ndim && w > 0 && (size_t)w < len; ++d)
        w += snprintf(buf + w, len - (size_t)w, "%td%s", c->shape[d], d + 1 < c->ndim ? "," : "");
    if (w > 0 && (size_t)w < len) w += snprintf(buf + w, len - (size_t)w, ") axes=(");
    for (int a = 0; a < c->naxes && w > 0 && (size_t)w < len; ++a)
        w += snprintf(buf + w, len - (size_t)w, "%d%s", c->axes[a], a + 1 < c->naxes ? "," : "");
    if (w > 0 && (size_t)w < len)
        snprintf(buf + w, len - (size_t)w,
                 ") fwd=%d full=%d dst=%d type=%d ortho=%d inplace=%d workers=%d fct=%g "
                 "misalign=%d/%d zeros=%d nan_ignored=%d sampled=%d seed=%u",
                 c->fwd, c->full, c->dst, c->type, c->ortho, c->inplace, c->workers, fuzz_fct(c),
                 c->misalign_in, c->misalign_out, c->zeros, c->nan_ignored, c->sampled, c->seed);
}
