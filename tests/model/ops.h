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
	OP_SET_DEBUG, OP_ALLOC_OR_PANIC, OP_NR
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
	unsigned long ops, skipped, grows, allocs_ok, allocs_failed, errors;
};

struct runner {
	struct model m, scratch;
	struct memblock_region *static_arrays[MT_NR];
	struct op_stats st;
	char why[512];
};

/* Reset library (test_reset()) and model. */
void runner_init(struct runner *r);
void runner_fini(struct runner *r);
/*
 * Run one operation on both. Returns 0 when they agree, 1 when the op was
 * skipped (the library would touch memory outside the test window), -1 on
 * a mismatch (described in r->why).
 */
int runner_step(struct runner *r, const struct op *op);

#endif
