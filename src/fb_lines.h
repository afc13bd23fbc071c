/* fb_lines.h: the lines of an n-D array along one axis, and splitting them over threads.
 * Shared by the complex (fb_batch.c) and real (fb_rfft.c) executors.
 *
 * Usage:
 *     line_job jb;
 *     make_line_job(&jb, src, dst, ndim, shape, sstride, dstride, axis);
 *     jb.plan = plan; jb.fwd = 1; jb.fct = 1.0;
 *     int err = run_split(&jb, nthreads, vlen, worker);   // worker(&job) for each share
 * inside a worker:  line_offsets(jb, line, &src_offset, &dst_offset) for line in [lo, hi).
 */
#ifndef FB_LINES_H
#define FB_LINES_H

#include "fb_common.h"
#include <pthread.h>
#include <string.h>

#include "fb_batch.h"   /* FB_MAXDIM */
#include "fb_pool.h"

/* The lines along one axis: every index of the other dimensions, in C order. */
typedef struct {
    const void *plan;
    int fwd;
    int full;                                 /* real transforms: all n outputs of r2c */
    int kind, type, ortho;                    /* real-to-real: DST?, type 1..4, orthogonalize */
    double fct;
    const char *src;
    char *dst;
    fb_idx n, sstr, dstr;                     /* length and byte strides along the axis */
    int nd;                                   /* the other dimensions: */
    fb_idx dims[FB_MAXDIM], sst[FB_MAXDIM], dstd[FB_MAXDIM];
    fb_idx lo, hi;                            /* this job's lines */
    int err;
} line_job;

static inline void make_line_job(line_job *jb, const char *src, char *dst, int ndim,
                                 const fb_idx *shape, const fb_idx *sstride,
                                 const fb_idx *dstride, int ax)
{
    memset(jb, 0, sizeof(*jb));
    jb->src = src;
    jb->dst = dst;
    jb->n = shape[ax];
    jb->sstr = sstride[ax];
    jb->dstr = dstride[ax];
    fb_idx lines = 1;
    for (int d = 0; d < ndim; ++d) {
        if (d == ax) continue;
        jb->dims[jb->nd] = shape[d];
        jb->sst[jb->nd] = sstride[d];
        jb->dstd[jb->nd] = dstride[d];
        jb->nd++;
        lines *= shape[d];
    }
    jb->lo = 0;
    jb->hi = lines;
}

static inline void line_offsets(const line_job *jb, fb_idx line, fb_idx *so, fb_idx *dof)
{
    fb_idx s = 0, o = 0;
    for (int d = jb->nd - 1; d >= 0; --d) {
        const fb_idx q = line / jb->dims[d], idx = line - q * jb->dims[d];
        s += idx * jb->sst[d];
        o += idx * jb->dstd[d];
        line = q;
    }
    *so = s;
    *dof = o;
}

/* A share of fewer lines than a vector holds (vlen): they go one at a time, so its scratch is
 * one line's. Sized for vlen lines side by side instead, one line of a large prime (Bluestein,
 * 8 times the length in lane values) asked for over a GiB; past what the per-thread scratch
 * keeps, each call mapped it afresh and zeroed its pages again (fft of 1000003 points: 13-20%
 * of the time). */
static inline int few_lines(const line_job *jb, int vlen) { return jb->hi - jb->lo < vlen; }

/* Start addresses of `count` consecutive lines from `line` on. */
static inline void group_offsets(const line_job *jb, fb_idx line, int count, const char **src,
                                 char **dst)
{
    for (int l = 0; l < count; ++l) {
        fb_idx so, dof;
        line_offsets(jb, line + l, &so, &dof);
        src[l] = jb->src + so;
        dst[l] = jb->dst + dof;
    }
}

/* Splits base's lines over up to nthreads threads of the pool (fb_pool.h), in whole groups of
 * vlen lines so that the grouping (and therefore every rounding) is the same as in a
 * single-threaded call. */
typedef struct {
    line_job *jobs;
    void *(*fn)(void *);
} split_ctx;

static inline void split_task(void *arg, int t)
{
    split_ctx *c = (split_ctx *)arg;
    c->fn(&c->jobs[t]);
}

static inline int run_split(line_job *base, int nthreads, int vlen, void *(*fn)(void *))
{
    const fb_idx lines = base->hi - base->lo;
    const fb_idx groups = (lines + vlen - 1) / vlen;
    fb_idx nth = nthreads < groups ? nthreads : groups;
    if (nth <= 1) { fn(base); return base->err; }
    if (nth > FB_POOL_MAX) nth = FB_POOL_MAX;
    line_job jobs[FB_POOL_MAX];
    for (fb_idx t = 0; t < nth; ++t) {
        jobs[t] = *base;
        jobs[t].lo = base->lo + (groups * t / nth) * vlen;
        fb_idx hi = base->lo + (groups * (t + 1) / nth) * vlen;
        jobs[t].hi = hi < base->hi ? hi : base->hi;
        jobs[t].err = FB_OK;
    }
    split_ctx ctx = {jobs, fn};
    fb_parallel_for((int)nth, split_task, &ctx);
    int err = FB_OK;
    for (fb_idx t = 0; t < nth; ++t)
        if (jobs[t].err != FB_OK) err = jobs[t].err;
    return err;
}

#endif
