// SPDX-License-Identifier: BSD-2-Clause
/*
 * Device tree -> memblock (firmware/fdt_memblock.c and friends): the
 * exact memblock arrays after scanning QEMU's own virt trees and trees
 * written for one behaviour each (tests/fdt/), the mem= helper, and
 * the console and PSCI helpers.
 */
#include <firmware/fdt_memblock.h>
#include "harness.h"
#include "../fdt/dtb-load.h"

/*
 * tests/fdt.mk builds this suite twice: with the built-in reader and with
 * FIRMWARE_LIBFDT_SYSTEM against the system's libfdt. It reads the trees
 * through fdt_api.h only; the scan returns negative errno either way.
 */
#ifndef FIRMWARE_LIBFDT_SYSTEM
/* The built-in reader's count of /memreserve/ entry reads (fdt_addresses.c). */
extern unsigned long __fw_fdtr_rsv_reads;
#endif

#define H	MEMBLOCK_HOTPLUG
#define NOMAP	MEMBLOCK_NOMAP

struct scan {
	uint8_t *blob;
	size_t size;
	uint32_t total;		/* header totalsize */
	int err;
	struct dt_scan_result res;
};

/* Scan tests/fdt/<name>.dts as if the blob sat at @phys. */
static struct scan scan(const char *name, phys_addr_t phys, unsigned int flags)
{
	struct scan s = { 0 };

	s.blob = dtb_load(name, &s.size);
	s.total = fdt_totalsize(s.blob);
	s.err = dt_scan_memblock(s.blob, s.size, phys, flags, &s.res);
	return s;
}

/* Load and check a test tree with the scan's provider (fdt_api.h). */
static const void *open_dtb(const char *name, uint8_t **blob)
{
	size_t size;

	*blob = dtb_load(name, &size);
	CHECK_INT(fdt_check_full(*blob, size), 0);
	return *blob;
}

/* ---- QEMU virt ---- */

static void qemu_virt_128m(void)
{
	struct scan s = scan("qemu-virt-128m", 0x40000000, 0);

	CHECK_INT(s.err, 0);
	EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_128M));
	EXPECT_TYPE(&memblock.reserved, R(0x40000000, s.total));
	CHECK_INT(s.res.memory_nodes, 1);
	CHECK_INT(s.res.memory_ranges, 1);
	CHECK_INT(s.res.warnings, 0);
	CHECK_INT(s.res.errors, 0);
	CHECK(s.res.bootargs == NULL);
	CHECK_STR(s.res.stdout_path, "/pl011@9000000");
	CHECK(!s.res.has_initrd);
	CHECK(test_log_find("dt: memory@40000000: [mem 0x40000000-0x47ffffff]") >= 0);
	free(s.blob);
}

static void qemu_virt_1g(void)
{
	struct scan s = scan("qemu-virt-1g", 0x40000000, 0);

	CHECK_INT(s.err, 0);
	EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_1G));
	EXPECT_TYPE(&memblock.reserved, R(0x40000000, s.total));
	free(s.blob);
}

static void qemu_virt_4g(void)
{
	struct scan s = scan("qemu-virt-4g", 0x40000000, 0);

	CHECK_INT(s.err, 0);
	if (PHYS_64) {
		EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_4G));
		CHECK_INT(s.res.warnings, 0);
	} else {
		/*
		 * Truncated to the 32-bit physical address space, whose
		 * last byte memblock cannot hold: so its last page goes.
		 */
		EXPECT_TYPE(&memblock.memory, R(0x40000000, 0xbffff000));
		CHECK_INT(s.res.warnings, 1);
		CHECK(test_log_find("truncating [0x40000000+0x100000000]") >= 0);
	}
	free(s.blob);
}

static void qemu_virt_numa(void)
{
	struct scan s = scan("qemu-virt-numa", 0x40000000, 0);

	CHECK_INT(s.err, 0);
	EXPECT_TYPE(&memblock.memory, RN(0x40000000, SZ_512M, 0),
		    RN(0x60000000, SZ_512M, 1));
	EXPECT_TYPE(&memblock.reserved, R(0x40000000, s.total));
	CHECK_INT(s.res.memory_nodes, 2);
	CHECK_INT(s.res.numa_ranges, 2);
	free(s.blob);
}

static void qemu_console_and_psci(void)
{
	uint8_t *b;
	const void *dt = open_dtb("qemu-virt-1g", &b);
	struct dt_console con;
	enum dt_psci_conduit c;

	CHECK_INT(dt_get_console(dt, &con), 0);
	CHECK_STR(con.name, "pl011@9000000");
	CHECK_STR(con.compatible, "arm,pl011");
	CHECK(con.options == NULL);
	CHECK_EQ(con.base, 0x9000000);
	CHECK_EQ(con.size, 0x1000);
	CHECK_INT(con.node, fdt_path_offset(dt, "/pl011@9000000"));
	CHECK_INT(dt_get_psci(dt, &c), 0);
	CHECK_INT(c, DT_PSCI_HVC);
	free(b);
}

/* ---- memory nodes ---- */

static void memory_nodes(void)
{
	struct scan s = scan("memory", 0x50000000, DT_SCAN_NO_RESERVE_DTB);

	CHECK_INT(s.err, 0);
	if (PHYS_64)
		EXPECT_TYPE(&memblock.memory,
			    R(0x40000000, 0x10000000),
			    R(0x60001000, 0x1fff000),	/* rounded inwards */
			    R(0x94000000, 0x1000000),	/* linux,usable-memory */
			    RN(0xc0000000, 0x8000000, 0),
			    R(0xd0000000, 0x100000),	/* bad numa-node-id */
			    RFN(0x100000000, SZ_1G, H, 1));
	else
		EXPECT_TYPE(&memblock.memory,
			    R(0x40000000, 0x10000000),
			    R(0x60001000, 0x1fff000),
			    R(0x94000000, 0x1000000),
			    RN(0xc0000000, 0x8000000, 0),
			    R(0xd0000000, 0x100000));
	EXPECT_EMPTY(&memblock.reserved);
	CHECK_INT(s.res.memory_nodes, 6);
	CHECK_INT(s.res.memory_ranges, PHYS_64 ? 6 : 5);
	CHECK_INT(s.res.hotplug_ranges, PHYS_64 ? 1 : 0);
	CHECK_INT(s.res.numa_ranges, PHYS_64 ? 2 : 1);
	/* Sub-page block, bad node id (and memory above 4 GiB on 32-bit). */
	CHECK_INT(s.res.warnings, PHYS_64 ? 2 : 3);
	CHECK(test_log_find("memory@70000100: ignoring memory block [0x70000100+0x800]") >= 0);
	CHECK(test_log_find("memory@d0000000: bad numa-node-id") >= 0);
	CHECK(test_log_find("memory@80000000") < 0);	/* disabled */
	CHECK(test_log_find("sram") < 0);		/* not memory */
	if (!PHYS_64)
		CHECK(test_log_find("memory@100000000: ignoring [0x100000000-0x13fffffff]") >= 0);
	free(s.blob);
}

static void memory_bad_reg(void)
{
	struct scan s = scan("memory-badreg", 0x40000000, 0);

	CHECK_INT(s.err, -ENOENT);
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_EMPTY(&memblock.reserved);
	CHECK_INT(s.res.warnings, 1);
	CHECK_INT(s.res.errors, 1);
	CHECK(test_log_find("memory@40000000: reg of 12 bytes is not a list of <2 2> cells") >= 0);
	free(s.blob);
}

/* ---- reservations ---- */

static void reserved_memory(void)
{
	struct scan s = scan("reserved", 0x44000000, 0);

	CHECK_INT(s.err, 0);
	EXPECT_TYPE(&memblock.memory,
		    R(0x40000000, 0x100000),
		    RF(0x40100000, 0x100000, NOMAP),	/* secmon: static no-map */
		    R(0x40200000, 0x1fd00000),
		    RF(0x5ff00000, 0x100000, NOMAP));	/* dma-nomap: dynamic */
	EXPECT_TYPE(&memblock.reserved,
		    R(0x44000000, s.total),		/* the blob */
		    R(0x48000000, 0x10000),		/* /memreserve/ */
		    R(0x4a000000, 0x2000),		/* /memreserve/ */
		    R(0x4c000000, 0x100000),		/* ramoops */
		    R(0x4d000000, 0x1000),		/* two, entry 0 */
		    R(0x4e000000, 0x1000),		/* two, entry 1 */
		    R(0x52000000, 0x2000000),		/* linux,cma: 2nd range */
		    R(0x5ff00000, 0x100000));		/* dma-nomap: reserved too */
	CHECK_INT(s.res.memreserve, 2);
	CHECK_INT(s.res.reserved_static, 3);
	CHECK_INT(s.res.reserved_nomap, 2);
	CHECK_INT(s.res.reserved_dynamic, 2);
	CHECK_INT(s.res.warnings, 0);
	CHECK_INT(s.res.errors, 1);
	CHECK(test_log_find("dt: /reserved-memory/toobig: failed to allocate 0x40000000 bytes") >= 0);
	CHECK(test_log_find("dt: /reserved-memory/linux,cma: allocated [mem 0x52000000-0x53ffffff]") >= 0);
	CHECK(test_log_find("disabled@4f000000") < 0);
	free(s.blob);
}

/*
 * Linux 6.12's alignments for dynamic /reserved-memory (tests/fdt/cma.dts):
 * reusable, mapped shared-dma-pools are CMA areas, aligned to 2 MiB (or
 * more when asked); other nodes without "alignment" use SMP_CACHE_BYTES.
 * Placement is memblock's top-down first fit, in tree order, below the
 * memory's end at 0x5ff40000.
 */
static void reserved_memory_alignment(void)
{
	struct scan s = scan("cma", 0x44000000, 0);

	CHECK_INT(s.err, 0);
	CHECK_EQ(DT_CMA_MIN_ALIGN, (uint64_t)PAGE_SIZE << 9);
	CHECK_INT(SMP_CACHE_BYTES, 64);
	/* linux,cma: 16 MiB at round_down(0x5ff40000 - 16 MiB, 2 MiB). */
	CHECK(test_log_find("dt: /reserved-memory/linux,cma: allocated [mem 0x5ee00000-0x5fdfffff]") >= 0);
	/* pool-nomap: 64-byte alignment, right at the top. */
	CHECK(test_log_find("dt: /reserved-memory/pool-nomap: allocated [mem 0x5fe40000-0x5ff3ffff] no-map") >= 0);
	/* pool-coherent: 0x5fe40000 - 0x20040, a 64-byte but not a page boundary. */
	CHECK(test_log_find("dt: /reserved-memory/pool-coherent: allocated [mem 0x5fe1ffc0-0x5fe3ffff]") >= 0);
	CHECK(test_log_find("dt: /reserved-memory/restricted: allocated [mem 0x5fe1efc0-0x5fe1ffbf]") >= 0);
	/* 8 MiB asked: round_down(0x5ee00000 - 1 MiB, 8 MiB). */
	CHECK(test_log_find("dt: /reserved-memory/cma-big-align: allocated [mem 0x5e800000-0x5e8fffff]") >= 0);
	CHECK(test_log_find("dt: /reserved-memory/cma-compat-list: allocated [mem 0x5ec00000-0x5ecfffff]") >= 0);
	EXPECT_TYPE(&memblock.memory, R(0x40000000, 0x1fe40000),
		    RF(0x5fe40000, 0x100000, NOMAP));
	EXPECT_TYPE(&memblock.reserved,
		    R(0x44000000, s.total),		/* the blob */
		    R(0x5e800000, 0x100000),		/* cma-big-align */
		    R(0x5ec00000, 0x100000),		/* cma-compat-list */
		    R(0x5ee00000, 0x1000000),		/* linux,cma */
		    R(0x5fe1efc0, 0x121040));		/* restricted .. pool-nomap */
	CHECK_INT(s.res.reserved_dynamic, 6);
	CHECK_INT(s.res.reserved_nomap, 1);
	CHECK_INT(s.res.errors, 0);
	CHECK_INT(s.res.warnings, 0);
	free(s.blob);
}

static void reserved_memory_bad_format(void)
{
	struct scan s = scan("reserved-badformat", 0x44000000, 0);

	CHECK_INT(s.err, 0);
	EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_512M));
	EXPECT_TYPE(&memblock.reserved, R(0x44000000, s.total),
		    R(0x48000000, 0x1000));
	CHECK_INT(s.res.warnings, 1);
	CHECK_INT(s.res.reserved_static, 0);
	CHECK_INT(s.res.memreserve, 1);
	CHECK(test_log_find("/reserved-memory: unsupported node format") >= 0);
	free(s.blob);
}

static void nomap_over_reserved_refused(void)
{
	struct scan s = scan("nomap-busy", 0x44000000, 0);

	CHECK_INT(s.err, 0);
	/*
	 * The initrd was reserved first: no NOMAP flag anywhere. Unlike
	 * Linux, the whole no-map range is reserved instead, so that its
	 * second half, outside the initrd, is never handed out.
	 */
	EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_512M));
	EXPECT_TYPE(&memblock.reserved, R(0x44000000, s.total),
		    R(0x48000000, 0x200000));
	CHECK_INT(s.res.errors, 1);
	CHECK_INT(s.res.reserved_nomap, 0);
	CHECK(test_log_find("fw@48000000: failed to reserve [0x48000000+0x200000] no-map: already reserved; reserved instead, not no-map") >= 0);
	free(s.blob);
}

/* ---- /chosen ---- */

static void chosen_bootargs_initrd_mem(void)
{
	struct scan s = scan("chosen", 0x40000000, 0);

	CHECK_INT(s.err, 0);
	/* mem=768M */
	EXPECT_TYPE(&memblock.memory, R(0x40000000, 0x30000000));
	/* The initrd, rounded outwards to pages. */
	EXPECT_TYPE(&memblock.reserved, R(0x40000000, s.total),
		    R(0x48000000, 0x201000));
	CHECK_STR(s.res.bootargs, "console=ttyAMA0 mem=768M memblock=debug");
	CHECK_STR(s.res.stdout_path, "serial0:115200n8");
	CHECK(s.res.has_initrd);
	CHECK_EQ(s.res.initrd_start, 0x48000100);
	CHECK_EQ(s.res.initrd_end, 0x48200080);
	CHECK_EQ(s.res.mem_limit, 0x30000000);
	CHECK_INT(memblock_debug, 1);
	free(s.blob);
}

static void chosen_no_cmdline_flag(void)
{
	struct scan s = scan("chosen", 0x40000000, DT_SCAN_NO_CMDLINE);

	CHECK_INT(s.err, 0);
	EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_1G));
	CHECK_EQ(s.res.mem_limit, 0);
	CHECK_INT(memblock_debug, 0);
	CHECK_STR(s.res.bootargs, "console=ttyAMA0 mem=768M memblock=debug");
	free(s.blob);
}

static void usable_memory_range(void)
{
	struct scan s = scan("usable", 0x40000000, 0);

	CHECK_INT(s.err, 0);
	EXPECT_TYPE(&memblock.memory, R(0x48000000, SZ_16M),
		    R(0x50000000, SZ_256M));
	EXPECT_TYPE(&memblock.reserved, R(0x40000000, s.total),
		    R(0x49000000, SZ_1M));
	CHECK(s.res.usable_range);
	CHECK(s.res.has_initrd);
	CHECK_EQ(s.res.initrd_start, 0x49000000);
	CHECK_INT(s.res.warnings, PHYS_64 ? 0 : 1);
	free(s.blob);
}

static void cells32_machine(void)
{
	struct scan s = scan("cells32", 0x81000000, 0);

	CHECK_INT(s.err, 0);
	/* mem=0x9000000 applies before the dynamic pool is placed. */
	EXPECT_TYPE(&memblock.memory, R(0x80000000, 0x9000000));
	EXPECT_TYPE(&memblock.reserved,
		    R(0x80100000, 0x1000),		/* static */
		    R(0x80200000, 0x1000),		/* /memreserve/ */
		    R(0x81000000, s.total),		/* the blob */
		    R(0x82000000, 0x400000),		/* initrd */
		    R(0x88ff0000, 0x10000));		/* pool, top of its range */
	CHECK_INT(s.res.reserved_dynamic, 1);
	CHECK_INT(s.res.errors, 0);
	free(s.blob);
}

static void chosen_console_alias_and_ranges(void)
{
	uint8_t *b;
	const void *dt = open_dtb("chosen", &b);
	int uart = fdt_path_offset(dt, "/soc/bus@10000/uart@2000");
	struct dt_console con;
	enum dt_psci_conduit c;
	uint64_t addr;

	CHECK_INT(dt_get_console(dt, &con), 0);
	CHECK_INT(con.node, uart);
	CHECK_STR(con.name, "uart@2000");
	CHECK_STR(con.compatible, "arm,pl011");
	CHECK_STR(con.options, "115200n8");
	/* 0x2000 in bus@10000 -> 0x12000 in soc -> 0x9012000. */
	CHECK_EQ(con.base, 0x9012000);
	CHECK_EQ(con.size, 0x1000);
	addr = 0x20000;		/* outside bus@10000's range */
	CHECK_INT(dt_translate_address(dt, uart, &addr), -ERANGE);
	addr = 0xfff0;
	CHECK_INT(dt_translate_address(dt, uart, &addr), 0);
	CHECK_EQ(addr, 0x901fff0);
	CHECK_INT(dt_get_psci(dt, &c), 0);
	CHECK_INT(c, DT_PSCI_SMC);
	/*
	 * An alias's value must be a path: "xsoc/..." is refused, not looked
	 * up (libfdt's fdt_path_offset() would take it for another alias).
	 */
	{
		char *v = (char *)fdt_getprop(dt, fdt_path_offset(dt, "/aliases"),
					      "serial0", NULL);

		CHECK(v != NULL && v[0] == '/');
		if (v)
			v[0] = 'x';
		CHECK_INT(dt_get_console(dt, &con), -EINVAL);
	}
	free(b);
}

static void psci_by_compatible_or_disabled(void)
{
	uint8_t *b;
	const void *dt = open_dtb("cells32", &b);
	enum dt_psci_conduit c;

	CHECK_INT(dt_get_psci(dt, &c), 0);
	CHECK_INT(c, DT_PSCI_HVC);
	free(b);
	dt = open_dtb("memory", &b);
	c = DT_PSCI_SMC;
	CHECK_INT(dt_get_psci(dt, &c), -ENOENT);
	CHECK_INT(c, DT_PSCI_NONE);
	free(b);
}

static void console_and_psci_absent(void)
{
	uint8_t *b;
	const void *dt = open_dtb("tiny", &b);
	struct dt_console con;
	enum dt_psci_conduit c = DT_PSCI_HVC;

	CHECK_INT(dt_get_console(dt, &con), -ENOENT);
	CHECK_INT(dt_get_psci(dt, &c), -ENOENT);
	CHECK_INT(c, DT_PSCI_NONE);
	CHECK_INT(dt_get_console(dt, NULL), -EINVAL);
	free(b);
}

static void edge_values_refused(void)
{
	struct scan s = scan("edge", 0x44000000, 0);
	uint8_t *b;
	const void *dt = open_dtb("edge", &b);
	struct dt_console con;
	enum dt_psci_conduit c;

	CHECK_INT(s.err, 0);
	if (PHYS_64)
		/* The last page below 2^64 cannot be held: end at 2^64 - 1. */
		EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_256M),
			    R(0xffffffffffff0000ULL, 0xf000));
	else
		EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_256M));
	/* Only the blob: the initrd and every dynamic region were refused. */
	EXPECT_TYPE(&memblock.reserved, R(0x44000000, s.total));
	CHECK(!s.res.has_initrd);
	CHECK(!s.res.usable_range);
	CHECK(test_log_find("memory@0: no reg, ignored") >= 0);
	CHECK(test_log_find("linux,initrd-start/-end missing or not 4 or 8 bytes") >= 0);
	CHECK(test_log_find("linux,usable-memory-range of 12 bytes ignored") >= 0);
	CHECK(test_log_find("/reserved-memory/short-size: size is 4 bytes, not 8, ignored") >= 0);
	CHECK(test_log_find("/reserved-memory/odd-align: size 0x1000 or alignment 0x3000 unusable") >= 0);
	CHECK(test_log_find("/reserved-memory/bad-ranges: alloc-ranges of 12 bytes ignored") >= 0);
	CHECK(test_log_find("/reserved-memory/bad-ranges: failed to allocate 0x1000 bytes") >= 0);
	CHECK(test_log_find("/reserved-memory/empty: neither reg nor size") >= 0);
	CHECK(test_log_find(PHYS_64 ? "memory@40000000: truncating [0xffffffffffff0000+0x20000]"
				    : "memory@40000000: ignoring [0xffffffffffff0000-0xffffffffffffffff]") >= 0);
	/* no reg, initrd, usable range, 3 dynamic, empty, 2^64 */
	CHECK_INT(s.res.warnings, 8);
	CHECK_INT(s.res.errors, 1);
	CHECK_INT(s.res.reserved_dynamic, 0);
	CHECK_INT(dt_get_console(dt, &con), -ERANGE);
	CHECK_INT(dt_get_psci(dt, &c), -ERANGE);
	CHECK_INT(c, DT_PSCI_NONE);
	free(b);
	free(s.blob);
}

/* ---- bad blobs change nothing ---- */

static void malformed_blob_changes_nothing(void)
{
	size_t size;
	uint8_t *b = dtb_load("chosen", &size);
	struct dt_scan_result res;

	b[0] ^= 1;		/* magic */
	CHECK_INT(dt_scan_memblock(b, size, 0x40000000, 0, &res), -ENOEXEC);
	b[0] ^= 1;
	CHECK_INT(dt_scan_memblock(b, size - 1, 0x40000000, 0, &res), -ENODATA);
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_EMPTY(&memblock.reserved);
	CHECK_INT(res.errors, 1);
	CHECK(test_log_find("dt: invalid device tree blob: truncated: the buffer ends before the data (ENODATA)") >= 0);
	CHECK_INT(dt_scan_memblock(NULL, size, 0, 0, &res), -EINVAL);
	CHECK_INT(dt_scan_memblock(b, size, 0, 0, NULL), -EINVAL);
	free(b);
}

static void bad_root_cells(void)
{
	size_t size;
	uint8_t *b = dtb_load("tiny", &size);
	struct dt_scan_result res;
	int len;
	uint8_t *v;

	CHECK_INT(fdt_check_full(b, size), 0);
	v = (uint8_t *)fdt_getprop(b, 0, "#size-cells", &len);
	CHECK_INT(len, 4);
	v[3] = 3;		/* three size cells: more than 64 bits */
	CHECK_INT(dt_scan_memblock(b, size, 0, 0, &res), -EDOM);
	v[3] = 5;		/* beyond the specification's maximum */
	CHECK_INT(dt_scan_memblock(b, size, 0, 0, &res), -EDOM);
	EXPECT_EMPTY(&memblock.memory);
	free(b);
}

/* Every damaged copy of a blob either scans or fails cleanly. */
static void damaged_blobs_scan_safely(void)
{
	size_t size;
	uint8_t *orig = dtb_load("reserved", &size);
	uint64_t rng = 0x2545f4914f6cdd1dULL;
	int ok = 0, bad = 0;

	for (int i = 0; i < 400; i++) {
		uint8_t *b = malloc(size);
		struct dt_scan_result res;
		size_t pos;

		memcpy(b, orig, size);
		rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
		pos = (size_t)(rng % size);
		b[pos] = (uint8_t)(rng >> 32);
		test_reset();
		if (dt_scan_memblock(b, size, 0x44000000, 0, &res))
			bad++;
		else
			ok++;
		/* Whatever happened, the arrays are still consistent. */
		CHECK(type_invariant_violation(&memblock.memory) == NULL);
		CHECK(type_invariant_violation(&memblock.reserved) == NULL);
		free(b);
	}
	tap_diag("400 one-byte damages: %d scanned, %d refused", ok, bad);
	CHECK(ok > 0);
	CHECK(bad > 0);
	free(orig);
}

/* ---- the command line helper ---- */

static void cmdline_mem_limit(void)
{
	memblock_add(0, SZ_1G);
	CHECK_EQ(dt_apply_cmdline("root=/dev/vda mem=256M", NULL), SZ_256M);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_256M));
	/* The last mem= wins; values are rounded down to pages. */
	test_reset();
	memblock_add(0, SZ_1G);
	CHECK_EQ(dt_apply_cmdline("mem=512M mem=0x1001800", NULL), 0x1001000);
	EXPECT_TYPE(&memblock.memory, R(0, 0x1001000));
}

static void cmdline_bad_values(void)
{
	struct dt_scan_result res = { 0 };

	memblock_add(0, SZ_1G);
	CHECK_EQ(dt_apply_cmdline("mem=lots", &res), 0);
	CHECK_EQ(dt_apply_cmdline("mem=0", &res), 0);
	CHECK_EQ(dt_apply_cmdline("mem=100", &res), 0);	/* below a page */
	CHECK_EQ(dt_apply_cmdline(NULL, &res), 0);
	CHECK_EQ(dt_apply_cmdline("", &res), 0);
	CHECK_INT(res.warnings, 3);
	CHECK(test_log_find("dt: mem=lots ignored") >= 0);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_1G));
	CHECK_INT(memblock_debug, 0);
	CHECK_EQ(dt_apply_cmdline("quiet memblock=debug", &res), 0);
	CHECK_INT(memblock_debug, 1);
}

/* ---- the kernel image ---- */

static void image_reserved_and_added_back(void)
{
	memblock_add(0x40000000, SZ_1G);
	CHECK_INT(dt_reserve_image(0x40200000, 0x22000), 0);
	EXPECT_TYPE(&memblock.reserved, R(0x40200000, 0x22000));
	CHECK(test_log_find("adding it back") < 0);

	/* mem= left 1 MiB: the image is added back to memory. */
	test_reset();
	memblock_add(0x40000000, SZ_1G);
	CHECK_EQ(dt_apply_cmdline("mem=1M", NULL), SZ_1M);
	CHECK_INT(dt_reserve_image(0x40200000, 0x22000), 0);
	EXPECT_TYPE(&memblock.memory, R(0x40000000, SZ_1M), R(0x40200000, 0x22000));
	EXPECT_TYPE(&memblock.reserved, R(0x40200000, 0x22000));
	CHECK(test_log_find("dt: kernel image [0x40200000-0x40221fff] outside memory after mem=; adding it back") >= 0);
}

/*
 * Regression (issue 12, defect 8): with the memory array full, capping to
 * linux,usable-memory-range failed inside memblock_cap_memory_range()
 * (which returns nothing) and the scan returned 0: a kdump kernel would
 * have run over the crashed kernel's memory. Now the scan checks the cap
 * took effect and fails with -ENOSPC and a log line.
 */
static void usable_range_cap_failure_reported(void)
{
	unsigned long fill = memblock.memory.max - (PHYS_64 ? 2 : 1);
	struct scan s;

	for (unsigned long i = 0; i < fill; i++)
		CHECK_INT(memblock_add(0x10000000 + i * 0x2000, 0x1000), 0);
	s = scan("usable", 0x40000000, 0);
	CHECK_INT(s.err, -ENOSPC);
	CHECK(!s.res.usable_range);
	CHECK_INT(s.res.errors, 1);
	CHECK_INT(memblock.memory.cnt, memblock.memory.max);
	CHECK(test_log_find("dt: linux,usable-memory-range: cannot cap memory to [mem 0x50000000-0x5fffffff]") >= 0);
	CHECK_STR(fw_strerror(s.err), "no room left: a table or array is full (ENOSPC)");
	free(s.blob);

	/*
	 * Resizing allowed before the scan changes nothing: growing the
	 * array now could put it on the blob or a /memreserve/ range, not
	 * reserved yet (and, as issue 12 found, the cap then dropped the new
	 * array's own reservation).
	 */
	test_reset();
	for (unsigned long i = 0; i < fill; i++)
		CHECK_INT(memblock_add(0x10000000 + i * 0x2000, 0x1000), 0);
	memblock_allow_resize();
	s = scan("usable", 0x40000000, 0);
	CHECK_INT(s.err, -ENOSPC);
	CHECK_INT(memblock.memory.cnt, memblock.memory.max);
	CHECK_INT(memblock.memory.max, fill + (PHYS_64 ? 2 : 1));	/* not grown */
	CHECK_INT(memblock_can_resize, 1);
	free(s.blob);

	/* With room, the same tree caps as usual. */
	test_reset();
	s = scan("usable", 0x40000000, 0);
	CHECK_INT(s.err, 0);
	CHECK(s.res.usable_range);
	free(s.blob);
}

/*
 * Regression (issue 12, defect 8): every /memreserve/ entry was found by
 * walking the map from its start (130,000 entries: 5.7 s). The work must
 * be linear: count the entry reads of the whole scan (open, full check,
 * scan) on a blob of 130,000 adjacent page entries.
 */
static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void memreserve_linear(void)
{
	enum { N = 130000 };
	size_t tsize;
	uint8_t *tiny = dtb_load("tiny", &tsize);
	uint32_t ostr = get_be32(tiny + 8), sstr = get_be32(tiny + 36);
	uint32_t ostrings = get_be32(tiny + 12), sstrings = get_be32(tiny + 32);
	uint32_t rsv = 40, rsvsize = (N + 1) * 16;
	uint32_t total = rsv + rsvsize + sstr + sstrings;
	uint8_t *b = calloc(1, total);
	struct dt_scan_result res;

	/* Header, then the map, then tiny's structure and strings blocks. */
	memcpy(b, tiny, 40);
	put_be32(b + 4, total);
	put_be32(b + 8, rsv + rsvsize);
	put_be32(b + 12, rsv + rsvsize + sstr);
	put_be32(b + 16, rsv);
	for (uint32_t i = 0; i < N; i++) {
		uint8_t *e = b + rsv + 16 * i;

		put_be32(e + 4, 0x40000000 + i * 0x1000);
		put_be32(e + 12, 0x1000);
	}
	memcpy(b + rsv + rsvsize, tiny + ostr, sstr);
	memcpy(b + rsv + rsvsize + sstr, tiny + ostrings, sstrings);

#ifndef FIRMWARE_LIBFDT_SYSTEM
	__fw_fdtr_rsv_reads = 0;
#endif
	CHECK_INT(dt_scan_memblock(b, total, 0x1800000, 0, &res), 0);
#ifndef FIRMWARE_LIBFDT_SYSTEM
	/* The reader's part; libfdt's fdt_get_mem_rsv() is constant time. */
	tap_diag("%lu /memreserve/ entry reads for %d entries", __fw_fdtr_rsv_reads, N);
	CHECK(__fw_fdtr_rsv_reads <= 3 * (N + 1UL));
#endif
	CHECK_INT(res.memreserve, N);
	CHECK_INT(res.errors, 0);
	EXPECT_TYPE(&memblock.memory, R(0x1000000, SZ_16M));
	EXPECT_TYPE(&memblock.reserved, R(0x1800000, total),
		    R(0x40000000, N * 0x1000ULL));
	free(b);
	free(tiny);
}

/*
 * Regression (issue 12, ownership through the firmware glue): with
 * resizing allowed before the scan and the reserved array full, reserving
 * the blob grew the array top-down into memory not reserved yet - the
 * blob itself - and the blob's reservation then covered it: two owners.
 * Now no array grows before every range the tree uses is reserved, and a
 * range that cannot be reserved fails the scan.
 */
static void resize_held_until_firmware_reserved(void)
{
	const struct memblock_region *before;
	struct scan s;

	memblock_add(0x40000000, SZ_128M);
	for (unsigned long i = 0; i < memblock.reserved.max; i++)
		CHECK_INT(memblock_reserve(0x10000000 + i * 0x2000, 0x1000), 0);
	before = memblock.reserved.regions;
	memblock_allow_resize();
	s = scan("qemu-virt-128m", 0x47f00000, 0);
	CHECK_INT(s.err, -ENOSPC);
	CHECK(memblock.reserved.regions == before);	/* never grown */
	{
		phys_addr_t a = test_virt_to_phys(memblock.reserved.regions);

		/* The old code put it at 0x47fff000, inside the blob. */
		CHECK(a + memblock.reserved.max * sizeof(*before) <= 0x47f00000 ||
		      a >= 0x47f00000 + s.total);
	}
	CHECK_INT(memblock_can_resize, 1);		/* given back */
	CHECK(test_log_find("dt: device tree blob: cannot reserve [0x47f00000+") >= 0);
	CHECK(test_log_find("dt: 1 range(s) the tree says are in use could not be reserved: stopping") >= 0);
	free(s.blob);

	/* With room, the same scan succeeds and leaves resizing allowed. */
	test_reset();
	memblock_allow_resize();
	s = scan("qemu-virt-128m", 0x47f00000, 0);
	CHECK_INT(s.err, 0);
	CHECK_INT(memblock_can_resize, 1);
	EXPECT_TYPE(&memblock.reserved, R(0x47f00000, s.total));
	free(s.blob);
}

static const struct test_case cases[] = {
	TEST_CASE(qemu_virt_128m),
	TEST_CASE(qemu_virt_1g),
	TEST_CASE(qemu_virt_4g),
	TEST_CASE(qemu_virt_numa),
	TEST_CASE(qemu_console_and_psci),
	TEST_CASE(memory_nodes),
	TEST_CASE(memory_bad_reg),
	TEST_CASE(reserved_memory),
	TEST_CASE(reserved_memory_alignment),
	TEST_CASE(reserved_memory_bad_format),
	TEST_CASE(nomap_over_reserved_refused),
	TEST_CASE(chosen_bootargs_initrd_mem),
	TEST_CASE(chosen_no_cmdline_flag),
	TEST_CASE(usable_memory_range),
	TEST_CASE(cells32_machine),
	TEST_CASE(chosen_console_alias_and_ranges),
	TEST_CASE(psci_by_compatible_or_disabled),
	TEST_CASE(console_and_psci_absent),
	TEST_CASE(edge_values_refused),
	TEST_CASE(malformed_blob_changes_nothing),
	TEST_CASE(bad_root_cells),
	TEST_CASE(damaged_blobs_scan_safely),
	TEST_CASE(cmdline_mem_limit),
	TEST_CASE(cmdline_bad_values),
	TEST_CASE(image_reserved_and_added_back),
	TEST_CASE(usable_range_cap_failure_reported),
	TEST_CASE(memreserve_linear),
	TEST_CASE(resize_held_until_firmware_reserved),
};

TAP_MAIN(cases)
