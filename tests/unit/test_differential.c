// SPDX-License-Identifier: BSD-2-Clause
/*
 * Differential random testing: seeded operation streams run on the library
 * and on the reference model (tests/model/), with the return value and the
 * whole state (struct memblock, every array, every knob) compared after
 * every call, plus queries and iterators checked against the model.
 *
 * Three address distributions: a small grid of low addresses (ranges touch
 * and overlap constantly), the same grid just below PHYS_ADDR_MAX, and a
 * larger grid with many small ranges that grows the arrays past their
 * static 128 (and physmem past 4) entries.
 */
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"
#include "../model/model.c"
#include "../model/ops.c"

static struct runner run;
static struct op_stats total;
static unsigned long max_seen[MT_NR];

/* DIFF_SCALE=n multiplies the work (default 1). */
static unsigned long scale(void)
{
	const char *s = getenv("DIFF_SCALE");
	unsigned long v = s ? strtoul(s, NULL, 0) : 1;

	return v ? v : 1;
}

static void run_mode(int mode, unsigned long seqs, unsigned long len,
		     uint64_t seed0)
{
	struct op_stats before = total;
	unsigned long ops = 0;

	seqs *= scale();
	for (unsigned long q = 0; q < seqs; q++) {
		struct op_src src;
		uint64_t seed = seed0 + q;

		runner_init(&run);
		op_src_rng(&src, seed, mode);
		for (unsigned long i = 0; i < len; i++) {
			struct op op;

			op_decode(&src, &op);
			if (runner_step(&run, &op) < 0) {
				tap_fail(__FILE__, __LINE__,
					 "mode %d seed %llu op %lu: %s", mode,
					 (unsigned long long)seed, i, run.why);
				model_print(&run.m);
				runner_fini(&run);
				return;
			}
		}
		for (int t = 0; t < MT_NR; t++)
			if (run.m.t[t].max > max_seen[t])
				max_seen[t] = run.m.t[t].max;
		ops += run.st.ops;
		total.ops += run.st.ops;
		total.skipped += run.st.skipped;
		total.grows += run.st.grows;
		total.allocs_ok += run.st.allocs_ok;
		total.allocs_failed += run.st.allocs_failed;
		total.errors += run.st.errors;
		memset(&run.st, 0, sizeof(run.st));
	}
	runner_fini(&run);
	tap_diag("mode %d: %lu sequences, %lu ops, %lu skipped, %lu grows, %lu allocations (%lu failed), %lu error returns",
		 mode, seqs, ops, total.skipped - before.skipped,
		 total.grows - before.grows,
		 total.allocs_ok - before.allocs_ok +
			 total.allocs_failed - before.allocs_failed,
		 total.allocs_failed - before.allocs_failed,
		 total.errors - before.errors);
}

static void differential_low(void)
{
	run_mode(MODE_LOW, 600, 400, 1000);
}

static void differential_high(void)
{
	run_mode(MODE_HIGH, 300, 300, 2000);
}

static void differential_many(void)
{
	run_mode(MODE_MANY, 60, 1500, 3000);
	/* Growth past the static arrays must actually have happened. */
	tap_diag("largest arrays: memory %lu, reserved %lu, physmem %lu",
		 max_seen[MT_MEMORY], max_seen[MT_RESERVED],
		 max_seen[MT_PHYSMEM]);
	CHECK(max_seen[MT_MEMORY] > INIT_MEMBLOCK_REGIONS);
	CHECK(max_seen[MT_RESERVED] > INIT_MEMBLOCK_RESERVED_REGIONS);
	if (CONFIG_HAVE_MEMBLOCK_PHYS_MAP)
		CHECK(max_seen[MT_PHYSMEM] > INIT_PHYSMEM_REGIONS);
}

static void totals(void)
{
	tap_diag("total: %lu operations compared", total.ops);
	CHECK(total.ops >= 100000 * scale());
}

static const struct test_case cases[] = {
	TEST_CASE(differential_low),
	TEST_CASE(differential_high),
	TEST_CASE(differential_many),
	TEST_CASE(totals),
};

TAP_MAIN(cases)
