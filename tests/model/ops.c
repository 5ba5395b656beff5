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
	case OP_MARK_MIRROR: return (unsigned)memblock_mark_mirror(op->a, op->b);
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
	case OP_FREE_ALL: return memblock_free_all();
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
	case OP_MARK_MIRROR:
		return (unsigned)model_set_flags(m, MT_MEMORY, op->a, op->b,
						 MEMBLOCK_MIRROR, 0);
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
		snprintf(want, sizeof(want), " %s.cnt  = %#lx", names[t],
			 (unsigned long)(mt->n ? mt->n : 1));
		EXPECT_LINE();
		if (!mt->n) {
			fmt_pa(a, sizeof(a), 0);
			snprintf(want, sizeof(want),
				 " %s[0x0] [%s-%s], %s bytes flags: 0x0",
				 names[t], a, a, a);
			EXPECT_LINE();
		}
		for (size_t k = 0; k < mt->n; k++) {
			char node[32] = "";

			fmt_pa(a, sizeof(a), mt->r[k].base);
			fmt_pa(b, sizeof(b), mt->r[k].end - 1);
			fmt_pa(c, sizeof(c), mt->r[k].end - mt->r[k].base);
			if (mt->r[k].nid != MAX_NUMNODES)
				snprintf(node, sizeof(node), " on node %d",
					 mt->r[k].nid);
			/* Index in hex with 0x, also for 0 (the kernel's "%#lx"). */
			snprintf(want, sizeof(want),
				 " %s[0x%zx] [%s-%s], %s bytes%s flags: 0x%x",
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
	unsigned long pfn = PFN_DOWN(a), sp = 1, ep = 2, wsp = 0, wep = 0;
	int nid, wnid = -1;
	phys_addr_t s1 = clamp_size(a, b), s2 = clamp_size(op->c, op->d);

	if (op->x && check_dump(r))
		return -1;
	if (memblock_get_current_limit() != m->current_limit)
		return FAIL("get_current_limit");
	if (memblock_bottom_up() != m->bottom_up)
		return FAIL("bottom_up()");
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
	nid = memblock_search_pfn_nid(pfn, &sp, &ep);
	if (nid != wnid || (nid >= 0 && (sp != wsp || ep != wep)) ||
	    (nid < 0 && (sp != 1 || ep != 2)))
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

	/* Memory ranges (NOMAP and driver-managed skipped). */
	k = 0;
	for_each_mem_range(i, &s, &e) {
		while (k < m->t[MT_MEMORY].n &&
		       (m->t[MT_MEMORY].r[k].flags &
			(MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED)))
			k++;
		if (k >= m->t[MT_MEMORY].n || s != m->t[MT_MEMORY].r[k].base ||
		    e != m->t[MT_MEMORY].r[k].end)
			return FAIL("mem range %zu", k);
		k++;
	}
	while (k < m->t[MT_MEMORY].n &&
	       (m->t[MT_MEMORY].r[k].flags &
		(MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED)))
		k++;
	if (k != m->t[MT_MEMORY].n)
		return FAIL("mem ranges: stopped early at %zu", k);

	for_each_mem_range_rev(i, &s, &e) {
		do {
			if (!k)
				return FAIL("reverse mem range: too many");
			k--;
		} while (m->t[MT_MEMORY].r[k].flags &
			 (MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED));
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


/* ---- hooks that call back into memblock ---- */

/* A copy of struct memblock and the regions in use, for the hook checks. */
struct mini_snap {
	struct memblock mb;
	struct memblock_region r[MT_NR][64];
	int can_resize;
};

static void mini_take(struct mini_snap *s)
{
	s->mb = memblock;
	s->can_resize = memblock_can_resize;
	for (int t = 0; t < MT_NR; t++) {
		const struct memblock_type *type = lib_type_of(t);

		if (type)
			memcpy(s->r[t], type->regions,
			       MIN(type->cnt, 64UL) * sizeof(s->r[t][0]));
	}
}

static bool mini_same(const struct mini_snap *s)
{
	if (memcmp(&s->mb, &memblock, sizeof(memblock)) ||
	    s->can_resize != memblock_can_resize)
		return false;
	for (int t = 0; t < MT_NR; t++) {
		const struct memblock_type *type = lib_type_of(t);

		if (type && memcmp(s->r[t], type->regions,
				   MIN(type->cnt, 64UL) * sizeof(s->r[t][0])))
			return false;
	}
	return true;
}

/*
 * From inside a hook: one mutating or allocating call, which the contract
 * refuses (-EBUSY, or 0 / NULL) without changing anything.
 */
static void hook_reenter(struct runner *r, const char *where)
{
	static struct mini_snap snap;
	long long ret = 0, want = -EBUSY;
	const char *call;

	mini_take(&snap);
	r->hook_depth++;
	switch (r->hook_turn++ % 6) {
	case 0: call = "memblock_reserve"; ret = memblock_reserve(0x10000, 0x1000); break;
	case 1: call = "memblock_add"; ret = memblock_add(0x200000, 0x1000); break;
	case 2: call = "memblock_phys_alloc"; ret = (long long)memblock_phys_alloc(0x1000, 0x1000); want = 0; break;
	case 3: call = "memblock_alloc"; ret = memblock_alloc(64, 64) ? 1 : 0; want = 0; break;
	case 4: call = "memblock_remove"; ret = memblock_remove(0, 0x100000); break;
	default: call = "memblock_mark_nomap"; ret = memblock_mark_nomap(0, 0x100000); break;
	}
	r->hook_depth--;
	r->st.hook_calls++;
	if (r->hook_why[0])
		return;
	if (ret != want)
		snprintf(r->hook_why, sizeof(r->hook_why),
			 "%s() called from the %s hook returned %#llx, the contract says %lld",
			 call, where, (unsigned long long)ret, want);
	else if (!mini_same(&snap))
		snprintf(r->hook_why, sizeof(r->hook_why),
			 "%s() called from the %s hook changed the state", call,
			 where);
}

static void hook_free_pages(unsigned long pfn, unsigned int order)
{
	struct runner *r = hook_runner;

	if (!r)
		return;
	ledger_free_pages(&r->lg, pfn, order);
	if (r->reenter && !r->hook_depth)
		hook_reenter(r, "memblock_env_free_pages");
}

static void hook_log(int level, const char *line)
{
	struct runner *r = hook_runner;

	(void)level;
	(void)line;
	if (r && r->reenter && !r->hook_depth)
		hook_reenter(r, "memblock_env_log");
}

/* ---- stages, aims and the call ---- */

/*
 * Calls whose meaning in a boot stage the contract leaves open are not
 * judged there: they become the call a caller makes in that stage
 * (counted as "remapped").
 */
static void remap(struct runner *r, struct op *op)
{
	enum op_kind k = op->kind;

	switch (r->m.stage) {
	case MS_EARLY:
		if (k == OP_DISCARD)
			op->kind = OP_QUERY;	/* discard belongs after free_all */
		else if (k == OP_FREE_LATE)
			op->kind = OP_PHYS_FREE;	/* aimed at a claim below */
		break;
	case MS_FREED:
		if (k == OP_CAP_RANGE || k == OP_ENFORCE_LIMIT ||
		    k == OP_MEM_LIMIT_REMOVE_MAP || k == OP_ALLOW_RESIZE ||
		    k == OP_MARK_NOINIT ||
		    (k == OP_SET_NODE && op->type == MT_RESERVED))
			op->kind = OP_FREE_LATE;
		break;
	default:
		if (k == OP_SET_LIMIT || k == OP_SET_BOTTOM_UP ||
		    k == OP_ALLOW_RESIZE)
			op->kind = OP_QUERY;
		break;
	}
	if (op->kind != k) {
		r->st.remapped++;
		if (k == OP_FREE_LATE || op->kind == OP_FREE_LATE)
			op->x = true;	/* aim at a claim */
	}
}

/* Resolve the aimed operations into plain calls on concrete ranges. */
static void aim(struct runner *r, struct op *op)
{
	lg_addr lo[MT_NR], hi[MT_NR];
	enum op_kind base[] = { OP_RESERVE, OP_MARK_NOMAP, OP_REMOVE, OP_PHYS_FREE };
	int t;

	if ((op->kind == OP_FREE_LATE || (op->kind == OP_PHYS_FREE && op->x)) &&
	    op->type != -2) {
		size_t n = ledger_nclaims(&r->lg);
		phys_addr_t b, sz;

		op->type = -2;
		if (!n) {
			op->b = 0;
			return;
		}
		ledger_claim_at(&r->lg, (size_t)(op->a % n), &b, &sz);
		/* A claim, at most 16 MiB of it (pages released one by one). */
		op->a = b;
		op->b = sz > (16u << 20) ? (16u << 20) : sz;
		return;
	}
	/*
	 * Memory stays inside the host window of its base
	 * (tests/lib/phys_window.c), so that whatever memblock hands out can
	 * be written and checked; huge sizes still clamp at the top of the
	 * address space from the top window.
	 */
	if (op->kind == OP_ADD || op->kind == OP_ADD_NODE) {
		for (size_t w = 0; w < NWINDOWS; w++) {
			if (op->a < windows[w].lo || op->a >= windows[w].hi)
				continue;
			if ((lg_addr)op->a + op->b > windows[w].hi &&
			    windows[w].hi <= PHYS_ADDR_MAX)
				op->b = (phys_addr_t)(windows[w].hi - op->a);
		}
		return;
	}
	if (op->kind < OP_RESERVE_AT_ARRAY || op->kind > OP_PHYS_FREE_AT_ARRAY)
		return;
	op->kind = base[op->kind - OP_RESERVE_AT_ARRAY];
	ledger_live_arrays(&r->lg, lo, hi);
	t = (op->type + 1) % MT_NR;
	for (int k = 0; k < MT_NR && lo[t] == hi[t]; k++)
		t = (t + 1) % MT_NR;
	if (lo[t] == hi[t])
		return;		/* no grown array: the random range as is */
	{
		phys_addr_t bytes = (phys_addr_t)(hi[t] - lo[t]);
		phys_addr_t off = op->a % bytes;

		op->a = (phys_addr_t)lo[t] + off - (op->x ? off % 0x1000 : 0) -
			(op->c % 3 == 0 && (phys_addr_t)lo[t] + off >= 0x1000 ? 0x1000 : 0);
		op->b = op->b % (bytes + 0x2000) + 1;
	}
}

static bool is_alloc(enum op_kind k)
{
	return (k >= OP_ALLOC_RANGE_NID && k <= OP_ALLOC_NODE &&
		k != OP_FIND_NODE && k != OP_FIND) || k == OP_ALLOC_OR_PANIC;
}

/* Bounds an allocation must respect (the exact address is the model's). */
static void alloc_bounds(const struct runner *r, const struct op *op,
			 struct lg_call *c)
{
	phys_addr_t limit = r->m.current_limit, end = op->d;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = limit;
	c->align = op->b ? op->b : SMP_CACHE_BYTES;
	c->lo = 0;
	c->hi = PHYS_ADDR_MAX;
	switch (op->kind) {
	case OP_ALLOC_RANGE_NID: case OP_PHYS_ALLOC_RANGE:
		c->lo = op->c;
		c->hi = end;
		break;
	case OP_PHYS_ALLOC_TRY_NID: case OP_PHYS_ALLOC:
		c->hi = limit;
		break;
	case OP_ALLOC_EXACT_NID_RAW: case OP_ALLOC_TRY_NID_RAW:
	case OP_ALLOC_TRY_NID:
		c->hi = MIN(end, limit);
		break;
	case OP_ALLOC_LOW:
		c->hi = MIN(ARCH_LOW_ADDRESS_LIMIT, limit);
		break;
	default:
		c->hi = limit;
		break;
	}
}

/* Did the model's call change anything? */
static bool model_changed(const struct model *a, const struct model *b)
{
	for (int t = 0; t < MT_NR; t++) {
		if (a->t[t].n != b->t[t].n ||
		    (a->t[t].n &&
		     memcmp(a->t[t].r, b->t[t].r, a->t[t].n * sizeof(*a->t[t].r))))
			return true;
	}
	return a->stage != b->stage;
}

static int step(struct runner *r, struct op *op);
static int cmp_seg_base(const void *a, const void *b);

/*
 * A caller reserving over a live array takes those bytes over as they are
 * reserved (memblock_reserve() keeps the attributes of what is already
 * reserved): the model adopts the library's reservation of them as claims
 * before adding the rest.
 */
static void adopt(const struct runner *r, struct model *m, phys_addr_t base,
		  phys_addr_t size)
{
	const struct model_type *claims = &m->t[MT_RESERVED];
	const struct memblock_type *rsv = &memblock.reserved;
	phys_addr_t end = base + clamp_size(base, size);
	struct seg *sg;
	size_t ns = 0;
	bool any = false;

	for (int i = 0; i < r->m.nbusy; i++)
		any |= r->m.busy[i].lo < end && base < r->m.busy[i].hi;
	if (!any)
		return;
	sg = xrealloc(NULL, (claims->n + 3 * rsv->cnt + 1) * sizeof(*sg));
	for (size_t k = 0; k < claims->n; k++)
		sg[ns++] = (struct seg){ claims->r[k].base, claims->r[k].end, true,
					 claims->r[k].flags, claims->r[k].nid };
	for (int i = 0; i < r->m.nbusy; i++) {
		phys_addr_t blo = MAX(base, r->m.busy[i].lo);
		phys_addr_t bhi = MIN(end, r->m.busy[i].hi);

		for (unsigned long k = 0; k < rsv->cnt && blo < bhi; k++) {
			const struct memblock_region *g = &rsv->regions[k];
			phys_addr_t lo = MAX(g->base, blo);
			phys_addr_t hi = MIN(g->base + g->size, bhi);

			if (lo < hi)
				sg[ns++] = (struct seg){ lo, hi, true,
							 (unsigned int)g->flags, g->nid };
		}
	}
	qsort(sg, ns, sizeof(*sg), cmp_seg_base);
	rebuild(&m->t[MT_RESERVED], sg, ns);
	free(sg);
}

/* Tell the model where the library's live arrays are now. */
static void set_busy(struct runner *r)
{
	lg_addr lo[MT_NR], hi[MT_NR];

	r->m.nbusy = 0;
	ledger_live_arrays(&r->lg, lo, hi);
	for (int t = 0; t < MT_NR; t++) {
		if (lo[t] == hi[t])
			continue;
		r->m.busy[r->m.nbusy].lo = (phys_addr_t)lo[t];
		r->m.busy[r->m.nbusy].hi = hi[t] > PHYS_ADDR_MAX ? PHYS_ADDR_MAX
								 : (phys_addr_t)hi[t];
		r->m.nbusy++;
	}
}

static int cmp_seg_base(const void *a, const void *b)
{
	const struct seg *x = a, *y = b;

	return x->b < y->b ? -1 : x->b > y->b;
}

/*
 * What queries and iterators must see: the model, with "reserved" the
 * claims plus the live arrays. The arrays' reservations take the
 * attributes the library gave them (a flag or node set over an array is
 * the library's business; model_compare() and the ledger check the rest).
 */
static void make_view(struct runner *r, struct model *view)
{
	const struct model_type *claims = &r->m.t[MT_RESERVED];
	const struct memblock_type *rsv = &memblock.reserved;
	struct seg *sg = xrealloc(NULL, (claims->n + 3 * rsv->cnt + 1) * sizeof(*sg));
	size_t ns = 0;

	model_copy(view, &r->m);
	for (size_t k = 0; k < claims->n; k++)
		sg[ns++] = (struct seg){ claims->r[k].base, claims->r[k].end, true,
					 claims->r[k].flags, claims->r[k].nid };
	for (int i = 0; i < r->m.nbusy; i++) {
		for (unsigned long k = 0; k < rsv->cnt; k++) {
			const struct memblock_region *g = &rsv->regions[k];
			phys_addr_t lo = MAX(g->base, r->m.busy[i].lo);
			phys_addr_t hi = MIN(g->base + g->size, r->m.busy[i].hi);

			if (lo < hi)
				sg[ns++] = (struct seg){ lo, hi, true,
							 (unsigned int)g->flags, g->nid };
		}
	}
	qsort(sg, ns, sizeof(*sg), cmp_seg_base);
	rebuild(&view->t[MT_RESERVED], sg, ns);
	free(sg);
}

/*
 * Before memblock_free_all(): at most FREE_ALL_MAX_PAGES free pages, the
 * rest reserved first by ordinary (checked) calls.
 */
static int bound_free_all(struct runner *r)
{
	static struct piece_list pl;
	unsigned long budget = FREE_ALL_MAX_PAGES;

	set_busy(r);
	model_copy(&r->scratch, &r->m);
	if (model_free_all(&r->scratch) <= budget)
		return 0;
	/* The free pieces as memblock_free_all() sees them, lowest first. */
	model_copy(&r->scratch, &r->m);
	clear_hotplug(&r->scratch);
	pl.n = 0;
	model_free_pieces(&r->scratch, 0, PHYS_ADDR_MAX, NUMA_NO_NODE, 0,
			  collect, &pl);
	for (size_t k = 0; k < pl.n && k < 1024; k++) {
		phys_addr_t lo = pl.s[k], hi = pl.e[k];
		phys_addr_t plo = PFN_UP(lo), phi = PFN_DOWN(hi);
		struct op res = { .kind = OP_RESERVE };

		if (plo >= phi)
			continue;	/* no whole page: nothing released */
		if (phi - plo <= budget) {
			budget -= (unsigned long)(phi - plo);
			continue;
		}
		res.a = PFN_PHYS(plo + budget);
		res.b = hi - res.a;
		budget = 0;
		if (step(r, &res))
			return -1;
	}
	set_busy(r);
	model_copy(&r->scratch, &r->m);
	if (model_free_all(&r->scratch) > FREE_ALL_HARD_PAGES) {
		model_copy(&r->scratch, &r->m);
		return FAIL("cannot check memblock_free_all() of %lu pages",
			    model_free_all(&r->scratch));
	}
	return 0;
}

static int stage_check(struct runner *r)
{
	static int freed_value = -1;
	int st = ledger_lib_stage();

	if (st < 0)
		return 0;	/* a library without memblock_stage */
	if ((st == 0) != (r->m.stage == MS_EARLY))
		return FAIL("memblock_stage %d, model stage %d", st, r->m.stage);
	if (r->m.stage == MS_FREED)
		freed_value = st;
	else if (r->m.stage == MS_DISCARDED && st == freed_value &&
		 !CONFIG_ARCH_KEEP_MEMBLOCK)
		return FAIL("memblock_stage %d after memblock_discard()", st);
	return 0;
}

int runner_step(struct runner *r, const struct op *op_in)
{
	struct op o = *op_in;

	return step(r, &o);
}

static int step(struct runner *r, struct op *op)
{
	struct model *s = &r->scratch;
	unsigned long long want, got;
	struct lg_call c = { 0 };
	lg_addr alo[MT_NR], ahi[MT_NR];
	bool exact, accepted = false, commit = true, kept_late = false;
	const char *diff;
	char desc[200];

	r->st.ops++;
	remap(r, op);
	if (op->kind == OP_REENTER) {
		r->reenter = op->x;
		return 0;
	}
	if (op->kind == OP_QUERY || op->kind == OP_ITER) {
		static struct model view;
		int ret;

		set_busy(r);
		make_view(r, &view);
		r->qm = &view;
		r->hook_why[0] = 0;
		ret = op->kind == OP_QUERY ? check_queries(r, op)
					   : check_iterators(r, op);
		if (r->hook_why[0])
			ret = FAIL("%s", r->hook_why);
		if (ret) {
			size_t len = strlen(r->why);

			op_describe(op, desc, sizeof(desc));
			snprintf(r->why + len, sizeof(r->why) - len, " in %s",
				 desc);
		}
		return ret;
	}
	aim(r, op);
	if (op->kind == OP_FREE_ALL && r->m.stage == MS_EARLY &&
	    bound_free_all(r))
		return -1;
	op_describe(op, desc, sizeof(desc));

	/* The model goes first, on a copy, told where the arrays are. */
	set_busy(r);
	exact = r->m.exact = !r->m.can_resize && !r->m.nbusy;
	model_copy(s, &r->m);
	if (op->kind == OP_RESERVE && s->stage == MS_EARLY)
		adopt(r, s, op->a, op->b);
	want = model_apply(s, op);
	if (want && want != PANICKED &&
	    (is_virt_alloc(op->kind) || op->kind == OP_ALLOC_OR_PANIC) &&
	    !ledger_hostable(want, (lg_addr)want + op->a))
		return FAIL("%s: cannot check: the block at %#llx is outside the host windows",
			    desc, want);
	if (want && want != PANICKED && zeroes(op->kind))
		test_fill_phys(want, op->a, 0xa5);

	r->hook_why[0] = 0;
	ledger_begin(&r->lg);
	got = lib_apply(op);
	if (r->hook_why[0])
		return FAIL("%s: %s", desc, r->hook_why);

	/* Where growth decides (see model.h), a refusal must change nothing. */
	if (!exact && got != want) {
		if ((int_mutator(op->kind) && want == 0 && got == (unsigned)-ENOMEM) ||
		    (is_alloc(op->kind) && want && want != PANICKED &&
		     (!got || got == PANICKED)))
			accepted = true;
	}
	if (!exact && !int_mutator(op->kind) && !is_alloc(op->kind) &&
	    model_changed(s, &r->m) && ledger_unchanged(&r->lg) &&
	    op->kind != OP_FREE_LATE)
		accepted = true;	/* a void call refused */
	if (op->kind == OP_FREE_LATE && op->b && !r->lg.discarded) {
		/* The range stays reserved when the split does not fit. */
		kept_late = exact ? !model_changed(s, &r->m)
				  : memblock_is_region_reserved(op->a, op->b) &&
					    ledger_unchanged(&r->lg);
		if (kept_late && !exact)
			commit = false;
		if (kept_late)
			c.must_be_unchanged = true;
	}
	/*
	 * Where growth decides, a found block whose reservation fails counts
	 * as not found (Linux): the library may return a later address of
	 * the fallback chain. The model then takes that one.
	 */
	if (!exact && is_alloc(op->kind) && want && want != PANICKED && got &&
	    got != PANICKED && got != want) {
		for (int k = 0; k < s->ncand; k++) {
			if (s->cand[k] != got)
				continue;
			model_copy(s, &r->m);
			model_add(s, MT_RESERVED, (phys_addr_t)got, op->a,
				  MAX_NUMNODES, 0);
			want = got;
			r->st.refused++;
			break;
		}
	}
	if (accepted) {
		commit = false;
		r->st.refused++;
	}

	/* Zeroing, before the ledger puts the caller's canaries there. */
	if (got && got != PANICKED && zeroes(op->kind) &&
	    ledger_hostable(got, (lg_addr)got + op->a) &&
	    !test_phys_all(got, op->a, 0))
		return FAIL("%s: memory at %#llx not zeroed", desc, got);

	/* What the call did on the caller's side. */
	c.name = desc;
	if (int_mutator(op->kind) || op->kind == OP_FREE_LATE ||
	    op->kind == OP_FREE) {
		phys_addr_t sz = clamp_size(op->a, op->b);

		c.edit_lo = op->a;
		c.edit_hi = (lg_addr)op->a + sz;
	}
	if (is_alloc(op->kind)) {
		c.is_alloc = true;
		c.got = got == PANICKED ? 0 : (phys_addr_t)got;
		c.size = op->a;
		alloc_bounds(r, op, &c);
		c.failed = !c.got;
		if (c.got) {
			c.edit_lo = c.got;
			c.edit_hi = (lg_addr)c.got + c.size;
		}
	} else if (int_mutator(op->kind)) {
		c.failed = got != 0;
	}
	if (op->kind == OP_FIND || op->kind == OP_FIND_NODE)
		c.must_be_unchanged = true;	/* read-only */
	if (accepted)
		c.must_be_unchanged = true;
	if (op->kind == OP_FREE_ALL) {
		c.pages = LG_PAGES_FREE_ALL;
		r->st.free_alls++;
	} else if (op->kind == OP_FREE_LATE && r->m.stage == MS_FREED &&
		   !kept_late) {
		/* Kept reserved (no room for the split): nothing released. */
		c.pages = LG_PAGES_RANGE;
		c.pbase = op->a;
		c.psize = op->b;
		r->st.free_lates++;
	} else if (op->kind == OP_DISCARD && r->m.stage == MS_FREED) {
		c.pages = LG_PAGES_ARRAYS;
		r->st.discards++;
	}
	/* A void call that changed nothing (refused, or nothing to do). */
	if ((op->kind == OP_FREE || op->kind == OP_CAP_RANGE ||
	     op->kind == OP_ENFORCE_LIMIT || op->kind == OP_MEM_LIMIT_REMOVE_MAP) &&
	    ledger_unchanged(&r->lg))
		c.failed = true;
	if (!accepted && !c.failed) {
		phys_addr_t mx;

		switch (op->kind) {
		case OP_RESERVE:
			ledger_claim(&r->lg, op->a, op->b);
			break;
		case OP_PHYS_FREE:
			ledger_release(&r->lg, op->a, op->b);
			break;
		case OP_FREE:
			if (!op->x && r->m.stage == MS_EARLY)
				ledger_release(&r->lg, op->a, op->b);
			break;
		case OP_FREE_LATE:
			if (!kept_late && r->m.stage == MS_FREED)
				ledger_release(&r->lg, op->a, op->b);
			break;
		case OP_CAP_RANGE:
			if (r->m.stage != MS_DISCARDED && r->m.t[MT_MEMORY].n &&
			    clamp_size(op->a, op->b))
				ledger_keep(&r->lg, op->a,
					    (lg_addr)op->a + clamp_size(op->a, op->b));
			break;
		case OP_ENFORCE_LIMIT:
		case OP_MEM_LIMIT_REMOVE_MAP:
			if (r->m.stage != MS_DISCARDED && op->a &&
			    max_addr_for(&r->m, op->a, &mx))
				ledger_keep(&r->lg, 0, mx);
			break;
		default:
			if (c.is_alloc && c.got)
				ledger_claim(&r->lg, c.got, c.size);
			break;
		}
	}
	if (ledger_end(&r->lg, &c)) {
		snprintf(r->why, sizeof(r->why), "%s", r->lg.why);
		return -1;
	}
	ledger_live_arrays(&r->lg, alo, ahi);
	for (int t = 0; t < MT_NR; t++) {
		const struct memblock_type *type = lib_type_of(t);

		r->st.grows += alo[t] != r->lg.arr_lo[t] || ahi[t] != r->lg.arr_hi[t];
		if (type && r->m.stage != MS_DISCARDED && type->max > r->st.max_seen[t])
			r->st.max_seen[t] = type->max;
	}

	if (commit)
		model_copy(&r->m, s);
	if (is_alloc(op->kind))
		want && want != PANICKED ? r->st.allocs_ok++ : r->st.allocs_failed++;
	else if (int_mutator(op->kind) && want)
		r->st.errors++;
	if (!accepted && got != want)
		return FAIL("%s returned %#llx, model %#llx", desc, got, want);
	diff = model_compare(&r->m, r->static_arrays);
	if (diff)
		return FAIL("after %s: %s", desc, diff);
	return stage_check(r);
}

int runner_finish(struct runner *r)
{
	if (ledger_sweep(&r->lg)) {
		snprintf(r->why, sizeof(r->why), "at the end: %.480s", r->lg.why);
		return -1;
	}
	return 0;
}

void runner_print_lib(struct runner *r)
{
	lg_addr lo[MT_NR], hi[MT_NR];

	ledger_live_arrays(&r->lg, lo, hi);
	for (int t = 0; t < MT_NR; t++) {
		const struct memblock_type *type = lib_type_of(t);

		if (!type)
			continue;
		printf("# library %s: cnt %lu max %lu array %s [%#llx-%#llx)\n",
		       type->name, type->cnt, type->max,
		       lo[t] == hi[t] ? "static" : "grown",
		       (unsigned long long)lo[t], (unsigned long long)hi[t]);
		for (unsigned long k = 0; k < type->cnt && k < 40; k++)
			printf("#     [%lu] %#llx+%#llx f%#x n%d\n", k,
			       (unsigned long long)type->regions[k].base,
			       (unsigned long long)type->regions[k].size,
			       type->regions[k].flags, type->regions[k].nid);
	}
	printf("# ledger: %zu claims, stage freed %d discarded %d\n",
	       r->lg.nclaims, r->lg.freed, r->lg.discarded);
}
