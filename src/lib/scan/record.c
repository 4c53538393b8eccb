/* The record: opened by a form, closed at its end, resolved to the entries
 * it names (its event, its HRESULTs, its messages) and reported. */
#include "scan.h"

void sspr__scan_open(scan_state *s, uint8_t kind)
{
    scan_rec *r = &s->rec;
    r->open = 1;
    r->kind = kind;
    r->line = s->line;
    r->src = SRC_UNKNOWN;
    r->has_id = 0;
    r->nhr = 0;
    r->nent = 0;
    s->npend = 0;
    s->tlen = 0;
    s->in_quote = 0;
}

void sspr__scan_add_hr(scan_rec *r, uint32_t hr)
{
    for (uint8_t i = 0; i < r->nhr; i++)
        if (r->hr[i] == hr)
            return;
    if (r->nhr < SCAN_HRS)
        r->hr[r->nhr++] = hr;
}

void sspr__scan_add_entry(uint32_t *v, size_t *n, size_t cap, uint32_t e)
{
    for (size_t i = 0; i < *n; i++)
        if (v[i] == e)
            return;
    if (*n < cap)
        v[(*n)++] = e;
}

static int scan_is_hresult(const struct sspr_entry *e, uint32_t hr)
{
    for (uint32_t i = 0; i < e->hresults.n; i++)
        if (sspr__hrs[e->hresults.off + i] == hr)
            return 1;
    return 0;
}

/* May an entry found in the text of record r count? Its source must be the
 * record's (or the record's unknown, or the entry has none). */
static int scan_fits(const scan_rec *r, const struct sspr_entry *e)
{
    return r->src == SRC_UNKNOWN || e->source == 0 || e->source == r->src;
}

enum { SCAN_FOUND_MAX = 2 * SCAN_ENTS + 16 };

/* The entries that are the record's event: source and id; several (ADSync
 * 6329) are told apart by an HRESULT of the record. */
static void scan_resolve_event(const scan_rec *r, uint32_t *out, size_t *n)
{
    const sspr_entry *found[16];
    size_t k = sspr_by_code(sspr__source_name(r->src), r->id, found, 16);
    size_t is = 0;
    const struct sspr_entry *mine[16];
    for (size_t i = 0; i < k && i < 16; i++)
        if (found[i]->code == (int64_t)r->id && found[i]->source == r->src)
            mine[is++] = found[i];
    for (size_t i = 0; i < is; i++) {
        int pick = is == 1;
        for (uint8_t h = 0; h < r->nhr && !pick; h++)
            pick = scan_is_hresult(mine[i], r->hr[h]);
        if (pick)
            sspr__scan_add_entry(out, n, SCAN_FOUND_MAX, mine[i]->index);
    }
}

static void scan_resolve_hresults(const scan_rec *r, uint32_t *out, size_t *n)
{
    for (uint8_t h = 0; h < r->nhr; h++) {
        const sspr_entry *found[16];
        size_t k = sspr_by_hresult(r->hr[h], found, 16);
        for (size_t i = 0; i < k && i < 16; i++) {
            const struct sspr_entry *e = found[i];
            if (!scan_is_hresult(e, r->hr[h]) || !scan_fits(r, e))
                continue;
            if (r->has_id && e->code >= 0 && e->code != (int64_t)r->id)
                continue; /* another event with this HRESULT */
            sspr__scan_add_entry(out, n, SCAN_FOUND_MAX, e->index);
        }
    }
}

void sspr__scan_end_record(scan_state *s)
{
    scan_rec *r = &s->rec;
    if (!r->open)
        return;
    r->open = 0;
    s->npend = 0;
    s->tlen = 0;
    s->in_quote = 0;
    if (r->src == SRC_FOREIGN || (r->nhr == 0 && r->nent == 0 && !(r->has_id && r->src)))
        return;
    uint32_t out[SCAN_FOUND_MAX];
    size_t n = 0;
    if (r->has_id && r->src)
        scan_resolve_event(r, out, &n);
    scan_resolve_hresults(r, out, &n);
    for (uint8_t i = 0; i < r->nent; i++)
        if (scan_fits(r, &sspr__entries[r->ent[i]]))
            sspr__scan_add_entry(out, &n, SCAN_FOUND_MAX, r->ent[i]);
    for (size_t i = 1; i < n; i++) { /* catalogue order */
        uint32_t x = out[i];
        size_t j = i;
        for (; j > 0 && out[j - 1] > x; j--)
            out[j] = out[j - 1];
        out[j] = x;
    }
    for (size_t i = 0; i < n; i++)
        if (s->fn)
            s->fn(s->ctx, &sspr__entries[out[i]], r->line);
}
