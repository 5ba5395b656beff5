/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal interfaces shared by the library's source files. Nothing here is
 * part of the public API.
 */
#ifndef MEMBLOCK_INTERNAL_H
#define MEMBLOCK_INTERNAL_H

#include <stdarg.h>
#include <linux/memblock.h>

#define __printf(a, b)	__attribute__((format(printf, a, b)))
/* One copy of a helper several callers share, or of a rare path. */
#define mb_noinline	__attribute__((noinline))
#define mb_cold		__attribute__((noinline, cold))
#define _RET_IP_	((unsigned long)__builtin_return_address(0))

#define mb_min(a, b)	((a) < (b) ? (a) : (b))
#define mb_max(a, b)	((a) > (b) ? (a) : (b))

/* ---- freestanding helpers (string.c, printf.c, log.c) ---- */
/* Every move and clear goes through the environment's hooks (memblock_env.h). */
#define __memblock_memmove	memblock_env_memmove
#define __memblock_memset	memblock_env_memset
size_t __memblock_strlen(const char *s);
int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int __memblock_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
void __memblock_log(int level, const char *fmt, ...) __printf(2, 3);

/* The debug line of a range call: "func: [base-last] caller" (memblock.c). */
void __memblock_trace_range(const char *func, phys_addr_t base,
			    phys_addr_t size, unsigned long ip);

#define mb_err(...)	__memblock_log(MEMBLOCK_LOG_ERR, __VA_ARGS__)
#define mb_warn(...)	__memblock_log(MEMBLOCK_LOG_WARN, __VA_ARGS__)
#define mb_info(...)	__memblock_log(MEMBLOCK_LOG_INFO, __VA_ARGS__)
#define memblock_dbg(...)						\
	do {								\
		if (memblock_debug)					\
			__memblock_log(MEMBLOCK_LOG_INFO, __VA_ARGS__);		\
	} while (0)

/* ---- region arrays (region.c) ---- */

/* Number of regions: 0 for an empty type (Linux 6.11+). */
static inline unsigned long type_nr(const struct memblock_type *t)
{
	return t->cnt;
}

/*
 * Region copies and initialisations field by field: a struct assignment or
 * compound literal may become a memcpy()/memset() call (GCC at -Os on
 * RISC-V, Clang at -O0), which freestanding code cannot count on.
 */
static inline void rgn_copy(struct memblock_region *dst,
			    const struct memblock_region *src)
{
	dst->base = src->base;
	dst->size = src->size;
	dst->flags = src->flags;
	dst->nid = src->nid;
}

static inline void rgn_init(struct memblock_region *r, phys_addr_t base,
			    phys_addr_t size, enum memblock_flags flags, int nid)
{
	r->base = base;
	r->size = size;
	r->flags = flags;
	r->nid = nid;
}

static inline phys_addr_t rgn_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Clamp *size so that base + *size does not wrap; returns the new size. */
static inline phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	if (*size > PHYS_ADDR_MAX - base)
		*size = PHYS_ADDR_MAX - base;
	return *size;
}

static inline bool is_power_of_2(phys_addr_t x)
{
	return x && !(x & (x - 1));
}

/* First index in [lo, nr) whose region ends above @addr (nr if none). */
unsigned long __memblock_rgn_first_end_after(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr);
/* First index in [lo, nr) whose region starts at or above @addr. */
unsigned long __memblock_rgn_first_base_from(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr);
/* Index of the region containing @addr, or -1. */
long __memblock_rgn_find(const struct memblock_type *t, phys_addr_t addr);
/*
 * Is non-empty [base, end) memory, all of it, with no region carrying a
 * flag of @reject (query.c)?
 */
bool __memblock_mem_covers(phys_addr_t base, phys_addr_t end,
			   unsigned int reject);

/*
 * Change applied to every region inside a range by memblock_update_range().
 * Flags in @set are set, flags in @clear cleared; @nid is stored when
 * @set_nid is true.
 */
struct rgn_update {
	enum memblock_flags set;
	enum memblock_flags clear;
	bool set_nid;
	int nid;
};

/*
 * The window of a range [base, end) in a region array: regions [i, j)
 * intersect it. @ins is what an edit of it inserts before merging: the
 * holes an add fills, or the end regions a split or a remove cuts (the
 * pieces a remove keeps); @fresh, for an add, the bytes of those holes.
 * An array needs type_nr() + ins slots for an add or a split,
 * type_nr() - (j - i) + ins for a remove. A plan may switch the array (a
 * copy in the same order) between finding the window and editing it.
 */
struct rgn_win {
	unsigned long i, j, ins;
	phys_addr_t fresh;
};
/* Find the window of non-empty [base, end); @add: count holes, else cuts. */
void __memblock_rgn_window(const struct memblock_type *t, phys_addr_t base,
			   phys_addr_t end, bool add, struct rgn_win *w);
/*
 * The edits of a window found by __memblock_rgn_window() for the same
 * range, with room for them: they cannot fail.
 */
void __memblock_rgn_add_win(struct memblock_type *t, const struct rgn_win *w,
			    phys_addr_t base, phys_addr_t end, int nid,
			    enum memblock_flags flags);
void __memblock_rgn_remove_win(struct memblock_type *t,
			       const struct rgn_win *w, phys_addr_t base,
			       phys_addr_t end);
/* Split at base and end, apply @upd and merge (@upd NULL: only split). */
void __memblock_rgn_update_win(struct memblock_type *t,
			       const struct rgn_win *w, phys_addr_t base,
			       phys_addr_t end, const struct rgn_update *upd);
/* Regions @t holds after the add of window @w (an add's), once merged. */
unsigned long __memblock_rgn_add_result(const struct memblock_type *t,
					const struct rgn_win *w,
					phys_addr_t base, phys_addr_t end,
					int nid, enum memblock_flags flags);

/* The range forms: find the window; -ENOMEM without room, nothing changed. */
int memblock_add_range(struct memblock_type *type, phys_addr_t base,
		       phys_addr_t size, int nid, enum memblock_flags flags);
int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size);
int memblock_update_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size, const struct rgn_update *upd);
int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
			   phys_addr_t size, int *start_rgn, int *end_rgn);
/* Regions @t holds while [base, base + size) is split (size clamped, > 0). */
unsigned long __memblock_rgn_update_need(const struct memblock_type *t,
					 phys_addr_t base, phys_addr_t size);
/* Merge compatible neighbours among regions [lo, hi), closing the hole. */
void __memblock_rgn_merge_window(struct memblock_type *type, unsigned long lo,
		      unsigned long hi);
/* Keep the first @n regions of @type (n == 0: empty, regions[0] zeroed). */
void __memblock_rgn_set_count(struct memblock_type *type, unsigned long n);

/* ---- new arrays: growth and relocation (resize.c) ---- */
enum { MB_MEM, MB_RSV, MB_PHYS, MB_NTYPES };

/* One array the call replaces: grown, moved, or both. */
struct mb_new_array {
	struct memblock_type *type;
	unsigned long max, old_max;	/* new and old capacity */
	phys_addr_t base, bytes;	/* where the new array goes */
	phys_addr_t old_base, old_bytes;	/* old grown array; 0 if static */
};

/*
 * What a call needs before it edits anything: how many regions each type
 * must hold during the edit, which live arrays are in its way, where new
 * arrays may go. __memblock_plan_prepare() finds room for every new array or fails
 * with nothing changed, then switches to the new arrays; the edit and
 * __memblock_plan_finish() after it cannot fail.
 */
struct mb_plan {
	phys_addr_t avoid_base, avoid_end;	/* the range being edited */
	phys_addr_t win_lo, win_hi;		/* new arrays lie inside */
	phys_addr_t align;			/* of new arrays (>= PAGE_SIZE) */
	phys_addr_t keep_base, keep_end;	/* old bytes a caller now claims */
	unsigned long need[MB_NTYPES];		/* regions during the edit */
	unsigned long rsv_after;		/* "reserved" after it, if known */
	bool move[MB_NTYPES];
	struct mb_new_array na[MB_NTYPES];
	int n;
};

/* Index of one of memblock's types, -1 for any other. */
int __memblock_type_index(const struct memblock_type *t);
/* Type @i (NULL for physmem in a build without it): a load, not a call. */
extern struct memblock_type *const __memblock_types[MB_NTYPES];
static inline struct memblock_type *__memblock_type(int i)
{
	return __memblock_types[i];
}
/* The live grown array of type @i: false when it is a static one. */
bool __memblock_live_array(int i, phys_addr_t *base, phys_addr_t *bytes);

/* Start a plan for a call editing [base, end). */
void __memblock_plan_init(struct mb_plan *p, phys_addr_t base, phys_addr_t end);
/* Bit i set: the live array of type i overlaps [base, end). */
unsigned int __memblock_live_overlap(phys_addr_t base, phys_addr_t end);
/* Live arrays not inside [lo, hi) must move, and new arrays go inside. */
void __memblock_plan_move_outside(struct mb_plan *p, phys_addr_t lo, phys_addr_t hi);
int __memblock_plan_prepare(struct mb_plan *p, const char *func);
void __memblock_plan_finish(struct mb_plan *p);

/*
 * Each type's initial static array, and the one-entry arrays
 * memblock_discard() leaves (memblock.c): visible, so that the test below
 * is two compares where every reservation asks, not a call.
 */
extern struct memblock_region *const __memblock_init_regions[MB_NTYPES];
extern struct memblock_region __memblock_discarded[MB_NTYPES][1];
/* Is @regions type @i's own static array (initial or discarded)? */
static inline bool __memblock_is_static_of(int i,
					   const struct memblock_region *regions)
{
	return regions == __memblock_init_regions[i] ||
	       regions == __memblock_discarded[i];
}

/* ---- whole edits: plan, switch, edit, finish (edit.c) ---- */
struct mb_span {
	phys_addr_t lo, hi;
};

/* Field by field: a struct copy may be a libc memcpy() call on some targets. */
static inline void span_set(struct mb_span *s, phys_addr_t lo, phys_addr_t hi)
{
	s->lo = lo;
	s->hi = hi;
}

static inline void span_swap(struct mb_span *a, struct mb_span *b)
{
	phys_addr_t lo = a->lo, hi = a->hi;

	span_set(a, b->lo, b->hi);
	span_set(b, lo, hi);
}
/* Add to type @i; a reservation moves the live arrays it covers. */
int __memblock_add(int i, phys_addr_t base, phys_addr_t size, int nid,
	   enum memblock_flags flags, const char *func);
/* Remove from memory, moving the live arrays out of the range first. */
int __memblock_remove_memory(phys_addr_t base, phys_addr_t size, const char *func);
/* Remove caller claims from reserved: never a live array's bytes. */
int __memblock_unreserve(phys_addr_t base, phys_addr_t size, const char *func);
/*
 * [lo, hi) minus the @n spans @cut (sorted here, in place), in order, into
 * @out (room for n + 1); returns the number of pieces.
 */
int __memblock_span_cut(phys_addr_t lo, phys_addr_t hi, struct mb_span *cut,
			int n, struct mb_span *out);
/*
 * [base, end) minus the live arrays, in order: at most four pieces
 * (resize.c, where the live-array test is inline).
 */
int __memblock_claim_pieces(phys_addr_t base, phys_addr_t end, struct mb_span *out);
/* Change flags or node; marking NOMAP moves the live arrays first. */
/*
 * What a flag or node call changes, as one argument (@op): flags set or
 * cleared, or the node @nid. The guard first (its refusal logged), then
 * the node's check, then the edit.
 */
#define MB_SET(f)	((unsigned int)(f))
#define MB_CLEAR(f)	((unsigned int)(f) << 8)
#define MB_SET_NID	0x10000u
int __memblock_update(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *t, unsigned int op, int nid,
		      const char *func);

/* ---- stages and re-entry (stage.c) ---- */
#define MB_REFUSE_FREED		0x1	/* -EPERM after memblock_free_all() */
#define MB_REFUSE_DISCARDED	0x2	/* -EPERM after memblock_discard() */
#define MB_REFUSE_ALL		(MB_REFUSE_FREED | MB_REFUSE_DISCARDED)
#define MB_REFUSE_EARLY		0x4	/* -EPERM before memblock_free_all() */
/*
 * The guard of every call that changes memblock: -EBUSY from inside a
 * hook, -EPERM when the stage forbids it (each with one log line), else 0.
 */
int __memblock_enter(const char *func, unsigned int refuse);

/*
 * Around every hook call: hooks running now, and whether one of them is
 * memblock_env_log(). Inline: the hand-off brackets every block it
 * releases with them.
 */
extern unsigned int __memblock_hook_depth;
extern bool __memblock_in_log;

static inline void __memblock_hook_enter(bool log, bool *was_log)
{
	*was_log = __memblock_in_log;
	if (log)
		__memblock_in_log = true;
	__memblock_hook_depth++;
}

static inline void __memblock_hook_exit(bool was_log)
{
	__memblock_hook_depth--;
	__memblock_in_log = was_log;
}

static inline bool __memblock_in_log_hook(void)
{
	return __memblock_in_log;
}

/*
 * __memblock_enter(func, MB_REFUSE_ALL) with its usual case inline: early,
 * outside any hook, nothing refuses a call that only the later stages
 * forbid. For the allocations, which ask on every call.
 */
static inline int __memblock_enter_early(const char *func)
{
	if (memblock_stage == MEMBLOCK_STAGE_EARLY && !__memblock_hook_depth)
		return 0;
	return __memblock_enter(func, MB_REFUSE_ALL);
}

/* ---- the memory filter of searches and iterators (find.c, iterate.c) ---- */
/*
 * Which memory regions a search with @flags skips, as two masks: a region
 * is skipped when (region flags & (reject | need)) != need, i.e. it has a
 * flag the search rejects or lacks one it needs (MEMBLOCK_MIRROR). Linux's
 * memblock_should_skip_region(), set up once per call.
 */
struct rgn_filter {
	unsigned int reject, need;
};

static inline void filter_init(struct rgn_filter *f, unsigned int flags)
{
	/* Hotpluggable memory is skipped under movable_node unless asked for. */
	f->reject = (MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED) & ~flags;
	if (movable_node_is_enabled() && !(flags & MEMBLOCK_HOTPLUG))
		f->reject |= MEMBLOCK_HOTPLUG;
	f->need = flags & MEMBLOCK_MIRROR;
	f->reject |= f->need;
}

static inline bool filter_skips(const struct rgn_filter *f,
				const struct memblock_region *m, int nid)
{
	/* MAX_NUMNODES in a request is Linux's deprecated "any node". */
	if (nid != NUMA_NO_NODE && nid != MAX_NUMNODES && nid != m->nid)
		return true;
	return ((unsigned int)m->flags & f->reject) != f->need;
}

/* Linux's system_has_some_mirror: set by memblock_mark_mirror() (flags.c). */
extern bool __memblock_has_some_mirror;

/* ---- nodes (memblock.c) ---- */
/*
 * Is @nid a node id the API accepts: 0..MAX_NUMNODES-1, MAX_NUMNODES or
 * NUMA_NO_NODE? Accepted ids are stored as given.
 */
bool memblock_nid_ok(int nid);

#endif /* MEMBLOCK_INTERNAL_H */
