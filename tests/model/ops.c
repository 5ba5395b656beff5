// SPDX-License-Identifier: BSD-2-Clause
/*
 * Operation streams: decoding, and running one operation on the library
 * and on the model (see ops.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "ops.h"
#include "../ledger/lg_set.c"
#include "../ledger/ledger.c"

/* The contract's error codes (Linux's values), until the header has them. */
#ifndef EPERM
#define EPERM	1
#endif
#ifndef EBUSY
#define EBUSY	16
#endif

enum { MODE_LOW, MODE_HIGH, MODE_MANY, MODE_NR };

/*
 * memblock_free_all() should hand over at most FREE_ALL_MAX_PAGES in a
 * stream: above it, the runner first reserves the highest free memory
 * (checked steps). When the library refuses those reservations (a full
 * array that cannot grow), up to FREE_ALL_HARD_PAGES are still checked
 * (the host windows hold less than that); beyond, the run fails.
 */
#define FREE_ALL_MAX_PAGES	(1UL << 20)
#define FREE_ALL_HARD_PAGES	(1UL << 30)

/* ---- byte source ---- */

static uint8_t get8(struct op_src *s)
{
	if (s->rng) {
		/* xorshift64* */
		s->rng ^= s->rng >> 12;
		s->rng ^= s->rng << 25;
		s->rng ^= s->rng >> 27;
		return (uint8_t)((s->rng * 0x2545F4914F6CDD1DULL) >> 56);
	}
	if (!s->n)
		return 0;
	s->n--;
	return *s->p++;
}

static unsigned int get16(struct op_src *s)
{
	unsigned int v = get8(s);

	return v << 8 | get8(s);
}

static uint64_t get64(struct op_src *s)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | get8(s);
	return v;
}

static const phys_addr_t units[4] = { 0x800, 0x1000, 0x4000, 0x10000 };

static void src_header(struct op_src *s, int mode, int unit)
{
	s->mode = mode % MODE_NR;
	s->unit = units[unit % 4];
	s->grid = 48;
	if (s->mode == MODE_MANY) {
		s->unit = 0x1000;
		s->grid = 600;
	}
}

void op_src_buf(struct op_src *s, const uint8_t *p, size_t n)
{
	uint8_t h;

	memset(s, 0, sizeof(*s));
	s->p = p;
	s->n = n;
	h = get8(s);
	src_header(s, h % MODE_NR, h / MODE_NR);
}

void op_src_rng(struct op_src *s, uint64_t seed, int mode)
{
	memset(s, 0, sizeof(*s));
	s->rng = seed * 0x9E3779B97F4A7C15ULL | 1;
	src_header(s, mode, get8(s));
}

bool op_src_empty(const struct op_src *s)
{
	return !s->rng && !s->n;
}

/* ---- value distributions ---- */

static phys_addr_t special(struct op_src *s)
{
	switch (get8(s) % 10) {
	case 0: return 0;
	case 1: return PAGE_SIZE;
	case 2: return PHYS_ADDR_MAX;
	case 3: return PHYS_ADDR_MAX - s->unit;
	case 4: return PHYS_ADDR_MAX - 1;
	case 5: return (phys_addr_t)1 << (sizeof(phys_addr_t) * 8 - 1);
	case 6: return ARCH_LOW_ADDRESS_LIMIT;
	case 7:
		/* A random value inside one of the host windows (phys_window.c). */
		if (!PHYS_64)
			return (phys_addr_t)get64(s);
		switch (get8(s) % 3) {
		case 0: return (phys_addr_t)(get64(s) % (1ULL << 40));
		case 1: return PHYS_ADDR_MAX - (phys_addr_t)(get64(s) % (1ULL << 40));
		default:
			return (phys_addr_t)((1ULL << 63) - (1ULL << 39) +
					     get64(s) % (1ULL << 40));
		}
	case 8: return s->unit * (s->grid / 2) + 1;
	default: return (phys_addr_t)s->grid * s->unit;
	}
}

/* Addresses: a small grid, so that ranges touch and overlap a lot. */
static phys_addr_t gen_addr(struct op_src *s)
{
	uint8_t c = get8(s);
	phys_addr_t k = get16(s) % (s->grid + 1);
	phys_addr_t off = (c & 7) == 7 ? get8(s) % 64 : 0;

	if (c >= 248)
		return special(s);
	if (s->mode == MODE_HIGH)
		return PHYS_ADDR_MAX - k * s->unit - off;
	return k * s->unit + off;
}

static phys_addr_t gen_size(struct op_src *s)
{
	uint8_t c = get8(s);
	phys_addr_t k = get8(s) % (s->mode == MODE_MANY ? 3 : 17);
	phys_addr_t off = (c & 7) == 7 ? get8(s) % 64 : 0;

	if (c >= 248) {
		switch (get8(s) % 5) {
		case 0: return 1;
		case 1: return PHYS_ADDR_MAX;
		case 2: return PHYS_ADDR_MAX - s->unit;
		case 3: return (phys_addr_t)s->grid * s->unit;
		default:
			/* Random, but ending in a host window (phys_window.c). */
			if (!PHYS_64)
				return (phys_addr_t)get64(s);
			return get8(s) & 1 ? (phys_addr_t)(get64(s) % (1ULL << 40))
					   : PHYS_ADDR_MAX - (phys_addr_t)(get64(s) % (1ULL << 40));
		}
	}
	return k * s->unit + off;
}

/* Allocation sizes: small, so that zeroing them is cheap. */
static phys_addr_t gen_alloc_size(struct op_src *s)
{
	uint8_t c = get8(s);

	if (c >= 250)
		return c == 255 ? PHYS_ADDR_MAX : 0;
	if (c & 1)
		return (phys_addr_t)(c % 5 + 1) * s->unit;
	return (phys_addr_t)(c % 64) * 0x40 + 1 + (c % 3);
}

static phys_addr_t gen_align(struct op_src *s)
{
	static const unsigned long long tab[16] = {
		0, 1, 2, 8, 64, 0x800, 0x1000, 0x2000, 0x10000, 0x100000,
		3, 0x1800, 0, 0, 0x1000, 0x1000,
	};
	unsigned int i = get8(s) % 16;

	if (i == 12)
		return (phys_addr_t)1 << (sizeof(phys_addr_t) * 8 - 1);
	if (i == 13)
		return PHYS_ADDR_MAX;
	return (phys_addr_t)tab[i];
}

static int gen_nid(struct op_src *s)
{
	static const int tab[16] = {
		NUMA_NO_NODE, NUMA_NO_NODE, 0, 0, 1, 1, 2, 3,
		MAX_NUMNODES - 1, MAX_NUMNODES, MAX_NUMNODES, MAX_NUMNODES + 1,
		-2, INT_MAX, INT_MIN, 0,
	};

	return tab[get8(s) % 16];
}

static unsigned int gen_flags(struct op_src *s)
{
	static const unsigned int tab[16] = {
		0, 0, 0, MEMBLOCK_HOTPLUG, MEMBLOCK_MIRROR, MEMBLOCK_NOMAP,
		MEMBLOCK_DRIVER_MANAGED, MEMBLOCK_RSRV_NOINIT,
		MEMBLOCK_HOTPLUG | MEMBLOCK_MIRROR,
		MEMBLOCK_MIRROR | MEMBLOCK_NOMAP, 0x20, 0x80000000u,
		MEMBLOCK_HOTPLUG, MEMBLOCK_MIRROR, MEMBLOCK_NOMAP, 0,
	};

	return tab[get8(s) % 16];
}

static phys_addr_t gen_end(struct op_src *s)
{
	switch (get8(s) % 6) {
	case 0: return MEMBLOCK_ALLOC_ANYWHERE;
	case 1: return MEMBLOCK_ALLOC_ACCESSIBLE;
	case 2: return MEMBLOCK_ALLOC_NOLEAKTRACE;
	default: return gen_addr(s);
	}
}

/* Operation mix: 64 slots per mode. */
#define W(k, n)	{ k, n }
struct weight { unsigned char kind, n; };

static const struct weight mix_normal[] = {
	W(OP_ADD, 3), W(OP_ADD_NODE, 3), W(OP_ALLOC_OR_PANIC, 1), W(OP_REMOVE, 2), W(OP_RESERVE, 4),
	W(OP_PHYS_FREE, 2), W(OP_FREE, 1), W(OP_PHYSMEM_ADD, 2),
	W(OP_MARK_HOTPLUG, 1), W(OP_CLEAR_HOTPLUG, 1), W(OP_MARK_MIRROR, 1),
	W(OP_MARK_NOMAP, 2), W(OP_CLEAR_NOMAP, 1), W(OP_MARK_NOINIT, 1),
	W(OP_SET_NODE, 2), W(OP_ALLOC_RANGE_NID, 2),
	W(OP_PHYS_ALLOC_RANGE, 2), W(OP_PHYS_ALLOC_TRY_NID, 1),
	W(OP_PHYS_ALLOC, 1), W(OP_ALLOC_EXACT_NID_RAW, 1),
	W(OP_ALLOC_TRY_NID_RAW, 1), W(OP_ALLOC_TRY_NID, 2), W(OP_ALLOC, 1),
	W(OP_ALLOC_FROM, 1), W(OP_ALLOC_LOW, 1), W(OP_ALLOC_NODE, 1),
	W(OP_FIND_NODE, 1), W(OP_FIND, 1), W(OP_TRIM, 1),
	W(OP_ENFORCE_LIMIT, 1), W(OP_CAP_RANGE, 1),
	W(OP_MEM_LIMIT_REMOVE_MAP, 1), W(OP_SET_LIMIT, 1),
	W(OP_SET_BOTTOM_UP, 1), W(OP_ALLOW_RESIZE, 1), W(OP_SET_MOVABLE, 1),
	W(OP_SET_KERNEL_END, 1), W(OP_QUERY, 1), W(OP_ITER, 1),
	W(OP_SET_DEBUG, 1), W(OP_FREE_ALL, 1), W(OP_FREE_LATE, 1),
	W(OP_DISCARD, 1), W(OP_REENTER, 1), W(OP_RESERVE_AT_ARRAY, 2),
	W(OP_NOMAP_AT_ARRAY, 1), W(OP_REMOVE_AT_ARRAY, 1),
	W(OP_PHYS_FREE_AT_ARRAY, 1),
};

static const struct weight mix_many[] = {
	W(OP_RESERVE, 16), W(OP_ADD, 6), W(OP_ADD_NODE, 6),
	W(OP_PHYS_FREE, 4), W(OP_REMOVE, 2), W(OP_ALLOW_RESIZE, 2),
	W(OP_MARK_NOMAP, 2), W(OP_SET_NODE, 2), W(OP_ALLOC_RANGE_NID, 4),
	W(OP_ALLOC_TRY_NID, 2), W(OP_PHYSMEM_ADD, 3), W(OP_MARK_NOINIT, 2),
	W(OP_QUERY, 1), W(OP_ITER, 1), W(OP_FIND, 1), W(OP_SET_LIMIT, 1),
	W(OP_FREE_ALL, 1), W(OP_FREE_LATE, 1), W(OP_DISCARD, 1),
	W(OP_REENTER, 1), W(OP_RESERVE_AT_ARRAY, 2), W(OP_NOMAP_AT_ARRAY, 1),
	W(OP_REMOVE_AT_ARRAY, 1), W(OP_PHYS_FREE_AT_ARRAY, 1),
};

static enum op_kind pick_kind(const struct weight *mix, size_t n, unsigned int b)
{
	for (size_t i = 0; i < n; i++) {
		if (b < mix[i].n)
			return mix[i].kind;
		b -= mix[i].n;
	}
	return OP_QUERY;
}

void op_decode(struct op_src *s, struct op *op)
{
	unsigned int b = get8(s) % 64;

	memset(op, 0, sizeof(*op));
	op->kind = s->mode == MODE_MANY
			   ? pick_kind(mix_many, ARRAY_SIZE(mix_many), b)
			   : pick_kind(mix_normal, ARRAY_SIZE(mix_normal), b);
	switch (op->kind) {
	case OP_ALLOC_RANGE_NID: case OP_PHYS_ALLOC_RANGE:
	case OP_PHYS_ALLOC_TRY_NID: case OP_PHYS_ALLOC:
	case OP_ALLOC_EXACT_NID_RAW: case OP_ALLOC_TRY_NID_RAW:
	case OP_ALLOC_TRY_NID: case OP_ALLOC: case OP_ALLOC_FROM:
	case OP_ALLOC_LOW: case OP_ALLOC_NODE: case OP_FIND_NODE:
	case OP_FIND: case OP_ALLOC_OR_PANIC:
		op->a = gen_alloc_size(s);
		op->b = gen_align(s);
		op->c = get8(s) % 4 ? 0 : gen_addr(s);
		op->d = gen_end(s);
		op->nid = gen_nid(s);
		op->flags = gen_flags(s);
		op->x = get8(s) & 1;
		if (get8(s) & 3) {
			/* Mostly valid requests, so that most can succeed. */
			op->b = (phys_addr_t)1 << (get8(s) % 17);
			if (op->nid < NUMA_NO_NODE || op->nid > MAX_NUMNODES)
				op->nid = NUMA_NO_NODE;
		}
		break;
	case OP_SET_LIMIT:
		op->a = get8(s) % 2 ? gen_addr(s) : MEMBLOCK_ALLOC_ANYWHERE;
		break;
	case OP_TRIM:
		op->b = gen_align(s);
		break;
	case OP_ENFORCE_LIMIT: case OP_MEM_LIMIT_REMOVE_MAP:
		op->a = gen_size(s);
		break;
	default:
		op->a = gen_addr(s);
		op->b = gen_size(s);
		op->c = gen_addr(s);
		op->d = gen_size(s);
		op->nid = gen_nid(s);
		op->flags = gen_flags(s);
		op->type = (int)(get8(s) % 4) - 1;
		op->x = get8(s) & 1;
		if (op->kind == OP_SET_NODE && op->type == MT_RESERVED &&
		    (get8(s) & 1))
			op->type = MT_MEMORY;
		break;
	}
	if (op->kind == OP_SET_MOVABLE)
		op->x = !(get8(s) % 4);
	/*
	 * The hand-off ends most of the interesting life: keep it rare (in
	 * "many", rarer still: its arrays must first grow past 128 entries).
	 */
	if (op->kind == OP_FREE_ALL && get8(s) >= (s->mode == MODE_MANY ? 3 : 24))
		op->kind = OP_QUERY;
}

static const char *const op_names[OP_NR] = {
	"add", "add_node", "remove", "reserve", "phys_free", "free",
	"physmem_add", "mark_hotplug", "clear_hotplug", "mark_mirror",
	"mark_nomap", "clear_nomap", "reserved_mark_noinit", "set_node",
	"alloc_range_nid", "phys_alloc_range", "phys_alloc_try_nid",
	"phys_alloc", "alloc_exact_nid_raw", "alloc_try_nid_raw",
	"alloc_try_nid", "alloc", "alloc_from", "alloc_low", "alloc_node",
	"find_in_range_node", "find_in_range", "trim_memory",
	"enforce_memory_limit", "cap_memory_range", "mem_limit_remove_map",
	"set_current_limit", "set_bottom_up", "allow_resize",
	"movable_node", "kernel_end", "query", "iterate", "memblock_debug",
	"alloc_or_panic", "free_all", "free_late", "discard", "reenter",
	"reserve@array", "mark_nomap@array", "remove@array", "phys_free@array",
};

void op_describe(const struct op *op, char *buf, size_t size)
{
	snprintf(buf, size,
		 "%s(a=%#llx b=%#llx c=%#llx d=%#llx nid=%d flags=%#x type=%d x=%d)",
		 op_names[op->kind], (unsigned long long)op->a,
		 (unsigned long long)op->b, (unsigned long long)op->c,
		 (unsigned long long)op->d, op->nid, op->flags, op->type, op->x);
}

/* ---- running ---- */

/* The runner whose hooks are installed (one at a time). */
static struct runner *hook_runner;

static struct memblock_type *lib_type_of(int t)
{
	switch (t) {
	case MT_MEMORY: return &memblock.memory;
	case MT_RESERVED: return &memblock.reserved;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	case MT_PHYSMEM: return &memblock.physmem;
#endif
	default: return NULL;
	}
}

static void hook_free_pages(unsigned long pfn, unsigned int order);
static void hook_log(int level, const char *line);

void runner_init(struct runner *r)
{
	test_reset();
	model_free(&r->m);
	model_free(&r->scratch);
	model_init(&r->m);
	model_init(&r->scratch);
	r->static_arrays[MT_MEMORY] = memblock.memory.regions;
	r->static_arrays[MT_RESERVED] = memblock.reserved.regions;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	r->static_arrays[MT_PHYSMEM] = memblock.physmem.regions;
#endif
	ledger_init(&r->lg, r->static_arrays);
	memset(&r->st, 0, sizeof(r->st));
	r->reenter = false;
	r->hook_depth = 0;
	r->hook_why[0] = 0;
	hook_runner = r;
	test_free_pages_hook = hook_free_pages;
	test_log_hook = hook_log;
}

void runner_fini(struct runner *r)
{
	model_free(&r->m);
	model_free(&r->scratch);
	ledger_fini(&r->lg);
	hook_runner = NULL;
	test_reset();
}

static unsigned long long virt_ret(void *p)
{
	return p ? (unsigned long long)test_virt_to_phys(p) : 0;
}

static bool is_virt_alloc(enum op_kind k)
{
	return k >= OP_ALLOC_EXACT_NID_RAW && k <= OP_ALLOC_NODE;
}

static bool zeroes(enum op_kind k)
{
	return (is_virt_alloc(k) && k != OP_ALLOC_EXACT_NID_RAW &&
		k != OP_ALLOC_TRY_NID_RAW) || k == OP_ALLOC_OR_PANIC;
}

/* What memblock_alloc_or_panic() "returns" when it panics. */
#define PANICKED	(~0ULL)

static unsigned long long lib_alloc_or_panic(phys_addr_t size,
					     phys_addr_t align)
{
	volatile phys_addr_t vsize = size, valign = align;
	void *p;

	test_panic_armed = true;
	if (setjmp(test_panic_jmp))
		return strstr(test_panic_msg, "Failed to allocate") ? PANICKED : 1;
	p = __memblock_alloc_or_panic(vsize, valign, "ops");
	test_panic_armed = false;
	return virt_ret(p);
}

static unsigned long long lib_apply(const struct op *op)
{
	switch (op->kind) {
	case OP_ADD: return (unsigned)memblock_add(op->a, op->b);
	case OP_ADD_NODE:
		return (unsigned)memblock_add_node(op->a, op->b, op->nid,
						   (enum memblock_flags)op->flags);
	case OP_REMOVE: return (unsigned)memblock_remove(op->a, op->b);
	case OP_RESERVE: return (unsigned)memblock_reserve(op->a, op->b);
	case OP_PHYS_FREE: return (unsigned)memblock_phys_free(op->a, op->b);
	case OP_FREE:
		memblock_free(op->x ? NULL : test_phys_to_virt(op->a), op->b);
		return 0;
	case OP_PHYSMEM_ADD:
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		return (unsigned)memblock_physmem_add(op->a, op->b);
#else
		return 0;
#endif
	case OP_MARK_HOTPLUG: return (unsigned)memblock_mark_hotplug(op->a, op->b);
	case OP_CLEAR_HOTPLUG: return (unsigned)memblock_clear_hotplug(op->a, op->b);
	case OP_MARK_MIRROR:
		/* x: the call is made with kernelcore=mirror in force. */
		mirrored_kernelcore = op->x;
		return (unsigned)memblock_mark_mirror(op->a, op->b);
	case OP_MARK_NOMAP: return (unsigned)memblock_mark_nomap(op->a, op->b);
	case OP_CLEAR_NOMAP: return (unsigned)memblock_clear_nomap(op->a, op->b);
	case OP_MARK_NOINIT:
		return (unsigned)memblock_reserved_mark_noinit(op->a, op->b);
	case OP_SET_NODE:
		return (unsigned)memblock_set_node(op->a, op->b,
						   lib_type_of(op->type), op->nid);
	case OP_ALLOC_RANGE_NID:
		return memblock_alloc_range_nid(op->a, op->b, op->c, op->d,
						op->nid, op->x);
	case OP_PHYS_ALLOC_RANGE:
		return memblock_phys_alloc_range(op->a, op->b, op->c, op->d);
	case OP_PHYS_ALLOC_TRY_NID:
		return memblock_phys_alloc_try_nid(op->a, op->b, op->nid);
	case OP_PHYS_ALLOC: return memblock_phys_alloc(op->a, op->b);
	case OP_ALLOC_EXACT_NID_RAW:
		return virt_ret(memblock_alloc_exact_nid_raw(op->a, op->b, op->c,
							     op->d, op->nid));
	case OP_ALLOC_TRY_NID_RAW:
		return virt_ret(memblock_alloc_try_nid_raw(op->a, op->b, op->c,
							   op->d, op->nid));
	case OP_ALLOC_TRY_NID:
		return virt_ret(memblock_alloc_try_nid(op->a, op->b, op->c,
						       op->d, op->nid));
	case OP_ALLOC: return virt_ret(memblock_alloc(op->a, op->b));
	case OP_ALLOC_FROM:
		return virt_ret(memblock_alloc_from(op->a, op->b, op->c));
	case OP_ALLOC_LOW: return virt_ret(memblock_alloc_low(op->a, op->b));
	case OP_ALLOC_NODE:
		return virt_ret(memblock_alloc_node(op->a, op->b, op->nid));
	case OP_FIND_NODE:
		return memblock_find_in_range_node(op->a, op->b, op->c, op->d,
						   op->nid,
						   (enum memblock_flags)op->flags);
	case OP_FIND: return memblock_find_in_range(op->c, op->d, op->a, op->b);
	case OP_TRIM: memblock_trim_memory(op->b); return 0;
	case OP_ENFORCE_LIMIT: memblock_enforce_memory_limit(op->a); return 0;
	case OP_CAP_RANGE: memblock_cap_memory_range(op->a, op->b); return 0;
	case OP_MEM_LIMIT_REMOVE_MAP: memblock_mem_limit_remove_map(op->a); return 0;
	case OP_SET_LIMIT: memblock_set_current_limit(op->a); return 0;
	case OP_SET_BOTTOM_UP: memblock_set_bottom_up(op->x); return 0;
	case OP_ALLOW_RESIZE: memblock_allow_resize(); return 0;
	case OP_SET_MOVABLE: movable_node_enabled = op->x; return 0;
	case OP_SET_KERNEL_END: test_kernel_end = op->a; return 0;
	case OP_SET_DEBUG: memblock_debug = op->x; return 0;
	case OP_ALLOC_OR_PANIC: return lib_alloc_or_panic(op->a, op->b);
	case OP_FREE_ALL: {
		/* void in Linux 6.12: the count is what this call added. */
		unsigned long before = memblock_free_all_released();

		memblock_free_all();
		return memblock_free_all_released() - before;
	}
	case OP_FREE_LATE: memblock_free_late(op->a, op->b); return 0;
	case OP_DISCARD: memblock_discard(); return 0;
	default: return 0;
	}
}

/* Calls that change memblock and return an error code. */
static bool int_mutator(enum op_kind k)
{
	return k <= OP_SET_NODE && k != OP_FREE;
}

static unsigned long long model_apply(struct model *m, const struct op *op)
{
	if (op->kind == OP_PHYSMEM_ADD && !CONFIG_HAVE_MEMBLOCK_PHYS_MAP)
		return 0;	/* nothing called */
	/*
	 * Linux 6.12: memblock_mark_mirror() without kernelcore=mirror returns
	 * 0 before anything else (so before the stage checks, too).
	 */
	if (op->kind == OP_MARK_MIRROR && !op->x)
		return 0;
	/* The boot stages of the ownership contract. */
	if (m->stage == MS_DISCARDED) {
		/* The stage is checked before the arguments. */
		if (int_mutator(op->kind))
			return (unsigned)-EPERM;
		switch (op->kind) {
		case OP_FREE: case OP_TRIM: case OP_ENFORCE_LIMIT:
		case OP_CAP_RANGE: case OP_MEM_LIMIT_REMOVE_MAP:
		case OP_FREE_LATE: case OP_DISCARD: case OP_FREE_ALL:
			return 0;
		default:
			break;
		}
	}
	if (m->stage == MS_FREED) {
		if (op->kind == OP_RESERVE || op->kind == OP_PHYS_FREE)
			return (unsigned)-EPERM;
		if (op->kind == OP_FREE)
			return 0;
	}
	switch (op->kind) {
	case OP_FREE_ALL: return model_free_all(m);
	case OP_FREE_LATE:
		/* A split the full array cannot hold keeps the range reserved. */
		model_remove(m, MT_RESERVED, op->a, op->b);
		return 0;
	case OP_DISCARD: model_discard(m); return 0;
	case OP_ADD:
		return (unsigned)model_add(m, MT_MEMORY, op->a, op->b,
					   MAX_NUMNODES, 0);
	case OP_ADD_NODE:
		return (unsigned)model_add_node(m, op->a, op->b, op->nid,
						op->flags);
	case OP_REMOVE: return (unsigned)model_remove(m, MT_MEMORY, op->a, op->b);
	case OP_RESERVE:
		return (unsigned)model_add(m, MT_RESERVED, op->a, op->b,
					   MAX_NUMNODES, 0);
	case OP_PHYS_FREE:
		return (unsigned)model_remove(m, MT_RESERVED, op->a, op->b);
	case OP_FREE:
		if (!op->x)
			model_remove(m, MT_RESERVED, op->a, (size_t)op->b);
		return 0;
	case OP_PHYSMEM_ADD:
		if (!CONFIG_HAVE_MEMBLOCK_PHYS_MAP)
			return 0;
		return (unsigned)model_add(m, MT_PHYSMEM, op->a, op->b,
					   MAX_NUMNODES, 0);
	case OP_MARK_HOTPLUG:
		return (unsigned)model_set_flags(m, MT_MEMORY, op->a, op->b,
						 MEMBLOCK_HOTPLUG, 0);
	case OP_CLEAR_HOTPLUG:
		return (unsigned)model_set_flags(m, MT_MEMORY, op->a, op->b, 0,
						 MEMBLOCK_HOTPLUG);
	case OP_MARK_MIRROR: {
		int err = model_set_flags(m, MT_MEMORY, op->a, op->b,
					  MEMBLOCK_MIRROR, 0);

		/* Linux's system_has_some_mirror (kept only on success). */
		if (!err)
			m->some_mirror = true;
		return (unsigned)err;
	}
	case OP_MARK_NOMAP:
		return (unsigned)model_set_flags(m, MT_MEMORY, op->a, op->b,
						 MEMBLOCK_NOMAP, 0);
	case OP_CLEAR_NOMAP:
		return (unsigned)model_set_flags(m, MT_MEMORY, op->a, op->b, 0,
						 MEMBLOCK_NOMAP);
	case OP_MARK_NOINIT:
		return (unsigned)model_set_flags(m, MT_RESERVED, op->a, op->b,
						 MEMBLOCK_RSRV_NOINIT, 0);
	case OP_SET_NODE:
		if (op->type == MT_PHYSMEM && !CONFIG_HAVE_MEMBLOCK_PHYS_MAP)
			return (unsigned)-EINVAL;
		return (unsigned)model_set_node(m, op->type, op->a, op->b,
						op->nid);
	case OP_ALLOC_RANGE_NID:
		return model_alloc_range_nid(m, op->a, op->b, op->c, op->d,
					     op->nid, op->x);
	case OP_PHYS_ALLOC_RANGE:
		return model_alloc_range_nid(m, op->a, op->b, op->c, op->d,
					     NUMA_NO_NODE, false);
	case OP_PHYS_ALLOC_TRY_NID:
		return model_alloc_range_nid(m, op->a, op->b, 0,
					     MEMBLOCK_ALLOC_ACCESSIBLE, op->nid,
					     false);
	case OP_PHYS_ALLOC:
		return model_alloc_range_nid(m, op->a, op->b, 0,
					     MEMBLOCK_ALLOC_ACCESSIBLE,
					     NUMA_NO_NODE, false);
	case OP_ALLOC_EXACT_NID_RAW:
		return model_alloc_virt(m, op->a, op->b, op->c, op->d, op->nid,
					true, false);
	case OP_ALLOC_TRY_NID_RAW:
		return model_alloc_virt(m, op->a, op->b, op->c, op->d, op->nid,
					false, false);
	case OP_ALLOC_TRY_NID:
		return model_alloc_virt(m, op->a, op->b, op->c, op->d, op->nid,
					false, true);
	case OP_ALLOC:
		return model_alloc_virt(m, op->a, op->b, 0,
					MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE,
					false, true);
	case OP_ALLOC_FROM:
		return model_alloc_virt(m, op->a, op->b, op->c,
					MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE,
					false, true);
	case OP_ALLOC_LOW:
		return model_alloc_virt(m, op->a, op->b, 0,
					ARCH_LOW_ADDRESS_LIMIT, NUMA_NO_NODE,
					false, true);
	case OP_ALLOC_NODE:
		return model_alloc_virt(m, op->a, op->b, 0,
					MEMBLOCK_ALLOC_ACCESSIBLE, op->nid,
					false, true);
	case OP_FIND_NODE:
		return model_find_node(m, op->a, op->b, op->c, op->d, op->nid,
				       op->flags);
	case OP_FIND: return model_find(m, op->c, op->d, op->a, op->b);
	case OP_ALLOC_OR_PANIC: {
		phys_addr_t pa = model_alloc_virt(m, op->a, op->b, 0,
						  MEMBLOCK_ALLOC_ACCESSIBLE,
						  NUMA_NO_NODE, false, true);

		return pa ? pa : PANICKED;
	}
	case OP_TRIM: model_trim(m, op->b); return 0;
	case OP_ENFORCE_LIMIT: model_enforce_limit(m, op->a); return 0;
	case OP_CAP_RANGE: model_cap_range(m, op->a, op->b); return 0;
	case OP_MEM_LIMIT_REMOVE_MAP: model_mem_limit_remove_map(m, op->a); return 0;
	case OP_SET_LIMIT: m->current_limit = op->a; return 0;
	case OP_SET_BOTTOM_UP: m->bottom_up = op->x; return 0;
	case OP_ALLOW_RESIZE:
		m->can_resize = m->ever_resize = true;
		return 0;
	case OP_SET_MOVABLE: m->movable_node = op->x; return 0;
	case OP_SET_KERNEL_END: m->kernel_end = op->a; return 0;
	default: return 0;
	}
}

static phys_addr_t clamp_size(phys_addr_t base, phys_addr_t size)
{
	return size > PHYS_ADDR_MAX - base ? PHYS_ADDR_MAX - base : size;
}

#define FAIL(...)	(snprintf(r->why, sizeof(r->why), __VA_ARGS__), -1)

static void fmt_pa(char *buf, size_t size, phys_addr_t pa)
{
	snprintf(buf, size, "0x%0*llx", (int)(2 * sizeof(phys_addr_t)),
		 (unsigned long long)pa);
}

/* memblock_dump_all() against lines printed from the model. */
static int check_dump(struct runner *r)
{
	static const char *const names[MT_NR] = { "memory", "reserved", "physmem" };
	const struct model *m = r->qm;
	char want[256], a[40], b[40], c[40];
	size_t lines = 2;
	int at = 0;

	for (int t = 0; t < MT_NR; t++)
		lines += 2 + m->t[t].n;
	if (lines > 500)	/* tests/lib/harness.c keeps 512 log lines */
		return 0;
	test_log_clear();
	memblock_dump_all();
#define EXPECT_LINE()							\
	do {								\
		if (at >= test_log_lines || strcmp(test_log[at], want))	\
			return FAIL("dump line %d: \"%.200s\", model \"%.200s\"", at, \
				    at < test_log_lines ? test_log[at] : "(none)", \
				    want);					\
		at++;							\
	} while (0)
	snprintf(want, sizeof(want), "MEMBLOCK configuration:");
	EXPECT_LINE();
	fmt_pa(a, sizeof(a), model_total(m, MT_MEMORY));
	fmt_pa(b, sizeof(b), model_total(m, MT_RESERVED));
	snprintf(want, sizeof(want), " memory size = %s reserved size = %s", a, b);
	EXPECT_LINE();
	for (int t = 0; t < MT_NR; t++) {
		const struct model_type *mt = &m->t[t];

		if (t == MT_PHYSMEM && !CONFIG_HAVE_MEMBLOCK_PHYS_MAP)
			break;
		/*
		 * Linux 6.11+: an empty type prints "cnt  = 0x0" (the
		 * kernel's "%#lx" keeps the 0x for 0) and no region.
		 */
		snprintf(want, sizeof(want), " %s.cnt  = 0x%zx", names[t],
			 mt->n);
		EXPECT_LINE();
		for (size_t k = 0; k < mt->n; k++) {
			char node[32] = "";

			fmt_pa(a, sizeof(a), mt->r[k].base);
			fmt_pa(b, sizeof(b), mt->r[k].end - 1);
			fmt_pa(c, sizeof(c), mt->r[k].end - mt->r[k].base);
			/* Linux 6.12: " on node N" when numa_valid_node(N). */
			if (mt->r[k].nid >= 0 && mt->r[k].nid < MAX_NUMNODES)
				snprintf(node, sizeof(node), " on node %d",
					 mt->r[k].nid);
			/* Index in hex with 0x, also for 0 (the kernel's "%#lx"). */
			snprintf(want, sizeof(want),
				 " %s[0x%zx]\t[%s-%s], %s bytes%s flags: 0x%x",
				 names[t], k, a, b, c, node, mt->r[k].flags);
			EXPECT_LINE();
		}
	}
#undef EXPECT_LINE
	if (at != test_log_lines)
		return FAIL("dump: %d lines, model %d", test_log_lines, at);
	return 0;
}

static int check_queries(struct runner *r, const struct op *op)
{
	const struct model *m = r->qm;
	const struct model_type *mem = &m->t[MT_MEMORY];
	phys_addr_t a = op->a, b = op->b;
	unsigned int fl = 0;
	bool in;
	unsigned long pfn = PFN_DOWN(a), sp = 1, ep = 2, wsp = 1, wep = 2;
	int nid, wnid = -1;
	phys_addr_t s1 = clamp_size(a, b), s2 = clamp_size(op->c, op->d);

	if (op->x && check_dump(r))
		return -1;
	if (memblock_get_current_limit() != m->current_limit)
		return FAIL("get_current_limit");
	if (memblock_bottom_up() != m->bottom_up)
		return FAIL("bottom_up()");
	if (memblock_has_mirror() != m->some_mirror)
		return FAIL("has_mirror()");
	if (memblock_phys_mem_size() != model_total(m, MT_MEMORY))
		return FAIL("phys_mem_size");
	if (memblock_reserved_size() != model_total(m, MT_RESERVED))
		return FAIL("reserved_size");
	if (memblock_start_of_DRAM() != (mem->n ? mem->r[0].base : 0))
		return FAIL("start_of_DRAM");
	if (memblock_end_of_DRAM() != (mem->n ? mem->r[mem->n - 1].end : 0))
		return FAIL("end_of_DRAM");
	in = model_contains(m, MT_MEMORY, a, &fl);
	if (memblock_is_memory(a) != in)
		return FAIL("is_memory(%#llx)", (unsigned long long)a);
	if (memblock_is_map_memory(a) != (in && !(fl & MEMBLOCK_NOMAP)))
		return FAIL("is_map_memory(%#llx)", (unsigned long long)a);
	if (memblock_is_reserved(a) != model_contains(m, MT_RESERVED, a, NULL))
		return FAIL("is_reserved(%#llx)", (unsigned long long)a);
	if (memblock_is_region_memory(a, b) != model_covers(m, MT_MEMORY, a, b))
		return FAIL("is_region_memory(%#llx, %#llx)",
			    (unsigned long long)a, (unsigned long long)b);
	if (memblock_is_region_reserved(a, b) !=
	    model_overlaps(m, MT_RESERVED, a, b))
		return FAIL("is_region_reserved(%#llx, %#llx)",
			    (unsigned long long)a, (unsigned long long)b);
	if (memblock_addrs_overlap(a, b, op->c, op->d) !=
	    (s1 && s2 && a < op->c + s2 && op->c < a + s1))
		return FAIL("addrs_overlap");
	/* pfn lookup: the region holding the pfn's first byte. */
	for (size_t k = 0; k < mem->n; k++) {
		if ((unsigned long long)PFN_PHYS(pfn) == (unsigned long long)pfn << PAGE_SHIFT &&
		    mem->r[k].base <= PFN_PHYS(pfn) && PFN_PHYS(pfn) < mem->r[k].end) {
			wnid = mem->r[k].nid;
			wsp = PFN_DOWN(mem->r[k].base);
			wep = PFN_DOWN(mem->r[k].end);
		}
	}
	/*
	 * Not found: -1 and the outputs untouched (1 and 2 stay). Found: the
	 * region's node, which may itself be NUMA_NO_NODE (-1, Linux 6.12).
	 */
	nid = memblock_search_pfn_nid(pfn, &sp, &ep);
	if (nid != wnid || sp != wsp || ep != wep)
		return FAIL("search_pfn_nid(%#lx): %d [%#lx-%#lx), model %d [%#lx-%#lx)",
			    pfn, nid, sp, ep, wnid, wsp, wep);
	return 0;
}

struct piece_list {
	size_t n;
	phys_addr_t s[1024], e[1024];
	int nid[1024];
};

static void collect(void *arg, phys_addr_t lo, phys_addr_t hi, int nid)
{
	struct piece_list *l = arg;

	if (l->n < 1024) {
		l->s[l->n] = lo;
		l->e[l->n] = hi;
		l->nid[l->n] = nid;
	}
	l->n++;
}

/*
 * Is [s, e) the k-th piece of physmem minus memory (s == e == 0: is there
 * no k-th piece)? Brute force over the model's lists.
 */
static __attribute__((unused)) bool physmem_piece_ok(const struct model *m, size_t k, phys_addr_t s,
			     phys_addr_t e)
{
	const struct model_type *pm = &m->t[MT_PHYSMEM], *mem = &m->t[MT_MEMORY];
	size_t n = 0;

	for (size_t p = 0; p < pm->n; p++) {
		phys_addr_t cur = pm->r[p].base, hi = pm->r[p].end;

		for (size_t q = 0; q <= mem->n && cur < hi; q++) {
			phys_addr_t lo = q < mem->n ? mem->r[q].base : hi;
			phys_addr_t top = q < mem->n ? mem->r[q].end : hi;

			if (top <= cur)
				continue;
			if (lo > cur) {
				phys_addr_t pe = lo < hi ? lo : hi;

				if (n++ == k)
					return s == cur && e == pe;
			}
			cur = top > cur ? top : cur;
		}
	}
	return s == 0 && e == 0;
}

/* Pieces of type @ta minus type @tb (-1: nothing), with memory's filters. */
static void minus_pieces(const struct model *m, int ta, int tb, int nid,
			 unsigned int flags, struct piece_list *out)
{
	const struct model_type *a = &m->t[ta];

	out->n = 0;
	for (size_t k = 0; k < a->n; k++) {
		const struct model_rgn *r = &a->r[k];
		phys_addr_t cur = r->base;

		if (ta == MT_MEMORY && !eligible(m, r, nid, flags))
			continue;
		if (tb >= 0) {
			const struct model_type *b = &m->t[tb];

			for (size_t q = 0; q < b->n && cur < r->end; q++) {
				if (b->r[q].end <= cur)
					continue;
				if (b->r[q].base >= r->end)
					break;
				if (b->r[q].base > cur)
					collect(out, cur, b->r[q].base, r->nid);
				cur = MAX(cur, b->r[q].end);
			}
		}
		if (cur < r->end)
			collect(out, cur, r->end, r->nid);
	}
}

/* __for_each_mem_range() and its reverse over every pair of types. */
static int check_pairs(struct runner *r, const struct op *op)
{
	static struct piece_list want;
	static const int pairs[][2] = {
		{ MT_MEMORY, MT_RESERVED }, { MT_MEMORY, -1 },
		{ MT_RESERVED, -1 }, { MT_RESERVED, MT_MEMORY },
		{ MT_MEMORY, MT_PHYSMEM }, { MT_PHYSMEM, MT_MEMORY },
		{ MT_PHYSMEM, MT_RESERVED },
	};

	for (size_t p = 0; p < ARRAY_SIZE(pairs); p++) {
		struct memblock_type *ta = lib_type_of(pairs[p][0]);
		struct memblock_type *tb = pairs[p][1] < 0 ? NULL : lib_type_of(pairs[p][1]);
		phys_addr_t s, e;
		size_t k = 0;
		u64 i;
		int nid;

		if (!ta || (pairs[p][1] >= 0 && !tb))
			continue;
		minus_pieces(r->qm, pairs[p][0], pairs[p][1], op->nid, op->flags,
			     &want);
		if (want.n > 1024)
			continue;
		__for_each_mem_range(i, ta, tb, op->nid,
				     (enum memblock_flags)op->flags, &s, &e, &nid) {
			if (k >= want.n || s != want.s[k] || e != want.e[k] ||
			    nid != want.nid[k])
				return FAIL("%s minus %s: range %zu [%#llx-%#llx) n%d, model has %zu",
					    ta->name, tb ? tb->name : "nothing", k,
					    (unsigned long long)s,
					    (unsigned long long)e, nid, want.n);
			k++;
		}
		if (k != want.n)
			return FAIL("%s minus %s: %zu ranges, model %zu", ta->name,
				    tb ? tb->name : "nothing", k, want.n);
		__for_each_mem_range_rev(i, ta, tb, op->nid,
					 (enum memblock_flags)op->flags, &s, &e,
					 &nid) {
			if (!k || s != want.s[k - 1] || e != want.e[k - 1] ||
			    nid != want.nid[k - 1])
				return FAIL("%s minus %s: reverse range %zu [%#llx-%#llx)",
					    ta->name, tb ? tb->name : "nothing",
					    k, (unsigned long long)s,
					    (unsigned long long)e);
			k--;
		}
		if (k)
			return FAIL("%s minus %s: reverse walk missed %zu",
				    ta->name, tb ? tb->name : "nothing", k);
	}
	return 0;
}

static int check_iterators(struct runner *r, const struct op *op)
{
	if (check_pairs(r, op))
		return -1;
	static struct piece_list want;
	const struct model *m = r->qm;
	phys_addr_t s, e;
	u64 i;
	size_t k;
	int nid, n;
	unsigned long sp, ep;

	/* Free ranges, forwards and backwards. */
	want.n = 0;
	model_free_pieces(m, 0, PHYS_ADDR_MAX, op->nid, op->flags, collect,
			  &want);
	if (want.n > 1024)
		return 0;
	k = 0;
	for_each_free_mem_range(i, op->nid, (enum memblock_flags)op->flags,
				&s, &e, &nid) {
		if (k >= want.n || s != want.s[k] || e != want.e[k] ||
		    nid != want.nid[k])
			return FAIL("free range %zu: [%#llx-%#llx) n%d, model %s [%#llx-%#llx)",
				    k, (unsigned long long)s,
				    (unsigned long long)e, nid,
				    k < want.n ? "" : "none",
				    k < want.n ? (unsigned long long)want.s[k] : 0,
				    k < want.n ? (unsigned long long)want.e[k] : 0);
		k++;
	}
	if (k != want.n)
		return FAIL("free ranges: %zu, model %zu", k, want.n);
	for_each_free_mem_range_reverse(i, op->nid,
					(enum memblock_flags)op->flags,
					&s, &e, &nid) {
		if (!k || s != want.s[k - 1] || e != want.e[k - 1])
			return FAIL("reverse free range %zu", k);
		k--;
	}
	if (k)
		return FAIL("reverse free ranges: %zu missing", k);

	/* Memory ranges: Linux 6.12 asks for HOTPLUG | DRIVER_MANAGED, so only NOMAP is skipped. */
	k = 0;
	for_each_mem_range(i, &s, &e) {
		while (k < m->t[MT_MEMORY].n &&
		       (m->t[MT_MEMORY].r[k].flags & MEMBLOCK_NOMAP))
			k++;
		if (k >= m->t[MT_MEMORY].n || s != m->t[MT_MEMORY].r[k].base ||
		    e != m->t[MT_MEMORY].r[k].end)
			return FAIL("mem range %zu", k);
		k++;
	}
	while (k < m->t[MT_MEMORY].n &&
	       (m->t[MT_MEMORY].r[k].flags & MEMBLOCK_NOMAP))
		k++;
	if (k != m->t[MT_MEMORY].n)
		return FAIL("mem ranges: stopped early at %zu", k);

	for_each_mem_range_rev(i, &s, &e) {
		do {
			if (!k)
				return FAIL("reverse mem range: too many");
			k--;
		} while (m->t[MT_MEMORY].r[k].flags & MEMBLOCK_NOMAP);
		if (s != m->t[MT_MEMORY].r[k].base || e != m->t[MT_MEMORY].r[k].end)
			return FAIL("reverse mem range %zu", k);
	}

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	/* physmem alone, and physmem minus memory. */
	k = 0;
	for_each_physmem_range(i, NULL, &s, &e) {
		if (k >= m->t[MT_PHYSMEM].n || s != m->t[MT_PHYSMEM].r[k].base ||
		    e != m->t[MT_PHYSMEM].r[k].end)
			return FAIL("physmem range %zu", k);
		k++;
	}
	if (k != m->t[MT_PHYSMEM].n)
		return FAIL("physmem ranges: %zu, model %zu", k,
			    m->t[MT_PHYSMEM].n);
	k = 0;
	for_each_physmem_range(i, &memblock.memory, &s, &e) {
		if (!physmem_piece_ok(m, k, s, e))
			return FAIL("physmem minus memory range %zu: [%#llx-%#llx)",
				    k, (unsigned long long)s,
				    (unsigned long long)e);
		k++;
	}
	if (!physmem_piece_ok(m, k, 0, 0))
		return FAIL("physmem minus memory: %zu ranges, model more", k);
#endif

	k = 0;
	for_each_reserved_mem_range(i, &s, &e) {
		if (k >= m->t[MT_RESERVED].n || s != m->t[MT_RESERVED].r[k].base ||
		    e != m->t[MT_RESERVED].r[k].end)
			return FAIL("reserved range %zu", k);
		k++;
	}
	if (k != m->t[MT_RESERVED].n)
		return FAIL("reserved ranges: %zu, model %zu", k,
			    m->t[MT_RESERVED].n);

	/* pfn ranges: whole pages only, node filter. */
	k = 0;
	for_each_mem_pfn_range(n, op->nid, &sp, &ep, &nid) {
		const struct model_rgn *w = NULL;

		for (; k < m->t[MT_MEMORY].n; k++) {
			w = &m->t[MT_MEMORY].r[k];
			if (PFN_UP(w->base) < PFN_DOWN(w->end) &&
			    (op->nid == NUMA_NO_NODE || op->nid == MAX_NUMNODES ||
			     op->nid == w->nid))
				break;
		}
		if (k >= m->t[MT_MEMORY].n || sp != PFN_UP(w->base) ||
		    ep != PFN_DOWN(w->end) || nid != w->nid)
			return FAIL("pfn range %zu", k);
		k++;
	}
	return 0;
}
