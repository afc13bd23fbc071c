/* fb_dct_plan.h: plans of the real-to-real transforms (fb_dct.h) for one precision, and their
 * cache. A template included by fb_dct.c with FB_PSFX (d, f), FB_TW and FB_TWT.
 *
 * One plan serves a length and a family of transforms (DCT and DST of a type share it, and so
 * do types 2 and 3): the complex FFT plan it runs on (from the complex cache, shared) and its
 * twiddles, all read-only once made. */

#define DPNAME(x) FB_CAT3(x, _, FB_PSFX)
#define DPLAN FB_CAT2(fb_dplan_, FB_PSFX)
#define DCPLAN FB_CAT2(fb_cplan_, FB_PSFX)

typedef struct DPLAN {
    fb_idx n;            /* the cache key: 4 * len + family */
    fb_idx len;          /* the transform length */
    int family;          /* FB_FAM_* */
    fb_idx m;            /* real FFT length (families I, II/III, DST-I); 0 for IV */
    const DCPLAN *cp;    /* complex FFT of length m/2 (even m), m (odd m); IV: n/2 or n */
    FB_TWT *rtw;         /* real FFT untangling twiddles w_m^k, k <= m/4 (even m) */
    FB_TWT *tw;          /* II/III: w_4n^k, k <= n/2;  IV, even n: w_8n^(4j+1), j < n/2, then w_2n^k, k < n/2 */
    fb_idx inv8;         /* IV, odd n: 8^-1 mod n (times n: v with 8 v = 1 + k n, k < 8) */
    const struct DPLAN *half1, *half3;   /* DCT-I, odd len >= FB_DCT1_HALVE: the DCT-I of
                            (len+1)/2 and the DCT-III of (len-1)/2 single lines split into
                            (fb_dct_lane.h, dct1), else NULL */
    fb_idx bytes;        /* memory held, the complex plan's included (fb_cache.h) */
    int refs;            /* cache bookkeeping (fb_cache.h) */
} DPLAN;

const DPLAN *DPNAME(dplan_get)(fb_idx key);
void DPNAME(dplan_release)(const DPLAN *p);

static void DPNAME(dplan_destroy)(DPLAN *p)
{
    if (!p) return;
    DPNAME(dplan_release)(p->half1);
    DPNAME(dplan_release)(p->half3);
    FB_CAT3(fb_cplan_, FB_PSFX, _release)(p->cp);
    fb_free(p->rtw);
    fb_free(p->tw);
    free(p);
}

/* w_root^k for k < count, from the accurate roots of fb_twiddle.h; NULL on failure */
static FB_TWT *DPNAME(root_table)(fb_idx root, fb_idx count)
{
    FB_TWT *t = (FB_TWT *)fb_malloc(fb_mulsize(sizeof(FB_TWT), (size_t)count));
    fb_roots roots;
    if (!t || fb_roots_init(&roots, root) != FB_OK) { fb_free(t); return NULL; }
    long double c, s;
    for (fb_idx k = 0; k < count; ++k) {
        fb_roots_get(&roots, k, &c, &s);
        t[k].r = (FB_TW)c;
        t[k].i = (FB_TW)s;
    }
    fb_roots_free(&roots);
    return t;
}

/* DCT-IV, even n: the pre-twiddles w_8n^(4j+1), j < n/2, then the post-twiddles w_2n^k, k < n/2,
 * each read in order by its pass */
static FB_TWT *DPNAME(dct4_table)(fb_idx n)
{
    const fb_idx h = n / 2;
    FB_TWT *t = (FB_TWT *)fb_malloc(fb_mulsize(sizeof(FB_TWT), (size_t)n));
    fb_roots roots;
    if (!t || fb_roots_init(&roots, 8 * n) != FB_OK) { fb_free(t); return NULL; }
    long double c, s;
    for (fb_idx k = 0; k < h; ++k) {
        fb_roots_get(&roots, 4 * k + 1, &c, &s);
        t[k].r = (FB_TW)c;
        t[k].i = (FB_TW)s;
        fb_roots_get(&roots, 4 * k, &c, &s);
        t[h + k].r = (FB_TW)c;
        t[h + k].i = (FB_TW)s;
    }
    fb_roots_free(&roots);
    return t;
}

static int DPNAME(dplan_make)(fb_idx key, DPLAN **out)
{
    *out = NULL;
    const fb_idx len = key / 4;
    const int family = (int)(key % 4);
    if (len < 1 || (family == FB_FAM_DCT1 && len < 2)) return FB_EINVAL;
    DPLAN *p = (DPLAN *)calloc(1, sizeof(DPLAN));
    if (!p) return FB_ENOMEM;
    p->n = key;
    p->len = len;
    p->family = family;
    fb_idx cn;
    switch (family) {
    case FB_FAM_DCT1: p->m = 2 * (len - 1); break;
    case FB_FAM_DST1: p->m = 2 * (len + 1); break;
    case FB_FAM_23: p->m = len; break;
    default: p->m = 0; break;
    }
    if (family == FB_FAM_4) cn = len % 2 ? len : len / 2;
    else cn = p->m % 2 ? p->m : p->m / 2;
    p->cp = FB_CAT3(fb_cplan_, FB_PSFX, _get)(cn);
    int ok = p->cp != NULL;
    if (ok) p->bytes = (fb_idx)sizeof(DPLAN) + p->cp->bytes;
    if (ok && p->m % 2 == 0 && p->m > 0) {
        ok = (p->rtw = DPNAME(root_table)(p->m, p->m / 4 + 1)) != NULL;
        p->bytes += (fb_idx)sizeof(FB_TWT) * (p->m / 4 + 1);
    }
    if (ok && family == FB_FAM_23) {
        ok = (p->tw = DPNAME(root_table)(4 * len, len / 2 + 1)) != NULL;
        p->bytes += (fb_idx)sizeof(FB_TWT) * (len / 2 + 1);
    }
    if (ok && family == FB_FAM_4 && len % 2 == 0) {
        ok = (p->tw = DPNAME(dct4_table)(len)) != NULL;
        p->bytes += (fb_idx)sizeof(FB_TWT) * len;
    }
    if (family == FB_FAM_4 && len % 2) p->inv8 = (((8 - (len & 7)) & 7) * len + 1) / 8;
    if (ok && family == FB_FAM_DCT1 && len % 2 == 1 && len >= FB_DCT1_HALVE) {
        const fb_idx M = (len - 1) / 2;
        p->half1 = DPNAME(dplan_get)(4 * (M + 1) + FB_FAM_DCT1);
        p->half3 = DPNAME(dplan_get)(4 * M + FB_FAM_23);
        ok = p->half1 && p->half3;
        if (ok) p->bytes += p->half1->bytes + p->half3->bytes;
    }
    if (!ok) { DPNAME(dplan_destroy)(p); return FB_ENOMEM; }
    *out = p;
    return FB_OK;
}

FB_DEFINE_CACHE(FB_PSFX, DPLAN, DPNAME(dplan_get), DPNAME(dplan_release), DPNAME(dplan_make),
                DPNAME(dplan_destroy))

#undef DPNAME
#undef DCPLAN
