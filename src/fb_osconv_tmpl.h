/* fb_osconv_tmpl.h: fb_osconv_X of fb_osconv.h for one precision, on the real plans and single
 * line transforms of fb_rfft_tmpl.h (included at its end, with its macros). */

/* The nfft input values of the block starting at p0, zero outside 0..nx-1. */
static void RNAME(os_segment)(const FB_REAL *x, fb_idx nx, fb_idx p0, fb_idx nfft, FB_REAL *seg)
{
    const fb_idx lo = p0 < 0 ? -p0 : 0;                        /* first j with x_p0+j inside */
    fb_idx hi = nx - p0 < nfft ? nx - p0 : nfft;               /* one past the last */
    if (hi < lo) hi = lo;
    memset(seg, 0, sizeof(FB_REAL) * (size_t)lo);
    if (hi > lo) memcpy(seg + lo, x + p0 + lo, sizeof(FB_REAL) * (size_t)(hi - lo));
    memset(seg + hi, 0, sizeof(FB_REAL) * (size_t)(nfft - hi));
}

int FB_CAT2(fb_osconv_, FB_PSFX)(const FB_REAL *x, fb_idx nx, fb_idx xls, const FB_CT *H,
                                 fb_idx nfft, fb_idx K, FB_REAL *out, fb_idx s, fb_idx nout,
                                 fb_idx ols, fb_idx nlines)
{
    if (nx < 1 || K < 1 || nfft < K || nfft % 2 || nout < 0 || nlines < 0) return FB_EINVAL;
    if (nout == 0 || nlines == 0) return FB_OK;
    const RPLAN *p = RNAME(rplan_get)(nfft);
    if (!p) return FB_ENOMEM;
    const fb_idx h = nfft / 2, L = nfft - K + 1, per = RNAME(per_line)(p);
    /* line scratch, spectrum (h + 1), segment and result (nfft reals = h values each) */
    const size_t vals = (size_t)(per + (h + 1) + 2 * h + 3 * FB_ALIGN_SLACK);
    FB_CT *buf = (FB_CT *)fb_scratch_take(fb_mulsize(vals, sizeof(FB_CT)));
    if (!buf) { RNAME(rplan_release)(p); return FB_ENOMEM; }
    FB_CT *spec = (FB_CT *)fb_align64(buf + per);
    FB_REAL *seg = (FB_REAL *)fb_align64(spec + h + 1);
    FB_REAL *y = (FB_REAL *)fb_align64(seg + nfft);
    const FB_TW scale = (FB_TW)(1.0 / (double)nfft);
    for (fb_idx l = 0; l < nlines; ++l) {
        const FB_REAL *xl = x + l * xls;
        FB_REAL *ol = out + l * ols;
        for (fb_idx i0 = 0; i0 < nout; i0 += L) {
            const fb_idx p0 = s + i0 - (K - 1), cnt = nout - i0 < L ? nout - i0 : L;
            const FB_REAL *src = xl + p0;
            if (p0 < 0 || p0 + nfft > nx) {
                RNAME(os_segment)(xl, nx, p0, nfft, seg);
                src = seg;
            }
            /* (final = 0: spec and y are read right back, so not streamed past the caches) */
            RNAME(r2c_line)(p, 1, 0, (FB_TW)1, (const char *)src, (fb_idx)sizeof(FB_REAL),
                            (char *)spec, (fb_idx)sizeof(FB_CT), buf, 0);
            for (fb_idx k = 0; k <= h; ++k) {
                const FB_CT a = spec[k], b = H[k];
                spec[k].r = a.r * b.r - a.i * b.i;
                spec[k].i = a.r * b.i + a.i * b.r;
            }
            RNAME(c2r_line)(p, 0, scale, (const char *)spec, (fb_idx)sizeof(FB_CT), (char *)y,
                            (fb_idx)sizeof(FB_REAL), buf, 0);
            memcpy(ol + i0, y + (K - 1), sizeof(FB_REAL) * (size_t)cnt);
        }
    }
    fb_scratch_give(buf, fb_mulsize(vals, sizeof(FB_CT)));
    RNAME(rplan_release)(p);
    return FB_OK;
}
