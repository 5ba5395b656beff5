// SPDX-License-Identifier: BSD-2-Clause
/*
 * The physical memory map as SVG: one bar from address 0 (top) to the end
 * of the highest range, cut at every boundary of a memory or reserved
 * region (and of an e820 entry). Each piece is memory (free, reserved or
 * NOMAP), a reservation outside memory, an e820 range that is not RAM, or
 * a hole. Heights follow a log scale with a floor, so a 4 KiB page stays
 * visible next to a terabyte: MIN_H plus PX_PER_DOUBLING for every
 * doubling above 4 KiB. A strip left of the bar shows each range's node.
 */
#include <stdlib.h>
#include <string.h>
#include "sim.h"

#define MIN_H		16.0
#define PX_PER_DOUBLING	5.0
#define BAR_X		190
#define BAR_W		170
#define NODE_X		168
#define NODE_W		16
#define LABEL_X		372
#define WIDTH		900

enum kind {
	K_FREE, K_RESERVED, K_NOMAP, K_RSV_HOLE, K_E820, K_HOLE,
};

static const struct {
	const char *name, *fill;
} kinds[] = {
	[K_FREE]	= { "free memory", "#8fd18f" },
	[K_RESERVED]	= { "reserved memory", "#f0a030" },
	[K_NOMAP]	= { "NOMAP memory", "#a56ad0" },
	[K_RSV_HOLE]	= { "reserved, not memory", "#f7d9a8" },
	[K_E820]	= { "e820 range, not RAM", "#b8b8b8" },
	[K_HOLE]	= { "hole", "url(#hatch)" },
};

static const char *const node_fill[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2",
	"#17becf", "#bcbd22",
};

struct seg {
	uint64_t start, end;		/* [start, end) */
	enum kind kind;
	int nid;			/* -1: none */
	bool nomap_reserved;		/* K_NOMAP that is also reserved */
	bool mirror;			/* memory marked MEMBLOCK_MIRROR */
	uint32_t e820_type;
};

static uint64_t *points;
static size_t npoints, cap_points;

static void add_point(uint64_t p)
{
	if (npoints == cap_points) {
		cap_points = cap_points ? 2 * cap_points : 64;
		points = realloc(points, cap_points * sizeof(*points));
		if (!points) {
			sim_err("out of memory");
			exit(SIM_EXIT_PANIC);
		}
	}
	points[npoints++] = p;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static const struct memblock_region *find(const struct memblock_type *t,
					  uint64_t addr)
{
	for (unsigned long i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (r->size && addr >= r->base && addr - r->base < r->size)
			return r;
	}
	return NULL;
}

static const struct e820_entry *find_e820(const struct sim_state *st, uint64_t addr)
{
	const struct e820_table *t;

	if (!st->e820 || !st->e820->have_map)
		return NULL;
	t = &st->e820->map;
	for (uint32_t i = 0; i < t->nr_entries; i++)
		if (addr >= t->entries[i].addr &&
		    addr - t->entries[i].addr < t->entries[i].size)
			return &t->entries[i];
	return NULL;
}

static void classify(const struct sim_state *st, struct seg *s)
{
	const struct memblock_region *m = find(&memblock.memory, s->start);
	const struct memblock_region *r = find(&memblock.reserved, s->start);
	const struct e820_entry *e = find_e820(st, s->start);

	s->nid = -1;
	s->e820_type = 0;
	if (m) {
		s->nid = m->nid >= 0 && m->nid < MAX_NUMNODES ? m->nid : -1;
		/* Flag tests: Linux's predicates take non-const pointers. */
		s->kind = (m->flags & MEMBLOCK_NOMAP) ? K_NOMAP :
			  r ? K_RESERVED : K_FREE;
		s->nomap_reserved = (m->flags & MEMBLOCK_NOMAP) && r;
		s->mirror = !!(m->flags & MEMBLOCK_MIRROR);
	} else if (r) {
		s->kind = K_RSV_HOLE;
	} else if (e) {
		s->kind = K_E820;
		s->e820_type = e->type;
	} else {
		s->kind = K_HOLE;
	}
}

static double seg_height(uint64_t size)
{
	double d = 0;

	for (uint64_t pages = size >> 12; pages > 1; pages >>= 1)
		d += 1;
	/* The fractional doubling, so that sizes order by height. */
	if (size >> 12 > 1) {
		uint64_t top = 1ULL << (unsigned int)d;
		d += (double)((size >> 12) - top) / (double)top;
	}
	return MIN_H + PX_PER_DOUBLING * d;
}

static void xml_escaped(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default:
			if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f)
				fputc(*s, f);
			else
				fputc('?', f);
		}
	}
}

static const char *e820_name(uint32_t type, char *buf, size_t len)
{
	const char *n = e820_type_name(type);

	if (!strcmp(n, "unknown") || !strcmp(n, "persistent"))
		snprintf(buf, len, "e820 %s type %u", n, type);
	else
		snprintf(buf, len, "e820 %s", n);
	return buf;
}

/* Mirrored memory gets a strip on the bar's right edge (UEFI MORE_RELIABLE). */
#define MIRROR_W	8
#define MIRROR_FILL	"#2060c0"
static bool any_mirror;

/* The title and the legend; returns where the map starts. NULL @f: measure only. */
static int legend(FILE *f, const char *title)
{
	int x = 12, y = 40;

	if (f) {
		fprintf(f, "<text x=\"12\" y=\"22\" class=\"title\">");
		xml_escaped(f, title);
		fprintf(f, "</text>\n");
	}
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		int w = 34 + (int)strlen(kinds[i].name) * 7;

		if (x + w > WIDTH - 10) {
			x = 12;
			y += 20;
		}
		if (f) {
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#444\" stroke-width=\"0.6\"/>\n",
				x, y, kinds[i].fill);
			fprintf(f, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 20,
				y + 11, kinds[i].name);
		}
		x += w;
	}
	if (f)
		fprintf(f, "<text x=\"12\" y=\"%d\" class=\"note\">Address 0 at the top. Height: %.0f px + %.0f px per doubling of size above 4 KiB (log scale). Left strip: NUMA node.</text>\n",
		y + 34, MIN_H, PX_PER_DOUBLING);
	if (f && any_mirror)	/* the note's second line, only then */
		fprintf(f, "<text x=\"12\" y=\"%d\" class=\"note\">Right strip (%s): mirrored memory (MEMBLOCK_MIRROR, UEFI MORE_RELIABLE), which allocations prefer.</text>\n",
			y + 48, MIRROR_FILL);
	if (any_mirror)
		return y + 70;
	return y + 56;
}

int sim_svg(const char *path, const struct sim_state *st)
{
	struct seg *segs;
	size_t nsegs = 0;
	double y, height;
	int top;
	FILE *f;
	char sz[32], tn[48];
	unsigned long i;

	npoints = 0;
	add_point(0);
	for (i = 0; i < memblock.memory.cnt; i++) {
		add_point(memblock.memory.regions[i].base);
		add_point(memblock.memory.regions[i].base + memblock.memory.regions[i].size);
	}
	for (i = 0; i < memblock.reserved.cnt; i++) {
		add_point(memblock.reserved.regions[i].base);
		add_point(memblock.reserved.regions[i].base + memblock.reserved.regions[i].size);
	}
	if (st->e820 && st->e820->have_map) {
		const struct e820_table *t = &st->e820->map;

		for (uint32_t k = 0; k < t->nr_entries; k++) {
			add_point(t->entries[k].addr);
			add_point(t->entries[k].addr + t->entries[k].size);
		}
	}
	qsort(points, npoints, sizeof(*points), cmp_u64);

	segs = calloc(npoints + 1, sizeof(*segs));
	if (!segs) {
		sim_err("out of memory");
		return -1;
	}
	for (i = 0; i + 1 < npoints; i++) {
		struct seg s = { .start = points[i], .end = points[i + 1] };

		if (s.start == s.end)
			continue;
		classify(st, &s);
		if (nsegs && segs[nsegs - 1].kind == s.kind &&
		    segs[nsegs - 1].nid == s.nid &&
		    segs[nsegs - 1].e820_type == s.e820_type &&
		    segs[nsegs - 1].nomap_reserved == s.nomap_reserved &&
		    segs[nsegs - 1].mirror == s.mirror &&
		    segs[nsegs - 1].end == s.start) {
			segs[nsegs - 1].end = s.end;
			continue;
		}
		segs[nsegs++] = s;
	}

	any_mirror = false;
	for (i = 0; i < nsegs; i++)
		any_mirror |= segs[i].mirror;
	top = legend(NULL, "");
	height = top + 40;
	for (i = 0; i < nsegs; i++)
		height += seg_height(segs[i].end - segs[i].start);

	f = fopen(path, "w");
	if (!f) {
		sim_err("%s: cannot write: %m", path);
		free(segs);
		return -1;
	}
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"11\">\n",
		WIDTH, height, WIDTH, height);
	fprintf(f, "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#cccccc\" stroke-width=\"2\"/></pattern>\n");
	fprintf(f, "<style>.title{font-size:14px;font-weight:bold}.note{fill:#555}.addr{fill:#333}.lbl{fill:#111}.sub{fill:#666}</style></defs>\n");
	fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
	legend(f, st->title ? st->title : "physical memory map");

	y = top;
	for (i = 0; i < nsegs; i++) {
		const struct seg *s = &segs[i];
		uint64_t size = s->end - s->start;
		double h = seg_height(size);
		const char *what = kinds[s->kind].name;

		fprintf(f, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\" stroke=\"#333\" stroke-width=\"0.6\"/>\n",
			BAR_X, y, BAR_W, h, kinds[s->kind].fill);
		if (s->nid >= 0)
			fprintf(f, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>\n",
				NODE_X, y, NODE_W, h,
				node_fill[s->nid % (int)(sizeof(node_fill) / sizeof(node_fill[0]))]);
		if (s->mirror)
			fprintf(f, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>\n",
				BAR_X + BAR_W - MIRROR_W, y, MIRROR_W, h, MIRROR_FILL);
		if (s->nid >= 0 && (i == 0 || segs[i - 1].nid != s->nid))
			fprintf(f, "<text x=\"%d\" y=\"%.1f\" font-size=\"9\" fill=\"white\">%d</text>\n",
				NODE_X + 3, y + 11, s->nid);
		/* The start address on the boundary line. */
		fprintf(f, "<line x1=\"150\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-width=\"0.6\"/>\n",
			y, BAR_X, y);
		fprintf(f, "<text x=\"146\" y=\"%.1f\" text-anchor=\"end\" class=\"addr\">0x%llx</text>\n",
			y + 4, (unsigned long long)s->start);

		if (s->kind == K_E820)
			what = e820_name(s->e820_type, tn, sizeof(tn));
		if (s->nomap_reserved)
			what = "NOMAP memory, reserved";
		fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"lbl\">%s  %s", LABEL_X,
			y + (h >= 30 ? h / 2 - 2 : h / 2 + 4), what,
			sim_size_str(sz, sizeof(sz), size));
		if (s->mirror)
			fprintf(f, ", mirrored");
		if (s->nid >= 0)
			fprintf(f, "  node %d", s->nid);
		if (h >= 30)
			fprintf(f, "</text>\n<text x=\"%d\" y=\"%.1f\" class=\"sub\">[0x%llx-0x%llx]</text>\n",
				LABEL_X, y + h / 2 + 11, (unsigned long long)s->start,
				(unsigned long long)(s->end - 1));
		else
			fprintf(f, "  [0x%llx-0x%llx]</text>\n",
				(unsigned long long)s->start,
				(unsigned long long)(s->end - 1));
		y += h;
	}
	if (nsegs) {
		uint64_t last = segs[nsegs - 1].end;

		fprintf(f, "<line x1=\"150\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-width=\"0.6\"/>\n",
			y, BAR_X, y);
		if (last)
			fprintf(f, "<text x=\"146\" y=\"%.1f\" text-anchor=\"end\" class=\"addr\">0x%llx</text>\n",
				y + 4, (unsigned long long)last);
		else
			fprintf(f, "<text x=\"146\" y=\"%.1f\" text-anchor=\"end\" class=\"addr\">2^64</text>\n",
				y + 4);
	}
	fprintf(f, "</svg>\n");
	free(segs);
	if (fclose(f)) {
		sim_err("%s: write error: %m", path);
		return -1;
	}
	printf("svg: %s: %zu ranges\n", path, nsegs);
	return 0;
}
