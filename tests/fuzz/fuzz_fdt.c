// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target: the flattened device tree reader and the DT scan.
 *
 * The input is a blob in a buffer of exactly its size, so the sanitizers
 * see any read outside it. fdt_fuzz_one() (tests/fdt/fuzz-one.c) drives
 * every read function; then the whole DT -> memblock scan runs on a fresh
 * memblock, built with tiny static arrays (tests/verify.mk) and with
 * resizing allowed, so that arrays grow during the scan. Whatever the blob
 * says, every type keeps its invariants and every grown array is in
 * memory, reserved, and (after a successful scan) off every range the tree
 * says is in use: the blob, /memreserve/, the static /reserved-memory
 * children and the initrd (fw_check.h). Then a dozen page allocations,
 * each its own region, make the arrays grow again: none may touch those
 * ranges, and the arrays must still keep the rules.
 */
#include <stdint.h>
#include <stdlib.h>
#include <firmware/fdt.h>
#include <firmware/fdt_memblock.h>
#include "harness.h"
#include "fw_check.h"
#include "../fdt/fuzz-one.h"
#include "../fdt/fuzz-one.c"

#define BLOB_PHYS	0x44000000ULL
#define MAX_FW		4096

static struct fw_range fw[MAX_FW];
static size_t nfw;

static void fw_add(uint64_t base, uint64_t size)
{
	uint64_t end = base + size;

	if (!size || nfw == MAX_FW)
		return;
	fw[nfw++] = (struct fw_range){ base, end < base ? UINT64_MAX : end };
}

/*
 * What the tree says is in use, read with the reader only (the rules are
 * those of fdt_memblock.h's DOC): /reserved-memory counts when its cells
 * are the root's and it has "ranges"; disabled children do not count.
 */
static void firmware_ranges(const struct fdtr *dt, const struct dt_scan_result *res)
{
	int root, rm, child, ac, sc, len;
	uint64_t a, s;
	uint32_t nac, nsc;

	nfw = 0;
	fw_add(BLOB_PHYS, dt->totalsize);
	if (res->has_initrd && res->initrd_end > res->initrd_start)
		fw_add(res->initrd_start, res->initrd_end - res->initrd_start);
	for (int i = 0; fdtr_get_mem_rsv(dt, i, &a, &s) == 0 && i < MAX_FW; i++)
		fw_add(a, s);

	root = fdtr_path_offset(dt, "/");
	rm = fdtr_path_offset(dt, "/reserved-memory");
	if (root < 0 || rm < 0 || !fdtr_node_is_available(dt, rm))
		return;
	ac = fdtr_address_cells(dt, root);
	sc = fdtr_size_cells(dt, root);
	if (fdtr_getprop_u32(dt, rm, "#address-cells", &nac) ||
	    fdtr_getprop_u32(dt, rm, "#size-cells", &nsc) ||
	    nac != (uint32_t)ac || nsc != (uint32_t)sc ||
	    !fdtr_getprop(dt, rm, "ranges", NULL))
		return;
	fdtr_for_each_subnode(child, dt, rm) {
		const void *reg;

		if (!fdtr_node_is_available(dt, child))
			continue;
		reg = fdtr_getprop(dt, child, "reg", &len);
		for (int i = 0; reg && fdtr_reg_entry(reg, len, ac, sc, i, &a, &s) == 0; i++)
			fw_add(a, s);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dt_scan_result res;
	struct fdtr dt;
	uint8_t *blob = malloc(size ? size : 1);
	int err;

	if (!blob)
		return 0;
	memcpy(blob, data, size);
	fdt_fuzz_one(blob, size);

	test_reset();
	fw_snapshot();
	/* Arrays grow only where host memory backs them. */
	memblock_set_current_limit((phys_addr_t)1 << 40);
	memblock_allow_resize();
	err = dt_scan_memblock(blob, size, BLOB_PHYS, 0, &res);
	nfw = 0;
	if (!err && !fdtr_init(&dt, blob, size))
		firmware_ranges(&dt, &res);
	fw_check(fw, nfw);

	/*
	 * After a scan, allocations must stay off the firmware's ranges, and
	 * the arrays they make grow (one region each: 4-page aligned pages
	 * never touch) must keep every rule above.
	 */
	for (int i = 0; !err && i < 12; i++) {
		phys_addr_t a = memblock_phys_alloc(PAGE_SIZE, 4 * PAGE_SIZE);

		if (!a)
			break;
		for (size_t k = 0; k < nfw; k++)
			if (fw[k].base < (uint64_t)a + PAGE_SIZE && a < fw[k].end) {
				fprintf(stderr, "allocated %#llx inside firmware range [%#llx-%#llx)\n",
					(unsigned long long)a,
					(unsigned long long)fw[k].base,
					(unsigned long long)fw[k].end);
				abort();
			}
		fw_check(fw, nfw);
	}
	free(blob);
	return 0;
}
