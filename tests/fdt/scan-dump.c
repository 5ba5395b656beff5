// SPDX-License-Identifier: BSD-2-Clause
/*
 * scan-dump BLOB...: run the DT scan and sequence on each blob and print
 * everything they leave behind: the return values, every field of struct
 * dt_scan_result, every region of memblock.memory and memblock.reserved
 * (base, size, flags, node), the limit and the resize switch, the log
 * lines, the console, its translated address and the PSCI conduit.
 * Built twice (tests/fdt.mk): with the built-in reader and with
 * FIRMWARE_LIBFDT_SYSTEM against the system's libfdt; the fdt-libfdt-dump
 * suite requires byte-identical output on every test tree. Linked with
 * the unit suites' harness (tests/lib/), which provides memblock's
 * environment and captures its log.
 */
#include <firmware/dt_setup.h>
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

static void dump_type(const char *name, const struct memblock_type *t)
{
	printf("  %s: cnt %lu total %#llx\n", name, t->cnt,
	       (unsigned long long)t->total_size);
	for (unsigned long i = 0; i < t->cnt; i++)
		printf("    [%lu] %#llx+%#llx flags %#x nid %d\n", i,
		       (unsigned long long)t->regions[i].base,
		       (unsigned long long)t->regions[i].size,
		       (unsigned int)t->regions[i].flags, t->regions[i].nid);
}

static void dump_result(int err, const struct dt_scan_result *r)
{
	printf("  return %d (%s)\n", err, fw_strerror(err));
	printf("  memory nodes %u ranges %u hotplug %u numa %u\n",
	       r->memory_nodes, r->memory_ranges, r->hotplug_ranges,
	       r->numa_ranges);
	printf("  memreserve %u static %u nomap %u dynamic %u\n", r->memreserve,
	       r->reserved_static, r->reserved_nomap, r->reserved_dynamic);
	printf("  warnings %u errors %u usable_range %d\n", r->warnings,
	       r->errors, r->usable_range);
	printf("  initrd %d [%#llx-%#llx) mem_limit %#llx\n", r->has_initrd,
	       (unsigned long long)r->initrd_start,
	       (unsigned long long)r->initrd_end,
	       (unsigned long long)r->mem_limit);
	printf("  bootargs %s\n  stdout_path %s\n",
	       r->bootargs ? r->bootargs : "(none)",
	       r->stdout_path ? r->stdout_path : "(none)");
}

/* The state a run left: memblock, its knobs, and the log since the reset. */
static void dump_state(void)
{
	dump_type("memory", &memblock.memory);
	dump_type("reserved", &memblock.reserved);
	printf("  limit %#llx can_resize %d debug %d\n",
	       (unsigned long long)memblock_get_current_limit(),
	       memblock_can_resize, memblock_debug);
	for (int i = 0; i < test_log_lines; i++) {
		const char *line = test_log[i];
		const char *caller = strrchr(line, ' ');
		int len = (int)strlen(line);

		/* memblock=debug names its caller: a code address per build. */
		if (caller && !strncmp(line, "memblock", 8) &&
		    !strncmp(caller, " 0x", 3))
			len = (int)(caller - line);
		printf("  log: %.*s%s\n", len, line, line[len] ? " <caller>" : "");
	}
}

static void dump_lookups(const void *fdt)
{
	struct dt_console con;
	enum dt_psci_conduit c;
	int err = dt_get_console(fdt, &con);

	printf("  console %d (%s)", err, fw_strerror(err));
	if (!err) {
		uint64_t addr;

		printf(" node %d name %s compatible %s options %s base %#llx size %#llx",
		       con.node, con.name, con.compatible ? con.compatible : "(none)",
		       con.options ? con.options : "(none)",
		       (unsigned long long)con.base, (unsigned long long)con.size);
		/* An address past the console's own: in range or not. */
		addr = con.size * 0x100;
		err = dt_translate_address(fdt, con.node, &addr);
		printf(" translate %d %#llx", err, (unsigned long long)addr);
	}
	err = dt_get_psci(fdt, &c);
	printf("\n  psci %d conduit %d\n", err, (int)c);
}

static void run(const char *path, const void *blob, size_t size)
{
	static const struct fw_setup_policy window = {
		.alloc_limit = 0x50000000,
		.allow_resize = true,
		.kernel_base = 0x40200000,
		.kernel_size = 0x200000,
		.cmdline = "mem=0x30000000",
	};
	struct dt_scan_result res;
	int err;

	printf("== %s\n", path);
	/* dt_scan_memblock(): the checks, the defaults, the blob reserved. */
	test_reset();
	err = dt_scan_memblock(blob, size, 0x44000000, 0, &res);
	printf(" dt_scan_memblock\n");
	dump_result(err, &res);
	dump_state();
	if (fdt_check_full(blob, size)) {
		printf(" rejected\n");
		return;
	}
	/* The sequence with a kernel's policy: limit, image, resize, mem=. */
	test_reset();
	err = dt_memblock_setup(blob, 0x48000000, 0, &window, &res);
	printf(" dt_memblock_setup\n");
	dump_result(err, &res);
	dump_state();
	/* Without the command line or the blob's reservation. */
	test_reset();
	err = dt_scan_memblock(blob, size, 0, DT_SCAN_NO_CMDLINE |
			       DT_SCAN_NO_RESERVE_DTB, &res);
	printf(" dt_scan_memblock no-cmdline no-reserve-dtb\n");
	dump_result(err, &res);
	dump_state();
	test_reset();
	printf(" lookups\n");
	dump_lookups(blob);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: scan-dump BLOB...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		unsigned char *buf;
		long size;

		if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) <= 0 ||
		    fseek(f, 0, SEEK_SET)) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			return 1;
		}
		/* Exactly the file: a read past it is an ASan report. */
		buf = malloc((size_t)size);
		if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			return 1;
		}
		fclose(f);
		run(argv[i], buf, (size_t)size);
		free(buf);
	}
	test_reset();
	return 0;
}
