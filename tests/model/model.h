/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reference model of memblock, written from the kernel-doc in
 * include/linux/memblock.h and not from src/.
 *
 * Each type is a plain list of [base, end) intervals with flags and nid.
 * Every edit is recomputed from scratch over the set of all boundaries
 * (old region edges plus the edited range's edges): each elementary
 * segment gets its new attributes, then the list is normalised (sorted,
 * touching segments with equal attributes merged). "reserved" holds the
 * callers' claims only: where and when the library grows its arrays is not
 * modelled (any correct placement is allowed; tests/ledger/ checks the
 * placement by the ownership contract's properties). The runner tells the
 * model where the live arrays are before each call (@busy), so that the
 * free set is memory minus NOMAP minus claims minus live arrays. Linux's
 * counting rule for a full array is modelled while it decides the result
 * (@exact: resizing not allowed and every array still static).
 * Allocations are answered by brute force: every free interval is examined
 * and the required address is picked from all candidates, instead of
 * walking the arrays the way the library does.
 *
 * Address arithmetic uses unsigned __int128, so nothing in the model can
 * wrap.
 */
#ifndef TESTS_MODEL_H
#define TESTS_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/memblock.h>

struct model_rgn {
	phys_addr_t base, end;		/* [base, end), end <= PHYS_ADDR_MAX */
	unsigned int flags;
	int nid;
};

struct model_type {
	struct model_rgn *r;
	size_t n, cap;
	unsigned long max;		/* capacity of the static array */
};

enum { MT_MEMORY, MT_RESERVED, MT_PHYSMEM, MT_NR };

/* Boot stages (the ownership contract's memblock_stage). */
enum { MS_EARLY, MS_FREED, MS_DISCARDED };

struct model {
	struct model_type t[MT_NR];
	bool bottom_up;
	phys_addr_t current_limit;
	bool can_resize;
	bool ever_resize;	/* memblock_allow_resize() was called */
	bool movable_node;
	bool some_mirror;	/* Linux's system_has_some_mirror */
	phys_addr_t kernel_end;
	int stage;
	/*
	 * Set by the runner before each call: is the counting rule exact
	 * (resizing off, arrays static), and where the live arrays are.
	 */
	bool exact;
	struct { phys_addr_t lo, hi; } busy[MT_NR];
	int nbusy;
	/*
	 * The addresses the last allocation finds along Linux's fallback
	 * chain (node, mirror, min_addr), in order: where growth decides, a
	 * reservation can fail and the library take a later one.
	 */
	phys_addr_t cand[16];
	int ncand;
};

void model_init(struct model *m);
void model_free(struct model *m);
void model_copy(struct model *dst, const struct model *src);

/* Mutations; each returns what the library must return. */
int model_add(struct model *m, int type, phys_addr_t base, phys_addr_t size,
	      int nid, unsigned int flags);
int model_add_node(struct model *m, phys_addr_t base, phys_addr_t size,
		   int nid, unsigned int flags);
int model_remove(struct model *m, int type, phys_addr_t base,
		 phys_addr_t size);
int model_set_flags(struct model *m, int type, phys_addr_t base,
		    phys_addr_t size, unsigned int set, unsigned int clear);
/* @type -1 models a NULL type pointer. */
int model_set_node(struct model *m, int type, phys_addr_t base,
		   phys_addr_t size, int nid);
void model_trim(struct model *m, phys_addr_t align);
void model_enforce_limit(struct model *m, phys_addr_t limit);
void model_cap_range(struct model *m, phys_addr_t base, phys_addr_t size);
void model_mem_limit_remove_map(struct model *m, phys_addr_t limit);
/* memblock_free_all(): the number of pages released. */
unsigned long model_free_all(struct model *m);
/* memblock_discard() after the hand-off: every type empty. */
void model_discard(struct model *m);

/* Searching and allocating. */
phys_addr_t model_find_node(const struct model *m, phys_addr_t size,
			    phys_addr_t align, phys_addr_t start,
			    phys_addr_t end, int nid, unsigned int flags);
phys_addr_t model_find(const struct model *m, phys_addr_t start,
		       phys_addr_t end, phys_addr_t size, phys_addr_t align);
/*
 * Free pieces: each eligible memory region clipped to [lo, hi) minus every
 * reservation (pieces of different regions are not joined); @fn is called
 * on each. Returns the number of pieces.
 */
size_t model_free_pieces(const struct model *m, phys_addr_t lo, phys_addr_t hi,
			 int nid, unsigned int flags,
			 void (*fn)(void *, phys_addr_t, phys_addr_t, int),
			 void *arg);
/* memblock_alloc_range_nid() including argument checks. */
phys_addr_t model_alloc_range_nid(struct model *m, phys_addr_t size,
				  phys_addr_t align, phys_addr_t start,
				  phys_addr_t end, int nid, bool exact);
/* The virtual family (try_nid, try_nid_raw, exact_nid_raw): phys or 0. */
phys_addr_t model_alloc_virt(struct model *m, phys_addr_t size,
			     phys_addr_t align, phys_addr_t min_addr,
			     phys_addr_t max_addr, int nid, bool exact,
			     bool zero);

/* Queries. */
bool model_contains(const struct model *m, int type, phys_addr_t addr,
		    unsigned int *flags);
bool model_covers(const struct model *m, int type, phys_addr_t base,
		  phys_addr_t size);
bool model_overlaps(const struct model *m, int type, phys_addr_t base,
		    phys_addr_t size);
phys_addr_t model_total(const struct model *m, int type);

/*
 * Compare the library's state (struct memblock and its arrays, knobs) with
 * the model: memory and physmem exactly, reserved minus the live arrays
 * (read from the library) against the claims, the static arrays while the
 * counting rule is exact. @static_arrays are the library's static arrays
 * (captured after test_reset()). Returns NULL or a description of the
 * first difference.
 */
const char *model_compare(const struct model *m,
			  struct memblock_region *const static_arrays[MT_NR]);
void model_print(const struct model *m);

#endif
