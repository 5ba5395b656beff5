// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target: the flattened device tree reader and the DT scan.
 *
 * The input is a blob in a buffer of exactly its size, so the sanitizers
 * see any read outside it. fdt_fuzz_one() (tests/fdt/fuzz-one.c) drives
 * every read function; then the whole DT -> memblock scan runs on a fresh
 * memblock, whose arrays must keep their invariants whatever the blob says.
 */
#include <stdint.h>
#include <stdlib.h>
#include <firmware/fdt.h>
#include <firmware/fdt_memblock.h>
#include "harness.h"
#include "../fdt/fuzz-one.h"
#include "../fdt/fuzz-one.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dt_scan_result res;
	uint8_t *blob = malloc(size ? size : 1);

	if (!blob)
		return 0;
	memcpy(blob, data, size);
	fdt_fuzz_one(blob, size);

	test_reset();
	dt_scan_memblock(blob, size, 0x44000000, 0, &res);
	if (type_invariant_violation(&memblock.memory) ||
	    type_invariant_violation(&memblock.reserved))
		abort();
	free(blob);
	return 0;
}
