/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Operation streams for differential testing: a byte stream (from a seeded
 * generator or from a fuzzer) is decoded into memblock calls; each call is
 * made on the library and on the model, and results and full state are
 * compared after every call.
 */
#ifndef TESTS_OPS_H
#define TESTS_OPS_H

#include <stdint.h>
#include "model.h"
#include "../ledger/ledger.h"

enum op_kind {
	OP_ADD, OP_ADD_NODE, OP_REMOVE, OP_RESERVE, OP_PHYS_FREE, OP_FREE,
	OP_PHYSMEM_ADD, OP_MARK_HOTPLUG, OP_CLEAR_HOTPLUG, OP_MARK_MIRROR,
	OP_MARK_NOMAP, OP_CLEAR_NOMAP, OP_MARK_NOINIT, OP_SET_NODE,
	OP_ALLOC_RANGE_NID, OP_PHYS_ALLOC_RANGE, OP_PHYS_ALLOC_TRY_NID,
	OP_PHYS_ALLOC, OP_ALLOC_EXACT_NID_RAW, OP_ALLOC_TRY_NID_RAW,
	OP_ALLOC_TRY_NID, OP_ALLOC, OP_ALLOC_FROM, OP_ALLOC_LOW, OP_ALLOC_NODE,
	OP_FIND_NODE, OP_FIND, OP_TRIM, OP_ENFORCE_LIMIT, OP_CAP_RANGE,
	OP_MEM_LIMIT_REMOVE_MAP, OP_SET_LIMIT, OP_SET_BOTTOM_UP,
	OP_ALLOW_RESIZE, OP_SET_MOVABLE, OP_SET_KERNEL_END, OP_QUERY, OP_ITER,
	OP_SET_DEBUG, OP_ALLOC_OR_PANIC,
	/* Hand-off to the page allocator (issue 12). */
	OP_FREE_ALL, OP_FREE_LATE, OP_DISCARD,
	/* Hooks that call back into memblock: on (x) or off. */
	OP_REENTER,
	/* Aimed at a live grown array (type, offset and size from a and b). */
	OP_RESERVE_AT_ARRAY, OP_NOMAP_AT_ARRAY, OP_REMOVE_AT_ARRAY,
	OP_PHYS_FREE_AT_ARRAY,
	OP_NR
};

struct op {
	enum op_kind kind;
	phys_addr_t a, b, c, d;	/* base/size, or size/align/start/end */
	int nid;
	unsigned int flags;
	int type;		/* set_node: MT_*, or -1 for NULL */
	bool x;			/* exact_nid, bottom_up, movable, NULL ptr */
};

/* Byte source: a buffer (fuzzer) or a seeded generator. */
struct op_src {
	const uint8_t *p;
	size_t n;
	uint64_t rng;		/* nonzero: generate instead of reading */
	int mode;		/* address distribution, from the header */
	phys_addr_t unit;
	unsigned int grid;
};

void op_src_buf(struct op_src *s, const uint8_t *p, size_t n);
void op_src_rng(struct op_src *s, uint64_t seed, int mode);
bool op_src_empty(const struct op_src *s);
/* Decode the next operation. */
void op_decode(struct op_src *s, struct op *op);
void op_describe(const struct op *op, char *buf, size_t size);

struct op_stats {
	unsigned long ops, grows, allocs_ok, allocs_failed, errors;
	/* -ENOMEM / NULL with the state unchanged where growth decides. */
	unsigned long refused;
	/* Hand-offs, and calls refused from inside a hook (-EBUSY / NULL). */
	unsigned long free_alls, discards, free_lates, hook_calls;
	/* Operations re-aimed by the stage (see ops.c: remap()). */
	unsigned long remapped;
	/* The largest array of each type seen. */
	unsigned long max_seen[MT_NR];
};

struct runner {
	struct model m, scratch;
	const struct model *qm;	/* what queries see (ops.c: make_view()) */
	struct ledger lg;
	struct memblock_region *static_arrays[MT_NR];
	struct op_stats st;
	bool reenter;		/* hooks call back into memblock */
	int hook_depth;
	unsigned int hook_turn;
	char hook_why[256];
	char why[512];
};

/* Reset library (test_reset()) and model. */
void runner_init(struct runner *r);
void runner_fini(struct runner *r);
/*
 * Run one operation on both, with the ownership ledger checking the call.
 * Returns 0 when they agree and the ledger holds, -1 otherwise (described
 * in r->why). Nothing is ever skipped.
 */
/* At the end of a sequence: every canary checked (0, or -1 with r->why). */
int runner_finish(struct runner *r);
/* Print the library's state and the ledger's (after a failure). */
void runner_print_lib(struct runner *r);
int runner_step(struct runner *r, const struct op *op);

#endif
