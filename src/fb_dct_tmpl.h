/* fb_dct_tmpl.h: the executor of fb_dct.h for one precision: lines one at a time or FB_VLEN per
 * vector group, threads, axes. A template included by fb_dct.c after fb_dct_plan.h and both
 * lane instantiations of fb_dct_lane.h, with FB_PSFX, FB_REAL, FB_CT, FB_CVT, FB_VLEN. */

#define TNAME(x) FB_CAT3(x, _, FB_PSFX)
#define IO_S FB_CAT2(io_s, FB_PSFX)
#define IO_V FB_CAT2(io_v, FB_PSFX)

/* lane values of scratch a line (or a group) needs: z, other, X and the FFT's work */
static fb_idx TNAME(r2r_per_line)(const DPLAN *p)
{
    fb_idx v = 3 * (p->cp->n + 2) + FB_CAT3(fb_cplan_, FB_PSFX, _work)(p->cp) + FB_ALIGN_SLACK;
    if (p->half1) {   /* a DCT-I split in halves: z, then each half's own scratch after it */
        const fb_idx a = TNAME(r2r_per_line)(p->half1), b = TNAME(r2r_per_line)(p->half3);
        const fb_idx h = p->cp->n + 2 + (a > b ? a : b);
        if (h > v) v = h;
    }
    return v;
}

/* Adjacent columns (any axis but the last of a C-ordered array) are transformed TILE at a time:
 * TILE values of each row are copied into a tile (row j of the tile at tile + j * TILE), the
 * vector groups are transformed there in place and the tile is copied back. Going group by group
 * straight from the array, every group would walk all n rows, a page apart, for 32 bytes each:
 * the tile reads and writes whole cache lines and visits each page once per TILE columns.
 * The values each group sees are the same, so is the result. */
#define TILE (4 * FB_VLEN)
#define TILE_MAX_BYTES ((size_t)4 << 20)

static int TNAME(tile_adjacent)(const char *const *p)
{
    for (int l = 1; l < TILE; ++l)
        if (p[l] != p[0] + l * (fb_idx)sizeof(FB_REAL)) return 0;
    return 1;
}

static void TNAME(r2r_tile)(const line_job *jb, const DPLAN *p, const char *src, char *dst,
                            FB_REAL *tile, FB_CVT *buf)
{
    const fb_idx n = jb->n, rowbytes = TILE * (fb_idx)sizeof(FB_REAL);
    for (fb_idx j = 0; j < n; ++j) memcpy(tile + j * TILE, src + j * jb->sstr, (size_t)rowbytes);
    for (int g = 0; g < TILE / FB_VLEN; ++g) {
        IO_V q;
        for (int l = 0; l < FB_VLEN; ++l) {
            q.src[l] = (const char *)(tile + g * FB_VLEN + l);
            q.dst[l] = (char *)(tile + g * FB_VLEN + l);
        }
        q.ss = q.ds = rowbytes;
        q.fct = (FB_REAL)jb->fct;
        q.adjacent_src = q.adjacent_dst = 1;
        FB_CAT2(r2r_v, FB_PSFX)(p, jb->kind, jb->type, jb->ortho, &q, buf);
    }
    for (fb_idx k = 0; k < n; ++k) memcpy(dst + k * jb->dstr, tile + k * TILE, (size_t)rowbytes);
}

static void TNAME(run_r2r)(line_job *jb)
{
    const DPLAN *p = (const DPLAN *)jb->plan;
    const fb_idx per = TNAME(r2r_per_line)(p);
    /* contiguous lines whose FFT has a lane-split or blocked algorithm run best one at a time;
     * other batches FB_VLEN lines per vector */
    const int one_by_one = (jb->sstr == (fb_idx)sizeof(FB_REAL) &&
                            (p->cp->half || FB_LARGE_BLOCKED(p->cp))) ||
                           few_lines(jb, FB_VLEN);
    const size_t bytes = (one_by_one ? sizeof(FB_CT) : sizeof(FB_CVT)) * (size_t)per;
    /* room for a tile after the group scratch, when the lines may be columns and the tile
     * stays small enough to live in the cache (past that it saves nothing) */
    size_t tile_bytes = one_by_one || jb->sstr == (fb_idx)sizeof(FB_REAL) ? 0
                        : sizeof(FB_REAL) * TILE * (size_t)jb->n;
    if (tile_bytes > TILE_MAX_BYTES) tile_bytes = 0;
    void *buf = fb_scratch_take(bytes + tile_bytes);
    if (!buf) { jb->err = FB_ENOMEM; return; }
    FB_REAL *tile = (FB_REAL *)((char *)buf + bytes);
    for (fb_idx line = jb->lo; line < jb->hi;) {
        if (tile_bytes && jb->hi - line >= TILE) {
            const char *src[TILE];
            char *dst[TILE];
            group_offsets(jb, line, TILE, src, dst);
            if (TNAME(tile_adjacent)(src) && TNAME(tile_adjacent)((const char *const *)dst)) {
                TNAME(r2r_tile)(jb, p, src[0], dst[0], tile, (FB_CVT *)buf);
                line += TILE;
                continue;
            }
        }
        if (!one_by_one && jb->hi - line >= FB_VLEN) {
            IO_V q;
            group_offsets(jb, line, FB_VLEN, q.src, q.dst);
            q.ss = jb->sstr;
            q.ds = jb->dstr;
            q.fct = (FB_REAL)jb->fct;
            q.adjacent_src = FB_CAT2(adjacent_v, FB_PSFX)(q.src);
            q.adjacent_dst = FB_CAT2(adjacent_v, FB_PSFX)((const char *const *)q.dst);
            FB_CAT2(r2r_v, FB_PSFX)(p, jb->kind, jb->type, jb->ortho, &q, (FB_CVT *)buf);
            line += FB_VLEN;
        } else {
            IO_S q;
            fb_idx so, dof;
            line_offsets(jb, line, &so, &dof);
            q.src = jb->src + so;
            q.dst = jb->dst + dof;
            q.ss = jb->sstr;
            q.ds = jb->dstr;
            q.fct = (FB_REAL)jb->fct;
            FB_CAT2(r2r_s, FB_PSFX)(p, jb->kind, jb->type, jb->ortho, &q, (FB_CT *)buf);
            line += 1;
        }
    }
    fb_scratch_give(buf, bytes + tile_bytes);
}

static void *TNAME(r2r_main)(void *arg) { TNAME(run_r2r)((line_job *)arg); return NULL; }

int FB_CAT2(fb_r2r_, FB_PSFX)(const void *in, void *out, int ndim, const fb_idx *shape,
                              const fb_idx *istride, const fb_idx *ostride, int naxes,
                              const int *axes, int dst, int type, int ortho, double fct,
                              int nthreads)
{
    if (ndim < 1 || ndim > FB_MAXDIM || naxes < 1 || naxes > ndim) return FB_EINVAL;
    if (type < 1 || type > 4) return FB_EINVAL;
    for (int d = 0; d < ndim; ++d) if (shape[d] < 0) return FB_EINVAL;
    for (int a = 0; a < naxes; ++a) {
        if (axes[a] < 0 || axes[a] >= ndim) return FB_EINVAL;
        if (type == 1 && !dst && shape[axes[a]] == 1) return FB_EINVAL;
    }
    for (int d = 0; d < ndim; ++d) if (shape[d] == 0) return FB_OK;
    const int family = type == 1 ? (dst ? FB_FAM_DST1 : FB_FAM_DCT1)
                                 : (type == 4 ? FB_FAM_4 : FB_FAM_23);
    for (int a = 0; a < naxes; ++a) {
        const int ax = axes[a];
        const DPLAN *p = TNAME(dplan_get)(4 * shape[ax] + family);
        if (!p) return FB_ENOMEM;
        line_job jb;
        /* the first axis reads `in`, the later ones work in place on `out` */
        make_line_job(&jb, a == 0 ? (const char *)in : (const char *)out, (char *)out, ndim,
                      shape, a == 0 ? istride : ostride, ostride, ax);
        jb.plan = p;
        jb.fct = a == 0 ? fct : 1.0;
        jb.kind = dst;
        jb.type = type;
        jb.ortho = ortho;
        const int err = run_split(&jb, nthreads < 1 ? 1 : nthreads, FB_VLEN, TNAME(r2r_main));
        TNAME(dplan_release)(p);
        if (err != FB_OK) return err;
    }
    return FB_OK;
}

#undef TNAME
#undef TILE
#undef TILE_MAX_BYTES
#undef IO_S
#undef IO_V
#undef DPLAN
