/* fb_batch_tmpl.h: the executor of fb_batch.h for one precision. Template parameters:
 *   FB_BSFX  d or f        FB_REAL  double or float     FB_CT / FB_CVT  scalar / vector lane types
 *   FB_VLEN  rows per vector lane                        FB_PLAN  plan type */

#define BNAME(x) FB_CAT3(x, _, FB_BSFX)
#define EXEC_S FB_CAT2(fb_cexec_, FB_BSFX)
#define EXEC_V FB_CAT2(fb_cexec_v, FB_BSFX)
#define PLAN_GET FB_CAT3(fb_cplan_, FB_BSFX, _get)
#define PLAN_RELEASE FB_CAT3(fb_cplan_, FB_BSFX, _release)
#define EXEC_FROM FB_CAT2(fb_cexec_from_, FB_BSFX)
#define EXEC_FROM_MT FB_CAT2(fb_cexec_from_mt_, FB_BSFX)
#define PLAN_WORK FB_CAT3(fb_cplan_, FB_BSFX, _work)
#define LANDS_IN_OTHER FB_CAT3(fb_cplan_, FB_BSFX, _lands_in_other)
#define LOAD FB_CAT3(fb_cv, FB_BSFX, _load)
#define STORE FB_CAT3(fb_cv, FB_BSFX, _store)

static void BNAME(scalar_core)(const FB_PLAN *plan, int fwd, FB_REAL fct, fb_idx n,
                               const char *src, fb_idx ss, FB_CT *target, FB_CT *buf,
                               FB_CT *work);

/* One line through the scalar path. The input is copied (and scaled: the normalisation costs no
 * pass of its own) straight into whichever buffer the plan's passes will leave the result in, and
 * that buffer is the output line itself when it is contiguous: one copy per transform. */
static void BNAME(scalar_line)(const FB_PLAN *plan, int fwd, FB_REAL fct, fb_idx n,
                               const char *src, fb_idx ss, char *dst, fb_idx ds,
                               FB_CT *buf, FB_CT *work, int stream)
{
    FB_CT *target = (ds == (fb_idx)sizeof(FB_CT)) ? (FB_CT *)dst : buf;
    if (plan->half || plan->col) {   /* reads all of src before writing: safe in place too */
        EXEC_FROM(plan, fwd, src, ss, fct, target, work, stream && target != buf);
    } else {
        BNAME(scalar_core)(plan, fwd, fct, n, src, ss, target, buf, work);
    }
    if (target == buf)
        for (fb_idx k = 0; k < n; ++k) *(FB_CT *)(dst + k * ds) = target[k];
}

static void BNAME(scalar_core)(const FB_PLAN *plan, int fwd, FB_REAL fct, fb_idx n,
                               const char *src, fb_idx ss, FB_CT *target, FB_CT *buf,
                               FB_CT *work)
{
    FB_CT *spare = (target == buf) ? buf + n : buf;
    FB_CT *a = target, *b = spare;
    if (LANDS_IN_OTHER(plan)) { a = spare; b = target; }
    if ((const char *)a != src || fct != (FB_REAL)1)
        for (fb_idx k = 0; k < n; ++k) {
            const FB_CT *x = (const FB_CT *)(src + k * ss);
            a[k].r = x->r * fct;
            a[k].i = x->i * fct;
        }
    EXEC_S(plan, fwd, a, b, work);   /* lands in target */
}

/* Whether each group of FB_VLEN of the `rows` lines starting at p[] is a run of adjacent complex
 * values (line l + 1 starts one element after line l). */
static inline int BNAME(adjacent)(const char *const *p, int rows)
{
    for (int l = 0; l < rows; ++l)
        if (p[l] != p[l - l % FB_VLEN] + (l % FB_VLEN) * (fb_idx)sizeof(FB_CT)) return 0;
    return 1;
}

/* Transforms `groups` groups of FB_VLEN lines starting at `line`, one line per vector lane.
 * Several groups at once read whole cache lines when the lines are adjacent columns. */
static void BNAME(vector_lines)(const line_job *jb, const FB_PLAN *plan, fb_idx line, int groups,
                                FB_CVT *buf, fb_idx per_group)
{
    const fb_idx n = jb->n, ss = jb->sstr, ds = jb->dstr;
    const FB_REAL fct = (FB_REAL)jb->fct;
    const char *src[FB_MAXGROUP * FB_VLEN];
    char *dst[FB_MAXGROUP * FB_VLEN];
    const int rows = groups * FB_VLEN;
    group_offsets(jb, line, rows, src, dst);
    /* Lines that are adjacent columns (axis 0 of a C-ordered array, the column pass of a 2-D
     * transform) hold the V values of one k of a group side by side: one vector load and a
     * shuffle each instead of V element-wise lane inserts (the same values, so the same result). */
    if (BNAME(adjacent)(src, rows))
        for (fb_idx k = 0; k < n; ++k)
            for (int g = 0; g < groups; ++g) {
                FB_CVT *b = buf + g * per_group + k;
                LOAD(b, (const FB_CT *)(src[g * FB_VLEN] + k * ss));
                b->r *= fct;
                b->i *= fct;
            }
    else
        for (fb_idx k = 0; k < n; ++k)
            for (int l = 0; l < rows; ++l) {
                const FB_CT *x = (const FB_CT *)(src[l] + k * ss);
                FB_CVT *b = buf + (l / FB_VLEN) * per_group + k;
                b->r[l % FB_VLEN] = x->r * fct;
                b->i[l % FB_VLEN] = x->i * fct;
            }
    const FB_CVT *res[FB_MAXGROUP];
    for (int g = 0; g < groups; ++g) {
        FB_CVT *b = buf + g * per_group;
        res[g] = EXEC_V(plan, jb->fwd, b, b + n, b + 2 * n);
    }
    if (BNAME(adjacent)((const char *const *)dst, rows))
        for (fb_idx k = 0; k < n; ++k)
            for (int g = 0; g < groups; ++g)
                STORE(&res[g][k], (FB_CT *)(dst[g * FB_VLEN] + k * ds));
    else
        for (fb_idx k = 0; k < n; ++k)
            for (int l = 0; l < rows; ++l) {
                FB_CT *y = (FB_CT *)(dst[l] + k * ds);
                y->r = res[l / FB_VLEN][k].r[l % FB_VLEN];
                y->i = res[l / FB_VLEN][k].i[l % FB_VLEN];
            }
}

static void BNAME(run_lines)(line_job *jb)
{
    const FB_PLAN *plan = (const FB_PLAN *)jb->plan;
    const fb_idx n = jb->n, ss = jb->sstr, ds = jb->dstr;
    const FB_REAL fct = (FB_REAL)jb->fct;
    const fb_idx per_group = 2 * n + PLAN_WORK(plan);   /* data, other, work */
    /* Contiguous single rows that have a lane split run best one at a time (the split keeps the
     * working set at half the size); strided lines go several per vector unless large. */
    const int one_by_one = FB_LARGE_BLOCKED(plan) || FB_LARGE_SPLIT(plan) ||
                           (plan->half && ss == (fb_idx)sizeof(FB_CT)) ||
                           few_lines(jb, FB_VLEN);
    /* one by one: per_group scalar values; else up to FB_MAXGROUP groups of vector values (the
     * scalar tail fits in those too) */
    const size_t bytes = one_by_one ? sizeof(FB_CT) * (size_t)per_group
                                    : sizeof(FB_CVT) * (size_t)(FB_MAXGROUP * per_group);
    FB_CVT *buf = (FB_CVT *)fb_scratch_take(bytes);
    if (!buf) { jb->err = FB_ENOMEM; return; }
    /* this share's results far past the caches: streamed (fb_stream_min) */
    const int stream = one_by_one && (double)(jb->hi - jb->lo) * (double)n * sizeof(FB_CT) >=
                                         (double)fb_stream_min();
    fb_idx line = jb->lo;
    while (line < jb->hi) {
        const fb_idx left = jb->hi - line;
        if (!one_by_one && left >= FB_VLEN) {
            int groups = (int)(left / FB_VLEN);
            if (groups > FB_MAXGROUP) groups = FB_MAXGROUP;
            BNAME(vector_lines)(jb, plan, line, groups, buf, per_group);
            line += groups * FB_VLEN;
        } else {
            fb_idx so, dof;
            line_offsets(jb, line, &so, &dof);
            FB_CT *sbuf = (FB_CT *)buf;
            BNAME(scalar_line)(plan, jb->fwd, fct, n, jb->src + so, ss, jb->dst + dof, ds,
                               sbuf, sbuf + 2 * n, stream);
            line += 1;
        }
    }
    fb_scratch_give(buf, bytes);
}

/* A single large line (nothing to split between threads): its blocked transform is split
 * instead, with the same result as on one thread. */
static int BNAME(one_line_mt)(const line_job *jb, const FB_PLAN *plan, int nthreads)
{
    const fb_idx n = jb->n;
    const size_t bytes = sizeof(FB_CT) * (size_t)(2 * n + PLAN_WORK(plan));
    FB_CT *buf = (FB_CT *)fb_scratch_take(bytes);
    if (!buf) return FB_ENOMEM;
    FB_CT *target = jb->dstr == (fb_idx)sizeof(FB_CT) ? (FB_CT *)jb->dst : buf;
    const int stream = target != buf && (double)n * sizeof(FB_CT) >= (double)fb_stream_min();
    const int err = EXEC_FROM_MT(plan, jb->fwd, jb->src, jb->sstr, (FB_REAL)jb->fct, target,
                                 buf + 2 * n, nthreads, stream);
    if (err == FB_OK && target == buf)
        for (fb_idx k = 0; k < n; ++k) *(FB_CT *)(jb->dst + k * jb->dstr) = buf[k];
    fb_scratch_give(buf, bytes);
    return err;
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
        int err = (nthreads > 1 && base.hi - base.lo == 1 && FB_LARGE_BLOCKED(plan))
                      ? BNAME(one_line_mt)(&base, plan, nthreads)
                      : run_split(&base, nthreads, FB_VLEN, BNAME(thread_main));
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
#undef EXEC_FROM
#undef EXEC_FROM_MT
#undef PLAN_WORK
#undef LANDS_IN_OTHER
#undef LOAD
#undef STORE
