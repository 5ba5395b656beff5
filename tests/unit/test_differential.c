// SPDX-License-Identifier: BSD-2-Clause
/*
 * Differential random testing: seeded operation streams run on the library
 * and on the reference model (tests/model/), with the return value and the
 * whole state (struct memblock, every array, every knob) compared after
 * every call, plus queries and iterators checked against the model, and
 * every call checked by the ownership ledger (tests/ledger/).
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
#include "../model/runner.c"

static struct runner run;

/*
 * A failing sequence is reported, and the others still run: the report
 * counts failures by kind and shows the first of each kind in full.
 */
static const char *const kinds[] = {
	"invariant 1", "invariant 2", "invariant 3", "invariant 4",
	"invariant 5", "invariant 6", "hook", "page allocator", "returned",
	"memblock_stage", "not zeroed", "cannot check",
};
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]) + 1)
static unsigned long failures[NKINDS];

static void report_failure(int mode, uint64_t seed, unsigned long i,
			   const char *why)
{
	size_t k;

	for (k = 0; k < NKINDS - 1 && !strstr(why, kinds[k]); k++)
		;
	if (!failures[k]++) {
		tap_fail(__FILE__, __LINE__, "mode %d seed %llu op %lu: %s",
			 mode, (unsigned long long)seed, i, why);
		model_print(&run.m);
		runner_print_lib(&run);
	} else if (getenv("DIFF_SHOW")) {
		/* DIFF_SHOW=1: every failure, one line each. */
		printf("# mode %d seed %llu op %lu: %s\n", mode,
		       (unsigned long long)seed, i, why);
	}
}

static void report_failures(void)
{
	for (size_t k = 0; k < NKINDS; k++)
		if (failures[k])
			tap_diag("%lu failing sequences of kind \"%s\"",
				 failures[k],
				 k < NKINDS - 1 ? kinds[k] : "state differs from the model");
}
static struct op_stats total;
static unsigned long max_seen[MT_NR];

/* DIFF_SCALE=n multiplies the work (default 1). */
static unsigned long scale(void)
{
	const char *s = getenv("DIFF_SCALE");
	unsigned long v = s ? strtoul(s, NULL, 0) : 1;

	return v ? v : 1;
}

static unsigned long shard_i, shard_n = 1;

static void run_mode(int mode, unsigned long seqs, unsigned long len,
		     uint64_t seed0)
{
	struct op_stats before = total;
	unsigned long ops = 0;

	seqs *= scale();
	for (unsigned long q = 0; q < seqs; q++) {
		struct op_src src;
		uint64_t seed = seed0 + q;

		/* DIFF_SEED=n: only that sequence (to reproduce a failure). */
		if (getenv("DIFF_SEED") && strtoull(getenv("DIFF_SEED"), NULL, 0) != seed)
			continue;
		/* DIFF_SHARD=i/n: every n-th sequence from the i-th (long runs). */
		if (shard_n > 1 && q % shard_n != shard_i)
			continue;

		runner_init(&run);
		op_src_rng(&src, seed, mode);
		for (unsigned long i = 0; i < len; i++) {
			struct op op;

			op_decode(&src, &op);
			if (runner_step(&run, &op) < 0) {
				report_failure(mode, seed, i, run.why);
				break;
			}
			if (i + 1 == len && runner_finish(&run) < 0)
				report_failure(mode, seed, i, run.why);
		}
		for (int t = 0; t < MT_NR; t++)
			if (run.st.max_seen[t] > max_seen[t])
				max_seen[t] = run.st.max_seen[t];
		ops += run.st.ops;
		total.ops += run.st.ops;
		total.grows += run.st.grows;
		total.allocs_ok += run.st.allocs_ok;
		total.allocs_failed += run.st.allocs_failed;
		total.errors += run.st.errors;
		total.refused += run.st.refused;
		total.free_alls += run.st.free_alls;
		total.discards += run.st.discards;
		total.free_lates += run.st.free_lates;
		total.hook_calls += run.st.hook_calls;
		total.remapped += run.st.remapped;
		memset(&run.st, 0, sizeof(run.st));
	}
	runner_fini(&run);
	tap_diag("mode %d: %lu sequences, %lu ops, %lu array moves, %lu allocations (%lu failed), %lu error returns, %lu refused where growth decides",
		 mode, seqs, ops, total.grows - before.grows,
		 total.allocs_ok - before.allocs_ok +
			 total.allocs_failed - before.allocs_failed,
		 total.allocs_failed - before.allocs_failed,
		 total.errors - before.errors, total.refused - before.refused);
	tap_diag("mode %d: %lu free_all, %lu free_late, %lu discard, %lu calls from hooks, %lu remapped by stage",
		 mode, total.free_alls - before.free_alls,
		 total.free_lates - before.free_lates,
		 total.discards - before.discards,
		 total.hook_calls - before.hook_calls,
		 total.remapped - before.remapped);
}

static void differential_low(void)
{
	const char *sh = getenv("DIFF_SHARD");

	if (sh && sscanf(sh, "%lu/%lu", &shard_i, &shard_n) != 2)
		shard_n = 1;
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
	report_failures();
	tap_diag("total: %lu operations compared and ledger-checked", total.ops);
	CHECK(total.ops >= 100000 * scale() / shard_n);
	/* The streams reach the hand-off and the hooks. */
	CHECK(total.free_alls > 0);
	CHECK(total.free_lates > 0);
	CHECK(total.discards > 0);
	CHECK(total.hook_calls > 0);
	CHECK(total.grows > 0);
}

static const struct test_case cases[] = {
	TEST_CASE(differential_low),
	TEST_CASE(differential_high),
	TEST_CASE(differential_many),
	TEST_CASE(totals),
};

TAP_MAIN(cases)
