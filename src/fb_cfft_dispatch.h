/* fb_cfft_dispatch.h: the public entry points of one precision (declared in fb_lanes.h): which
 * algorithm runs a plan's single row. Included by fb_cfft.c after fb_cfft_split.h and
 * fb_cfft_blocked.h with the same parameters. */

#define DNAME(x) FB_CAT3(x, _, FB_PSFX)

FB_CT *FB_CAT2(fb_cexec_, FB_PSFX)(const FB_PLAN *p, int fwd, FB_CT *data, FB_CT *other,
                                   FB_CT *work)
{
    if (p->col) return DNAME(blocked_exec)(p, fwd, data, work);
    if (p->half) return DNAME(split_exec)(p, fwd, data, work);
    return FB_CAT2(core_exec_, FB_PSFX)(p, fwd, data, other, work);
}

FB_CVT *FB_CAT2(fb_cexec_v, FB_PSFX)(const FB_PLAN *p, int fwd, FB_CVT *data, FB_CVT *other,
                                     FB_CVT *work)
{
    return FB_CAT2(core_exec_v, FB_PSFX)(p, fwd, data, other, work);
}

FB_CT *FB_CAT2(fb_cexec_from_, FB_PSFX)(const FB_PLAN *p, int fwd, const char *src, fb_idx ss,
                                        FB_TW fct, FB_CT *data, FB_CT *work, int stream)
{
    if (p->col)
        return DNAME(blocked_from)(p, fwd, src, ss, fct, data, work, stream, NULL, NULL, 0, 1);
    return DNAME(split_from)(p, fwd, src, ss, fct, data, work, stream);
}

int FB_CAT2(fb_cexec_from_mt_, FB_PSFX)(const FB_PLAN *p, int fwd, const char *src, fb_idx ss,
                                        FB_TW fct, FB_CT *data, FB_CT *work, int nthreads,
                                        int stream)
{
    if (p->col)
        return DNAME(blocked_from_mt)(p, fwd, src, ss, fct, data, work, nthreads, stream, NULL,
                                      NULL, 0, NULL);
    DNAME(split_from)(p, fwd, src, ss, fct, data, work, stream);
    return FB_OK;
}

int FB_CAT2(fb_cexec_loaded_, FB_PSFX)(const FB_PLAN *p, int fwd,
                                       const FB_CAT2(fb_loader_, FB_PSFX) *ld, FB_CT *data,
                                       FB_CT *work, int nthreads, int stream)
{
    if (!p->col) return FB_EINVAL;
    return DNAME(blocked_from_mt)(p, fwd, NULL, 0, (FB_TW)1, data, work, nthreads, stream, ld,
                                  NULL, 0, NULL);
}

int FB_CAT2(fb_cexec_r2c_, FB_PSFX)(const FB_PLAN *p, const char *src, FB_TW fct,
                                     const FB_TWT *tw, int fwd, FB_CT *X, FB_CT *work,
                                     FB_CT *state, fb_idx state_len, int nthreads, int stream)
{
    if (!R2C_FITS(p) || R2C_STATE_BYTES(p) > (size_t)state_len * sizeof(FB_CT))
        return FB_EINVAL;
    return DNAME(blocked_from_mt)(p, 1, src, (fb_idx)sizeof(FB_CT), fct, X, work, nthreads,
                                  stream, NULL, tw, fwd ? (FB_TW)1 : (FB_TW)-1, state);
}

FB_CT *FB_CAT2(fb_cexec_chirp_, FB_PSFX)(const FB_PLAN *p, int fwd, const FB_CT *src,
                                         FB_CT *data, FB_CT *work, const FB_CT *mul,
                                         const FB_TWT *post, fb_idx limit, int conj)
{
    return DNAME(blocked_from)(p, fwd, (const char *)src, (fb_idx)sizeof(FB_CT), (FB_TW)1, data,
                               work, 0, mul, post, limit, conj ? (FB_TW)-1 : (FB_TW)1);
}

FB_CT *FB_CAT2(fb_cexec_real_, FB_PSFX)(const FB_PLAN *p, const char *src, fb_idx ss, FB_TW fct,
                                        FB_CT *data, FB_CT *work)
{
    return DNAME(blocked_real_from)(p, src, ss, fct, data, work);
}

#undef DNAME
