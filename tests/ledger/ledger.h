/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Ownership ledger (issue 12): who owns every byte of the simulated machine,
 * kept independently of src/ and of the reference model, from the
 * ownership contract (OWNERSHIP-CONTRACT.md) alone.
 *
 * A byte is free, memblock's own (a live grown region array, read from the
 * library's public state), a caller's (a numbered claim: a reservation or
 * an allocation not freed since; claims may overlap), or the page
 * allocator's (pages handed to memblock_env_free_pages()). The runner tells
 * the ledger what each call did on the caller's side (ledger_claim(),
 * ledger_release(), ...) and brackets every call with ledger_begin() and
 * ledger_end(); ledger_end() checks the contract's invariants 1-6 and says
 * which one broke.
 *
 * Writes (invariant 6): the caller-claimed and page-allocator bytes inside
 * memory and the host windows carry a per-owner canary pattern, checked
 * after every call where the library may have written (the old and the new
 * place of an array that moved, the block it returned), everywhere every
 * LEDGER_SWEEP calls, and at the end of a sequence (ledger_sweep()).
 */
#ifndef TESTS_LEDGER_H
#define TESTS_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/memblock.h>

typedef unsigned __int128 lg_addr;

/* A set of byte ranges [lo, hi), sorted, disjoint, touching ones merged. */
struct lg_range {
	lg_addr lo, hi;
	unsigned long owner;	/* canaries: claim number; 0 elsewhere */
};
struct lg_set {
	struct lg_range *v;
	size_t n, cap;
};

struct lg_claim {
	lg_addr lo, hi;
	unsigned long id;
};

enum { LG_MEMORY, LG_RESERVED, LG_PHYSMEM, LG_NTYPES };

/* What the runner knows about the call being checked. */
struct lg_call {
	const char *name;
	/* The range the call edits (empty when none): new arrays avoid it. */
	lg_addr edit_lo, edit_hi;
	/* An allocation: its result and its bounds. */
	bool is_alloc;
	phys_addr_t got, size, align, lo, hi;
	/* Error return (negative errno, NULL/0 allocation): nothing changed. */
	bool failed;
	/* A void call the runner saw refused (state compared unchanged). */
	bool must_be_unchanged;
	/* Hand-offs: pages the call must give the page allocator. */
	enum { LG_PAGES_NONE, LG_PAGES_FREE_ALL, LG_PAGES_RANGE,
	       LG_PAGES_ARRAYS } pages;
	phys_addr_t pbase, psize;	/* LG_PAGES_RANGE */
};

/* A copy of everything a call must leave unchanged when it fails. */
struct lg_snapshot {
	struct memblock mb;
	struct memblock_region *arr[LG_NTYPES];
	size_t arr_n[LG_NTYPES], arr_cap[LG_NTYPES];
	int can_resize, stage;
};

struct ledger {
	struct memblock_region *static_arrays[LG_NTYPES];
	struct lg_claim *claims;
	size_t nclaims, claims_cap;
	struct lg_set claims_union;	/* cached; rebuilt when dirty */
	bool claims_dirty;
	unsigned long next_id, id_at_begin;
	struct lg_set pages;		/* the page allocator's, in bytes */
	struct lg_set canaries;		/* bytes carrying a canary, by owner */
	/* State before the current call. */
	struct lg_set arrays_before, free_before;
	lg_addr arr_lo[LG_NTYPES], arr_hi[LG_NTYPES];
	struct lg_snapshot snap;
	/* Blocks given to memblock_env_free_pages() during the call. */
	struct lg_set got_pages;
	unsigned long got_blocks;
	bool bad_block;
	char bad_block_why[160];
	bool freed, discarded;		/* stages seen */
	unsigned long calls, sweeps;
	char why[512];
};

void ledger_init(struct ledger *l, struct memblock_region *const static_arrays[LG_NTYPES]);
void ledger_fini(struct ledger *l);

/* Caller-side events, applied by the runner after a successful call. */
void ledger_claim(struct ledger *l, phys_addr_t base, phys_addr_t size);
void ledger_release(struct ledger *l, phys_addr_t base, phys_addr_t size);
/* Keep only the claims' bytes inside [lo, hi) (cap, enforce, remove_map). */
void ledger_keep(struct ledger *l, lg_addr lo, lg_addr hi);
/* Number of claims, and the i-th one (for streams that free what they own). */
size_t ledger_nclaims(const struct ledger *l);
void ledger_claim_at(const struct ledger *l, size_t i, phys_addr_t *base,
		     phys_addr_t *size);

/* Forwarded from memblock_env_free_pages(). */
void ledger_free_pages(struct ledger *l, unsigned long pfn, unsigned int order);

/* Bracket a call. ledger_end() returns 0, or -1 with l->why set. */
void ledger_begin(struct ledger *l);
int ledger_end(struct ledger *l, const struct lg_call *c);
/* Check every canary now (0 or -1 with l->why). */
int ledger_sweep(struct ledger *l);
/* Is the library's state the one ledger_begin() saw? */
bool ledger_unchanged(const struct ledger *l);

/* Live grown arrays, from the library's public state. */
size_t ledger_live_arrays(const struct ledger *l, lg_addr lo[LG_NTYPES],
			  lg_addr hi[LG_NTYPES]);

/* Is [lo, hi) inside one of the host windows (tests/lib/phys_window.c)? */
bool ledger_hostable(lg_addr lo, lg_addr hi);

/* The boot stage the library reports (-1 when it has no memblock_stage). */
int ledger_lib_stage(void);

/* Interval sets, also used by the runner. */
void lg_set_clear(struct lg_set *s);
void lg_set_free(struct lg_set *s);
void lg_set_add(struct lg_set *s, lg_addr lo, lg_addr hi, unsigned long owner);
void lg_set_sub(struct lg_set *s, lg_addr lo, lg_addr hi);
bool lg_set_overlaps(const struct lg_set *s, lg_addr lo, lg_addr hi);
bool lg_set_covers(const struct lg_set *s, lg_addr lo, lg_addr hi);
/* Sort and merge @n ranges into @out (owners dropped). */
void lg_set_from(struct lg_set *out, struct lg_range *v, size_t n);
/* @out = @a ∪ @b (owners dropped). */
void lg_set_union(struct lg_set *out, const struct lg_set *a,
		  const struct lg_set *b);
/* @out = @a minus @b, or (@keep) @a intersected with @b; @a's owners. */
void lg_set_combine(struct lg_set *out, const struct lg_set *a,
		    const struct lg_set *b, bool keep);

#define LEDGER_SWEEP	256
/* Canaries are kept on at most this many bytes (the rest is unchecked). */
#define LEDGER_CANARY_MAX	(4ULL << 20)

#endif
