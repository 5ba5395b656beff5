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
#define _RET_IP_	((unsigned long)__builtin_return_address(0))

#define mb_min(a, b)	((a) < (b) ? (a) : (b))
#define mb_max(a, b)	((a) > (b) ? (a) : (b))

/* ---- freestanding helpers (string.c, printf.c, log.c) ---- */
void *mb_memmove(void *dst, const void *src, size_t n);
void *mb_memset(void *dst, int c, size_t n);
size_t mb_strlen(const char *s);
int mb_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int mb_snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
void mb_log(int level, const char *fmt, ...) __printf(2, 3);

#define mb_err(...)	mb_log(MEMBLOCK_LOG_ERR, __VA_ARGS__)
#define mb_warn(...)	mb_log(MEMBLOCK_LOG_WARN, __VA_ARGS__)
#define mb_info(...)	mb_log(MEMBLOCK_LOG_INFO, __VA_ARGS__)
#define memblock_dbg(...)						\
	do {								\
		if (memblock_debug)					\
			mb_log(MEMBLOCK_LOG_INFO, __VA_ARGS__);		\
	} while (0)

/* ---- region arrays (region.c) ---- */

/* Number of real regions: an empty type's dummy entry does not count. */
static inline unsigned long type_nr(const struct memblock_type *t)
{
	return t->regions[0].size ? t->cnt : 0;
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
unsigned long rgn_first_end_after(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr);
/* First index in [lo, nr) whose region starts at or above @addr. */
unsigned long rgn_first_base_from(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr);
/* Index of the region containing @addr, or -1. */
long rgn_find(const struct memblock_type *t, phys_addr_t addr);

int memblock_add_range(struct memblock_type *type, phys_addr_t base,
		       phys_addr_t size, int nid, enum memblock_flags flags);
int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size);

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
int memblock_update_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size, const struct rgn_update *upd);
int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
			   phys_addr_t size, int *start_rgn, int *end_rgn);
/* Merge compatible neighbours among regions [lo, hi), closing the hole. */
void rgn_merge_window(struct memblock_type *type, unsigned long lo,
		      unsigned long hi);
/* Keep the first @n regions of @type (n == 0: the empty dummy). */
void rgn_set_count(struct memblock_type *type, unsigned long n);

/* ---- capacity needed by an edit, without making it (region.c) ---- */
/*
 * Regions @t holds while [base, base + size) is added / removed / updated;
 * @size is non-zero and clamped (memblock_cap_size()).
 */
unsigned long rgn_add_need(const struct memblock_type *t, phys_addr_t base,
			   phys_addr_t size);
unsigned long rgn_update_need(const struct memblock_type *t, phys_addr_t base,
			      phys_addr_t size);
/* Regions @t holds after the add, once merged. */
unsigned long rgn_add_result(const struct memblock_type *t, phys_addr_t base,
			     phys_addr_t size, int nid,
			     enum memblock_flags flags);
/* Change in the number of regions when [base, base + size) is removed. */
long rgn_remove_delta(const struct memblock_type *t, phys_addr_t base,
		      phys_addr_t size);

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
 * arrays may go. mb_plan_prepare() finds room for every new array or fails
 * with nothing changed; mb_plan_switch() and mb_plan_finish(), around the
 * edit, cannot fail.
 */
struct mb_plan {
	phys_addr_t avoid_base, avoid_end;	/* the range being edited */
	phys_addr_t win_lo, win_hi;		/* new arrays lie inside */
	phys_addr_t align;			/* of new arrays (>= PAGE_SIZE) */
	phys_addr_t keep_base, keep_end;	/* old bytes a caller now claims */
	unsigned long need[MB_NTYPES];		/* regions during the edit */
	unsigned long after[MB_NTYPES];		/* after it, if known */
	bool move[MB_NTYPES];
	struct mb_new_array na[MB_NTYPES];
	int n;
};

/* Index of one of memblock's types, -1 for any other. */
int mb_type_index(const struct memblock_type *t);
struct memblock_type *mb_type(int i);
/* The live grown array of type @i: false when it is a static one. */
bool mb_live_array(int i, phys_addr_t *base, phys_addr_t *bytes);
/* Whole pages of @max regions: a grown array's footprint. */
phys_addr_t mb_array_bytes(unsigned long max);

/* Start a plan for a call editing [base, end). */
void mb_plan_init(struct mb_plan *p, phys_addr_t base, phys_addr_t end);
/* Live arrays overlapping [base, end) must move. */
void mb_plan_move_overlapping(struct mb_plan *p, phys_addr_t base,
			      phys_addr_t end);
/* Live arrays not inside [lo, hi) must move, and new arrays go inside. */
void mb_plan_move_outside(struct mb_plan *p, phys_addr_t lo, phys_addr_t hi);
int mb_plan_prepare(struct mb_plan *p, const char *func);
void mb_plan_switch(struct mb_plan *p);
void mb_plan_finish(struct mb_plan *p);

bool memblock_is_static_array(const struct memblock_region *regions);
/* The one-entry arrays memblock_discard() leaves (memblock.c). */
struct memblock_region *mb_discarded_array(int i);

/* ---- whole edits: plan, switch, edit, finish (edit.c) ---- */
struct mb_span {
	phys_addr_t lo, hi;
};
/* Add to type @i; a reservation moves the live arrays it covers. */
int mb_add(int i, phys_addr_t base, phys_addr_t size, int nid,
	   enum memblock_flags flags, const char *func);
/* Remove from memory, moving the live arrays out of the range first. */
int mb_remove_memory(phys_addr_t base, phys_addr_t size, const char *func);
/* Remove caller claims from reserved: never a live array's bytes. */
int mb_unreserve(phys_addr_t base, phys_addr_t size, const char *func);
/* [base, end) minus the live arrays, in order: at most four pieces. */
int mb_claim_pieces(phys_addr_t base, phys_addr_t end, struct mb_span *out);
/* Change flags or node; marking NOMAP moves the live arrays first. */
int mb_update(struct memblock_type *t, phys_addr_t base, phys_addr_t size,
	      const struct rgn_update *upd, const char *func);

/* ---- stages and re-entry (stage.c) ---- */
#define MB_REFUSE_FREED		0x1	/* -EPERM after memblock_free_all() */
#define MB_REFUSE_DISCARDED	0x2	/* -EPERM after memblock_discard() */
#define MB_REFUSE_ALL		(MB_REFUSE_FREED | MB_REFUSE_DISCARDED)
#define MB_REFUSE_EARLY		0x4	/* -EPERM before memblock_free_all() */
/*
 * The guard of every call that changes memblock: -EBUSY from inside a
 * hook, -EPERM when the stage forbids it (each with one log line), else 0.
 */
int mb_enter(const char *func, unsigned int refuse);
void mb_hook_enter(bool log, bool *was_log);
void mb_hook_exit(bool was_log);
bool mb_in_log_hook(void);

/* ---- search (find.c) ---- */
bool memblock_should_skip_region(const struct memblock_type *type,
				 const struct memblock_region *m, int nid,
				 int flags);

bool memblock_has_mirror(void);

/* ---- nodes (memblock.c) ---- */
/* Map a node id from the API to the stored value; -1 when invalid. */
int memblock_canonical_nid(int nid);

#endif /* MEMBLOCK_INTERNAL_H */
