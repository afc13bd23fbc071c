/* fb_plan_make.h: plan construction, a template included by fb_plan.c once per precision with
 *   FB_PSFX  d or f      FB_TW  double or float      FB_TWT  fb_cd or fb_cf
 * All tables are computed in long double (fb_twiddle) and rounded once to FB_TW; the Bluestein
 * kernel spectrum is computed by a double-precision FFT for both precisions, so the float plan is
 * as accurate as float storage allows. */

#define PLAN FB_CAT2(fb_cplan_, FB_PSFX)
#define PASS FB_CAT2(fb_pass_, FB_PSFX)
#define PNAME(x) FB_CAT3(fb_cplan_, FB_PSFX, x)

static void PNAME(_init_radix_tables)(PLAN *p, const fb_roots *roots, FB_TWT *mem)
{
    const fb_idx n = p->n;
    fb_idx l1 = 1;
    long double c, s;
    for (int f = 0; f < p->npass; ++f) {
        const fb_idx ip = p->pass[f].ip, ido = n / (l1 * ip);
        p->pass[f].tw = mem;
        for (fb_idx j = 1; j < ip; ++j)
            for (fb_idx i = 1; i < ido; ++i) {
                fb_roots_get(roots, j * l1 * i, &c, &s);
                mem[(j - 1) * (ido - 1) + i - 1].r = (FB_TW)c;
                mem[(j - 1) * (ido - 1) + i - 1].i = (FB_TW)s;
            }
        mem += (ip - 1) * (ido - 1);
        p->pass[f].cs = NULL;
        if (p->pass[f].rsub) {   /* Rader: the kernel spectrum, filled by _init_rader */
            p->pass[f].cs = mem;
            mem += ip;
        } else if (FB_GENERIC_RADIX(ip)) {   /* generic pass: the ip-th roots, w_ip^m = w_n^(m n/ip) */
            p->pass[f].cs = mem;
            for (fb_idx m = 0; m < ip; ++m) {
                fb_roots_get(roots, m * (n / ip), &c, &s);
                mem[m].r = (FB_TW)c;
                mem[m].i = (FB_TW)s;
            }
            mem += ip;
        }
        l1 *= ip;
    }
}

/* Rader tables of a prime pass (fb_cfft_passes.h, passr): the gather order g^-s and the scatter
 * order g^q, and the kernel spectrum D = F(d) / L, d_m = w_ip^(g^m), by a double-precision FFT
 * from long-double roots (as Bluestein's kernel). roots: the n-th roots of the whole plan. */
static int PNAME(_init_rader)(PASS *pass, const fb_roots *roots, fb_idx n)
{
    const fb_idx ip = pass->ip, L = ip - 1;
    const uint64_t g = (uint64_t)fb_primitive_root(ip), ginv = (uint64_t)fb_powmod(g, ip - 2, ip);
    pass->ridx = (fb_idx *)malloc(sizeof(fb_idx) * (size_t)(2 * L));
    fb_cd *d = (fb_cd *)fb_malloc(sizeof(fb_cd) * (size_t)L), *scr = NULL;
    fb_cplan_d *dplan = NULL;
    int err = (pass->ridx && d) ? fb_cplan_d_make(L, &dplan) : FB_ENOMEM;
    if (err == FB_OK) {
        scr = (fb_cd *)fb_malloc(sizeof(fb_cd) * (size_t)(L + fb_cplan_d_work(dplan)));
        if (!scr) err = FB_ENOMEM;
    }
    if (err == FB_OK) {
        uint64_t gi = 1, go = 1;   /* g^-s and g^s mod ip */
        for (fb_idx s = 0; s < L; ++s) {
            long double c, sn;
            pass->ridx[s] = (fb_idx)gi;
            pass->ridx[L + s] = (fb_idx)go;
            fb_roots_get(roots, (fb_idx)go * (n / ip), &c, &sn);   /* w_ip^(g^s) */
            d[s].r = (double)c;
            d[s].i = (double)sn;
            gi = (uint64_t)((unsigned __int128)gi * ginv % (uint64_t)ip);
            go = (uint64_t)((unsigned __int128)go * g % (uint64_t)ip);
        }
        const fb_cd *spec = fb_cexec_d(dplan, 1, d, scr, scr + L);
        const double inv = 1.0 / (double)L;
        for (fb_idx m = 0; m < L; ++m) {
            pass->cs[m].r = (FB_TW)(spec[m].r * inv);
            pass->cs[m].i = (FB_TW)(spec[m].i * inv);
        }
    }
    fb_free(d);
    fb_free(scr);
    if (dplan) fb_cplan_d_destroy(dplan);
    return err;
}

static int PNAME(_make_ex)(fb_idx n, PLAN **out, int rader);

/* A plan made only of radix passes (n's largest prime factor is small enough, or forced). */
static int PNAME(_make_radix)(fb_idx n, PLAN **out, int rader)
{
    *out = NULL;
    PLAN *p = (PLAN *)calloc(1, sizeof(PLAN));
    if (!p) return FB_ENOMEM;
    p->n = n;
    fb_idx f[FB_MAXFACT];
    p->npass = fb_factorize_radix(n, f, FB_MAX_RADIX2);
    size_t ntw = 0;
    fb_idx l1 = 1;
    for (int j = 0; j < p->npass; ++j) {
        const fb_idx ip = f[j], ido = n / (l1 * ip);
        p->pass[j].ip = ip;
        ntw += (size_t)((ip - 1) * (ido - 1));
        if (FB_GENERIC_RADIX(ip)) ntw += (size_t)ip;
        fb_idx need = FB_GENERIC_RADIX(ip) ? ip : 0;
        if (FB_GENERIC_RADIX(ip) && rader && fb_use_rader(ip)) {
            /* no Rader inside Rader: each level adds the error of two FFTs, while a generic
             * pass of the inner prime costs little there (measured: 2x lower error at 223) */
            int err = PNAME(_make_ex)(ip - 1, &p->pass[j].rsub, 0);
            if (err != FB_OK) { PNAME(_destroy)(p); return err; }
            const fb_idx sw = PNAME(_work)(p->pass[j].rsub), sg = p->pass[j].rsub->maxgen;
            need = 2 * (ip - 1) + (sw > sg ? sw : sg);
        }
        if (need > p->maxgen) p->maxgen = need;
        l1 *= ip;
    }
    p->mem = fb_malloc(sizeof(FB_TWT) * (ntw + 1));
    p->bytes = (fb_idx)(sizeof(PLAN) + sizeof(FB_TWT) * (ntw + 1));
    fb_roots roots;
    int err = p->mem ? fb_roots_init(&roots, n) : FB_ENOMEM;
    if (err != FB_OK) { PNAME(_destroy)(p); return err; }
    PNAME(_init_radix_tables)(p, &roots, (FB_TWT *)p->mem);
    for (int j = 0; j < p->npass && err == FB_OK; ++j)
        if (p->pass[j].rsub) {
            err = PNAME(_init_rader)(&p->pass[j], &roots, n);
            /* its convolution plan and index tables belong to this plan too */
            p->bytes += p->pass[j].rsub->bytes + (fb_idx)sizeof(fb_idx) * 2 * (p->pass[j].ip - 1);
        }
    fb_roots_free(&roots);
    if (err != FB_OK) { PNAME(_destroy)(p); return err; }
    *out = p;
    return FB_OK;
}

static int PNAME(_make_bluestein)(fb_idx n, PLAN **out)
{
    *out = NULL;
    const fb_idx m = fb_bluestein_size(n);
    PLAN *p = (PLAN *)calloc(1, sizeof(PLAN));
    if (!p) return FB_ENOMEM;
    p->n = n;
    int err = PNAME(_make)(m, &p->sub);   /* m is smooth: a radix plan, with the lane split */
    if (err != FB_OK) { free(p); return err; }
    p->mem = fb_malloc(sizeof(FB_TWT) * (size_t)(n + m));
    p->bytes = (fb_idx)sizeof(PLAN) + p->sub->bytes + (fb_idx)sizeof(FB_TWT) * (n + m);
    fb_cd *kern = (fb_cd *)fb_malloc(sizeof(fb_cd) * (size_t)m);
    fb_cd *kscr = NULL;
    fb_cplan_d *dplan = NULL;
    fb_roots roots;
    roots.t1 = roots.t2 = NULL;
    err = (p->mem && kern) ? fb_roots_init(&roots, 2 * n) : FB_ENOMEM;
    if (err == FB_OK) err = fb_cplan_d_make(m, &dplan);   /* the kernel spectrum in double */
    if (err == FB_OK) {
        kscr = (fb_cd *)fb_malloc(sizeof(fb_cd) * (size_t)(m + fb_cplan_d_work(dplan)));
        if (!kscr) err = FB_ENOMEM;
    }
    if (err != FB_OK) {
        fb_free(kern); fb_free(kscr); fb_roots_free(&roots);
        if (dplan) fb_cplan_d_destroy(dplan);
        PNAME(_destroy)(p);
        return err;
    }
    p->bk = (FB_TWT *)p->mem;
    p->bkf = p->bk + n;
    /* b_k = w_{2n}^(k^2 mod 2n): the exact integer reduction keeps the phase accurate for large n
     * where k^2 / n in floating point would lose all digits. (k+1)^2 = k^2 + 2k + 1. */
    const uint64_t n2 = 2 * (uint64_t)n;
    uint64_t q = 0;
    for (fb_idx k = 0; k < m; ++k) kern[k].r = kern[k].i = 0.0;
    for (fb_idx k = 0; k < n; ++k) {
        long double c, s;
        fb_roots_get(&roots, (fb_idx)q, &c, &s);
        p->bk[k].r = (FB_TW)c;
        p->bk[k].i = (FB_TW)s;
        /* kernel conj(b_j) at j and m - j (the convolution wraps around) */
        kern[k].r = (double)c;
        kern[k].i = -(double)s;
        if (k > 0) kern[m - k] = kern[k];
        q += 2 * (uint64_t)k + 1;
        if (q >= n2) q %= n2;
    }
    fb_cd *spec = fb_cexec_d(dplan, 1, kern, kscr, kscr + m);
    const double inv_m = 1.0 / (double)m;
    /* with a blocked sub plan, in the order its step 2 writes (fb_cfft_exec.h says why) */
    const fb_idx R = p->sub->col ? FB_BLK_GROUPS * FB_PVLEN : 0;
    p->bkfr = R;
    for (fb_idx k = 0; k < m; ++k) {
        const fb_idx at = R ? fb_blk_wpos(p->sub->col->n, p->sub->row->n, R, k) : k;
        p->bkf[at].r = (FB_TW)(spec[k].r * inv_m);
        p->bkf[at].i = (FB_TW)(spec[k].i * inv_m);
    }
    fb_free(kern); fb_free(kscr); fb_roots_free(&roots);
    fb_cplan_d_destroy(dplan);
    *out = p;
    return FB_OK;
}

/* Adds the lane split (fb_cfft_split.h) to a radix plan: a plan of length n/V for the vector
 * lanes and the combining twiddles. */
static int PNAME(_add_split)(PLAN *p, int rader)
{
    const fb_idx n = p->n, h = n / FB_PVLEN;
    int err = PNAME(_make_radix)(h, &p->half, rader);
    if (err != FB_OK) return err;
    FB_TW *tws = (FB_TW *)fb_malloc(sizeof(FB_TW) * (size_t)(2 * (FB_PVLEN - 1) * h));
    p->tws = tws;
    p->bytes += p->half->bytes + (fb_idx)sizeof(FB_TW) * 2 * (FB_PVLEN - 1) * h;
    fb_roots roots;
    err = tws ? fb_roots_init(&roots, n) : FB_ENOMEM;
    if (err != FB_OK) return err;
    long double c, s;
    for (fb_idx r = 1; r < FB_PVLEN; ++r)
        for (fb_idx k = 0; k < h; ++k) {
            fb_roots_get(&roots, r * k, &c, &s);
            tws[2 * (r - 1) * h + k] = (FB_TW)c;   /* real parts, then imaginary parts */
            tws[(2 * r - 1) * h + k] = (FB_TW)s;
        }
    fb_roots_free(&roots);
    return FB_OK;
}

/* The split n = n1 * n2 of the blocked algorithm, n1 as close to sqrt(n) as possible: with
 * `whole`, both multiples of the lane count (every vector group full, for large n); otherwise
 * any factors >= 2. 0 if there is none. */
static fb_idx PNAME(_blocked_n1)(fb_idx n, int whole)
{
    fb_idx best = 0;
    double target = sqrt((double)n), bestdist = 0.0;
    for (fb_idx e = 2; e * e <= n; ++e) {
        if (n % e) continue;
        const fb_idx pair[2] = {e, n / e};
        for (int j = 0; j < 2; ++j) {
            const fb_idx d = pair[j];
            if (whole && (d % FB_PVLEN || (n / d) % FB_PVLEN)) continue;
            /* d and n/d are equally far from sqrt(n): the larger n1 (column length), as powers
             * of two already got by rounding (7500 as 100 x 75 ran 5% faster than 75 x 100) */
            double dist = fabs(log((double)d / target));
            if (!best || dist < bestdist - 1e-9 || (dist <= bestdist + 1e-9 && d > best)) {
                best = d;
                bestdist = dist;
            }
        }
    }
    return best;
}

/* Adds the blocked algorithm (fb_cfft_blocked.h) to a radix plan. */
static int PNAME(_add_blocked)(PLAN *p, fb_idx n1, int rader)
{
    const fb_idx n = p->n;
    int err = PNAME(_make_radix)(n1, &p->col, rader);
    if (err == FB_OK) err = PNAME(_make_radix)(n / n1, &p->row, rader);
    if (err != FB_OK) return err;
    int sh = 0;
    while (((fb_idx)1 << (2 * sh)) < n) ++sh;
    p->tshift = sh;
    const fb_idx nlo = (fb_idx)1 << sh, nhi = (n >> sh) + 1;
    p->tlo = (FB_TWT *)fb_malloc(sizeof(FB_TWT) * (size_t)(nlo + nhi));
    p->bytes += p->col->bytes + p->row->bytes + (fb_idx)sizeof(FB_TWT) * (nlo + nhi);
    fb_roots roots;
    err = p->tlo ? fb_roots_init(&roots, n) : FB_ENOMEM;
    if (err != FB_OK) return err;
    p->thi = p->tlo + nlo;
    long double c, s;
    for (fb_idx e = 0; e < nlo; ++e) {
        fb_roots_get(&roots, e, &c, &s);
        p->tlo[e].r = (FB_TW)c;
        p->tlo[e].i = (FB_TW)s;
    }
    for (fb_idx e = 0; e < nhi; ++e) {
        fb_roots_get(&roots, e << sh, &c, &s);
        p->thi[e].r = (FB_TW)c;
        p->thi[e].i = (FB_TW)s;
    }
    /* lane factors w_n^(l k1), l < FB_BLK_GROUPS * V, stored per group as V reals then V imags */
    const fb_idx L = FB_BLK_GROUPS * FB_PVLEN;
    FB_TW *lt = (FB_TW *)fb_malloc(sizeof(FB_TW) * (size_t)(2 * L * n1));
    p->tlane = lt;
    p->bytes += (fb_idx)sizeof(FB_TW) * 2 * L * n1;
    if (!lt) { fb_roots_free(&roots); return FB_ENOMEM; }
    for (fb_idx k1 = 0; k1 < n1; ++k1)
        for (fb_idx l = 0; l < L; ++l) {
            fb_roots_get(&roots, l * k1, &c, &s);
            fb_idx g = l / FB_PVLEN, v = l % FB_PVLEN;
            lt[k1 * 2 * L + 2 * g * FB_PVLEN + v] = (FB_TW)c;
            lt[k1 * 2 * L + (2 * g + 1) * FB_PVLEN + v] = (FB_TW)s;
        }
    fb_roots_free(&roots);
    return FB_OK;
}

/* rader = 0: prime passes stay generic (the convolution plan of a Rader pass) */
static int PNAME(_make_ex)(fb_idx n, PLAN **out, int rader)
{
    *out = NULL;
    if (n < 1) return FB_EINVAL;
    if (fb_prefer_bluestein_ex(n, rader)) return PNAME(_make_bluestein)(n, out);
    int err = PNAME(_make_radix)(n, out, rader);
    if (err != FB_OK) return err;
    /* Below V^2 points a lane split or a blocked plan has rows too short to pay for its
     * combining pass (8 lanes: n = 32 ran 2.5x slower split than as plain radix passes). */
    const int lanes_pay = n >= FB_SPLIT_MIN && n >= FB_PVLEN * FB_PVLEN;
    const int splittable = n % FB_PVLEN == 0 && lanes_pay;
    fb_idx n1 = n >= fb_blocked_min() ? PNAME(_blocked_n1)(n, 1) : 0;
    if (!n1 && !splittable && lanes_pay) n1 = PNAME(_blocked_n1)(n, 0);
    if (n1)
        err = PNAME(_add_blocked)(*out, n1, rader);
    else if (splittable)
        err = PNAME(_add_split)(*out, rader);
    if (err != FB_OK) { PNAME(_destroy)(*out); *out = NULL; }
    return err;
}

int PNAME(_make)(fb_idx n, PLAN **out)
{
    return PNAME(_make_ex)(n, out, 1);
}

void PNAME(_destroy)(PLAN *p)
{
    if (!p) return;
    for (int f = 0; f < p->npass; ++f) {
        if (p->pass[f].rsub) PNAME(_destroy)(p->pass[f].rsub);
        free(p->pass[f].ridx);
    }
    if (p->sub) PNAME(_destroy)(p->sub);
    if (p->half) PNAME(_destroy)(p->half);
    if (p->col) PNAME(_destroy)(p->col);
    if (p->row) PNAME(_destroy)(p->row);
    fb_free(p->tws);
    fb_free(p->tlo);
    fb_free(p->tlane);
    fb_free(p->mem);
    free(p);
}

fb_idx PNAME(_work)(const PLAN *p)
{
    if (p->col) return p->n + FB_PVLEN * FB_BLK_GROUPS * FB_BLK_GROUP_SIZE(p) + FB_ALIGN_SLACK;
    if (p->half) return 2 * p->n + FB_PVLEN * p->half->maxgen + FB_ALIGN_SLACK;
    return p->sub ? 2 * p->sub->n + PNAME(_work)(p->sub) : p->maxgen;
}

int PNAME(_lands_in_other)(const PLAN *p)
{
    return !p->sub && !p->half && !p->col && (p->npass & 1);
}

#undef PLAN
#undef PASS
#undef PNAME
