// SPDX-License-Identifier: BSD-2-Clause
/*
 * e820 -> memblock, in the order of arch/x86_64/setup.c: the command line's
 * memblock=debug, the low-memory reservations, the kernel image, the
 * sanitizer, e820_memblock_setup(), mem=, then the SRAT's nodes (given as
 * a file: the kernel finds it through the RSDP). The kernel also caps
 * allocations at its identity map (4 GiB): an "ops" line away (limit 4G).
 */

/* As the x86-64 kernel sizes them (arch/x86_64/x86.h). */
#define SRAT_MAX_MEM	32
#define SRAT_MAX_NODES	8
#include <stdlib.h>
#include <string.h>
#include <firmware/acpi.h>
#include <firmware/x86_memory.h>
#include "sim.h"

/* Linux's names, with the type number where Linux prints it. */
static const char *type_str(uint32_t type, char *buf, size_t len)
{
	switch (type) {
	case E820_TYPE_PMEM:
	case E820_TYPE_PRAM:
		snprintf(buf, len, "persistent (type %u)", type);
		return buf;
	}
	if (!strcmp(e820_type_name(type), "unknown")) {
		snprintf(buf, len, "type %u", type);
		return buf;
	}
	return e820_type_name(type);
}

/* Overlapping entries: the sanitizer keeps the highest type; say where. */
static unsigned int report_overlaps(const struct sim_e820 *e, const char *path)
{
	const struct e820_table *t = &e->fw;
	unsigned int n = 0;
	char buf[32];

	for (uint32_t i = 0; i < t->nr_entries; i++) {
		for (uint32_t j = i + 1; j < t->nr_entries; j++) {
			const struct e820_entry *a = &t->entries[i], *b = &t->entries[j];
			uint64_t lo = a->addr > b->addr ? a->addr : b->addr;
			uint64_t ea = a->addr + a->size, eb = b->addr + b->size;
			uint64_t hi = ea < eb ? ea : eb;
			uint32_t win = a->type > b->type ? a->type : b->type;

			if (lo >= hi)
				continue;
			printf("e820: warning: %s:%u and line %u overlap on [mem 0x%016llx-0x%016llx]: %s wins\n",
			       path, e->line[i], e->line[j], (unsigned long long)lo,
			       (unsigned long long)(hi - 1),
			       type_str(win, buf, sizeof(buf)));
			n++;
		}
	}
	return n;
}

static void print_map(const char *tag, const struct e820_table *t)
{
	char buf[32];

	for (uint32_t i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		printf("%s: [mem 0x%016llx-0x%016llx] %s\n", tag,
		       (unsigned long long)e->addr,
		       (unsigned long long)(e->addr + e->size - 1),
		       type_str(e->type, buf, sizeof(buf)));
	}
}

/* NUMA from a SRAT, as arch/x86_64/numa.c does once it has found the table. */
static int srat_nodes(const char *path)
{
	static struct acpi_mem_affinity mem[SRAT_MAX_MEM];
	uint32_t node_pxm[SRAT_MAX_NODES];
	unsigned int nr = 0, nodes = 0;
	size_t len;
	char *t = sim_read_file(path, &len);
	int err;

	if (!t)
		return SIM_EXIT_INPUT;
	if (len < 36 || memcmp(t, "SRAT", 4)) {
		sim_err("%s: not a SRAT: %s", path, len < 36 ?
			"shorter than an ACPI table header (36 bytes)" :
			"the signature at offset 0 is not \"SRAT\"");
		free(t);
		return SIM_EXIT_INPUT;
	}
	err = acpi_srat_memory(t, len > UINT32_MAX ? UINT32_MAX : (uint32_t)len,
			       mem, SRAT_MAX_MEM, &nr);
	if (err) {
		sim_err("%s: SRAT unusable (error %d: %s)", path, err,
			err == -EBADMSG ? "bad checksum, a length (offset 0x4) that disagrees with the file's, or a truncated entry" :
			err == -ENOSPC ? "more than 32 enabled memory entries" : "?");
		free(t);
		return SIM_EXIT_INPUT;
	}
	free(t);
	sim_step = "acpi_srat_memblock";
	err = acpi_srat_memblock(mem, nr, node_pxm, SRAT_MAX_NODES, &nodes);
	for (unsigned int i = 0; i < nr; i++) {
		int nid = -1;

		for (unsigned int k = 0; k < nodes; k++)
			if (node_pxm[k] == mem[i].pxm)
				nid = (int)k;
		printf("ACPI: SRAT: Node %d PXM %u [mem 0x%016llx-0x%016llx]%s\n",
		       nid, mem[i].pxm, (unsigned long long)mem[i].base,
		       (unsigned long long)(mem[i].base + mem[i].size - 1),
		       mem[i].hotplug ? " hotplug" : "");
	}
	if (err)
		printf("ACPI: SRAT: cannot assign nodes (%d)\n", err);
	return 0;
}

int sim_run_x86(const struct sim_opts *o, struct sim_e820 *e,
		struct sim_state *st)
{
	const struct e820_table *t = &e->fw;
	char sz[32];
	int err;

	st->e820 = e;
	printf("x86: %s: %u e820 entries (%s form)", o->e820_file, t->nr_entries,
	       e->log_lines ? "kernel log" : "START END TYPE");
	if (e->skipped_lines)
		printf(", %u other kernel log lines skipped", e->skipped_lines);
	printf("\n");
	printf("x86: command line: %s\n", o->cmdline ? o->cmdline : "(none)");

	sim_step = "memblock_parse_cmdline";
	memblock_parse_cmdline(o->cmdline);

	sim_step = "x86_reserve_low";
	err = x86_reserve_low(o->bios_start);
	if (err) {
		sim_err("cannot reserve low memory: error %d", err);
		return SIM_EXIT_PANIC;
	}
	printf("x86: reserved the low 64 KiB and the BIOS area [0x%llx-0xfffff]\n",
	       (unsigned long long)o->bios_start);
	if (o->have_kernel) {
		sim_step = "reserve kernel image";
		err = memblock_reserve((phys_addr_t)o->kernel_base,
				       (phys_addr_t)o->kernel_size);
		if (err) {
			sim_err("cannot reserve the kernel image: error %d", err);
			return SIM_EXIT_PANIC;
		}
		printf("x86: reserved the kernel image [0x%llx-0x%llx], %s\n",
		       (unsigned long long)o->kernel_base,
		       (unsigned long long)(o->kernel_base + o->kernel_size - 1),
		       sim_size_str(sz, sizeof(sz), o->kernel_size));
	} else {
		printf("x86: no kernel image given (--kernel BASE+SIZE)\n");
	}

	for (uint32_t i = 0; i < t->nr_entries; i++)
		printf("e820: firmware entry %u (line %u): addr 0x%llx size 0x%llx type %u\n",
		       i, e->line[i], (unsigned long long)t->entries[i].addr,
		       (unsigned long long)t->entries[i].size, t->entries[i].type);
	st->warnings += e->warnings + report_overlaps(e, o->e820_file);

	e->map = e->fw;
	sim_step = "e820_sanitize";
	err = e820_sanitize(&e->map);
	if (err) {
		sim_err("%s: e820_sanitize() refused the map: error %d%s", o->e820_file, err,
			err == -ENOSPC ? " (overlaps split it into more than 128 entries)" : "");
		return SIM_EXIT_INPUT;
	}
	e->have_map = true;
	printf("e820: sanitized: %u entries -> %u\n", t->nr_entries, e->map.nr_entries);
	print_map("BIOS-e820", &e->map);

	sim_step = "e820_memblock_setup";
	err = e820_memblock_setup(&e->map);
	if (err) {
		sim_err("e820_memblock_setup() failed: error %d", err);
		return SIM_EXIT_PANIC;
	}
	sim_step = "x86_apply_mem_limit";
	x86_apply_mem_limit(o->cmdline);
	if (o->srat_file) {
		err = srat_nodes(o->srat_file);
		if (err)
			return err;
	} else {
		printf("ACPI: no SRAT given (--srat FILE): one node\n");
	}
	sim_step = "ops";
	return 0;
}
