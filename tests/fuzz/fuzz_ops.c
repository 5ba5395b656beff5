// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target: the input is an operation stream (tests/model/ops.c:
 * a header byte choosing the address distribution, then operations). Each
 * operation runs on the library and on the reference model and is checked
 * by the ownership ledger; a different return value or state, a broken
 * ownership invariant or a sanitizer report is a crash.
 */
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"
#include "../model/model.c"
#include "../model/ops.c"
#include "../model/runner.c"

/* Long streams explore deep states but slow every execution down. */
#define MAX_OPS	4000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long long total_ops, total_refused;

static void report(void)
{
	fprintf(stderr, "stat::memblock_operations_compared: %llu\n"
		"stat::memblock_refusals_where_growth_decides: %llu\n",
		total_ops, total_refused);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct runner run;
	static bool registered;
	struct op_src src;
	struct op op;

	if (!registered)
		registered = !atexit(report);
	runner_init(&run);
	op_src_buf(&src, data, size);
	for (int i = 0; i < MAX_OPS && !op_src_empty(&src); i++) {
		op_decode(&src, &op);
		if (runner_step(&run, &op) < 0) {
			fprintf(stderr, "memblock and model disagree at op %d: %s\n",
				i, run.why);
			model_print(&run.m);
			abort();
		}
	}
	if (runner_finish(&run) < 0) {
		fprintf(stderr, "ownership ledger at the end: %s\n", run.why);
		abort();
	}
	total_ops += run.st.ops;
	total_refused += run.st.refused;
	memset(&run.st, 0, sizeof(run.st));
	return 0;
}
