/* fb_batch_tmpl.h: the executor of fb_batch.h for one precision. Template parameters:
 *   FB_BSFX  d or f        FB_REAL  double or float     FB_CT / FB_CVT  scalar / vector lane types
 *   FB_VLEN  rows per vector lane                        FB_PLAN  plan type */

#define BNAME(x) FB_CAT3(x, _, FB_BSFX)
#define EXEC_S FB_CAT2(fb_cexec_, FB_BSFX)
#define EXEC_V FB_CAT2(fb_cexec_v, FB_BSFX)
#define PLAN_GET FB_CAT3(fb_cplan_, FB_BSFX, _get)
#define PLAN_RELEASE FB_CAT3(fb_cplan_, FB_BSFX, _release)
#define PLAN_SCRATCH FB_CAT3(fb_cplan_, FB_BSFX, _scratch)

static void BNAME(run_lines)(line_job *jb)
{
    const FB_PLAN *plan = (const FB_PLAN *)jb->plan;
    const fb_idx n = jb->n, ss = jb->sstr, ds = jb->dstr;
    const FB_REAL fct = (FB_REAL)jb->fct;
    const fb_idx per_row = n + PLAN_SCRATCH(plan, 1);
    FB_CVT *buf = (FB_CVT *)fb_malloc(sizeof(FB_CVT) * (size_t)per_row);
    if (!buf) { jb->err = FB_ENOMEM; return; }
    fb_idx line = jb->lo;
    while (line < jb->hi) {
        if (jb->hi - line >= FB_VLEN) {
            const char *src[FB_VLEN];
            char *dst[FB_VLEN];
            for (int l = 0; l < FB_VLEN; ++l) {
                fb_idx so, dof;
                line_offsets(jb, line + l, &so, &dof);
                src[l] = jb->src + so;
                dst[l] = jb->dst + dof;
            }
            for (fb_idx k = 0; k < n; ++k)
                for (int l = 0; l < FB_VLEN; ++l) {
                    const FB_CT *x = (const FB_CT *)(src[l] + k * ss);
                    buf[k].r[l] = x->r;
                    buf[k].i[l] = x->i;
                }
            const FB_CVT *res = EXEC_V(plan, jb->fwd, buf, buf + n);
            for (fb_idx k = 0; k < n; ++k)
                for (int l = 0; l < FB_VLEN; ++l) {
                    FB_CT *y = (FB_CT *)(dst[l] + k * ds);
                    y->r = res[k].r[l] * fct;
                    y->i = res[k].i[l] * fct;
                }
            line += FB_VLEN;
        } else {
            fb_idx so, dof;
            line_offsets(jb, line, &so, &dof);
            const char *src = jb->src + so;
            char *dst = jb->dst + dof;
            FB_CT *sbuf = (FB_CT *)buf;
            for (fb_idx k = 0; k < n; ++k) sbuf[k] = *(const FB_CT *)(src + k * ss);
            const FB_CT *res = EXEC_S(plan, jb->fwd, sbuf, sbuf + n);
            for (fb_idx k = 0; k < n; ++k) {
                FB_CT *y = (FB_CT *)(dst + k * ds);
                y->r = res[k].r * fct;
                y->i = res[k].i * fct;
            }
            line += 1;
        }
    }
    fb_free(buf);
}

static void *BNAME(thread_main)(void *arg)
{
    BNAME(run_lines)((line_job *)arg);
    return NULL;
}

int BNAME(fb_c2c)(const void *in, void *out, int ndim, const fb_idx *shape, const fb_idx *istride,
                  const fb_idx *ostride, int naxes, const int *axes, int fwd, double fct,
                  int nthreads)
{
    if (ndim < 1 || ndim > FB_MAXDIM || naxes < 0 || naxes > ndim) return FB_EINVAL;
    for (int d = 0; d < ndim; ++d) if (shape[d] < 0) return FB_EINVAL;
    for (int a = 0; a < naxes; ++a) {
        if (axes[a] < 0 || axes[a] >= ndim) return FB_EINVAL;
        if (shape[axes[a]] < 1) return FB_EINVAL;
    }
    for (int d = 0; d < ndim; ++d) if (shape[d] == 0) return FB_OK;   /* nothing to transform */
    if (naxes == 0) return FB_EINVAL;
    if (nthreads < 1) nthreads = 1;
    for (int a = 0; a < naxes; ++a) {
        const int ax = axes[a];
        const FB_PLAN *plan = PLAN_GET(shape[ax]);
        if (!plan) return FB_ENOMEM;
        line_job base;
        make_line_job(&base, a == 0 ? (const char *)in : (const char *)out, (char *)out, ndim,
                      shape, a == 0 ? istride : ostride, ostride, ax);
        base.plan = plan;
        base.fwd = fwd;
        base.fct = (a == 0) ? fct : 1.0;   /* the whole scale once, on the first axis */
        int err = run_split(&base, nthreads, FB_VLEN, BNAME(thread_main));
        PLAN_RELEASE(plan);
        if (err != FB_OK) return err;
    }
    return FB_OK;
}

#undef BNAME
#undef EXEC_S
#undef EXEC_V
#undef PLAN_GET
#undef PLAN_RELEASE
#undef PLAN_SCRATCH
