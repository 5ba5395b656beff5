// SPDX-License-Identifier: BSD-2-Clause
/*
 * e820 -> memblock through x86_memblock_setup(), the sequence the x86-64
 * kernel runs (firmware/x86_setup.c), or a UEFI map through
 * efi_x86_memblock_setup() (firmware/efi_x86.c), with its policy from the
 * options:
 * the allocation limit (--limit, default the kernel's 4 GiB early
 * map), resizing (--no-resize), the kernel image, the command line; the
 * SRAT is given as a file (the kernel finds it through the RSDP). Around
 * it: the input's findings, and where each grown array landed.
 */

#include <stdlib.h>
#include <string.h>
#include <firmware/acpi.h>
#include <firmware/x86_setup.h>
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

int sim_run_x86(const struct sim_opts *o, struct sim_e820 *e,
		const struct sim_efi *efi, struct sim_state *st)
{
	static struct x86_setup_result res;
	static struct efi_setup_result efi_res;
	const struct e820_table *t = &e->fw;
	struct fw_setup_policy policy = {
		.alloc_limit = (phys_addr_t)o->limit,
		.allow_resize = !o->no_resize,
		.kernel_base = (phys_addr_t)o->kernel_base,
		.kernel_size = o->have_kernel ? (phys_addr_t)o->kernel_size : 0,
		.cmdline = o->cmdline,
	};
	struct x86_setup_input in = {
		.bios_start = o->bios_start,
		.ranges = o->ranges,
		.nr_ranges = o->nr_ranges,
	};
	char *srat = NULL;
	char sz[32];
	int err;

	st->e820 = e;
	if (efi) {
		/* The e820 table the EFI path builds (firmware/efi_x86.c). */
		st->warnings += sim_efi_print(o->efi_file, efi, true);
		err = efi_to_e820(&efi->map, &e->fw);
		if (err) {
			sim_err("%s: efi_to_e820() refused the map: %s", o->efi_file,
				fw_strerror(err));
			return SIM_EXIT_INPUT;
		}
		printf("efi: %u e820 entries from the EFI map\n", t->nr_entries);
	} else {
		printf("x86: %s: %u e820 entries (%s form)", o->e820_file,
		       t->nr_entries, e->log_lines ? "kernel log" : "START END TYPE");
		if (e->skipped_lines)
			printf(", %u other kernel log lines skipped", e->skipped_lines);
		printf("\n");
	}
	printf("x86: command line: %s\n", o->cmdline ? o->cmdline : "(none)");
	for (uint32_t i = 0; !efi && i < t->nr_entries; i++)
		printf("e820: firmware entry %u (line %u): addr 0x%llx size 0x%llx type %u\n",
		       i, e->line[i], (unsigned long long)t->entries[i].addr,
		       (unsigned long long)t->entries[i].size, t->entries[i].type);
	if (!efi)
		st->warnings += e->warnings + report_overlaps(e, o->e820_file);

	/* The map must sanitize: say so as an input error, not a panic. */
	e->map = e->fw;
	err = e820_sanitize(&e->map);
	if (err) {
		sim_err("%s: e820_sanitize() refused the map: %s%s",
			efi ? o->efi_file : o->e820_file,
			fw_strerror(err), err == -ENOSPC ?
			": overlaps split it into more than 128 entries" : "");
		return SIM_EXIT_INPUT;
	}
	if (o->srat_file) {
		srat = sim_srat_read(o->srat_file, &in.srat_len);
		if (!srat)
			return SIM_EXIT_INPUT;
		in.srat = srat;
	}
	sim_print_policy(o);

	/* The kernel's own sequence, from the firmware's map as reported. */
	e->map = e->fw;
	in.e820 = &e->map;
	sim_step = efi ? "efi_x86_memblock_setup" : "x86_memblock_setup";
	if (efi)
		err = efi_x86_memblock_setup(&policy, &efi->map, &in, &res, &efi_res);
	else
		err = x86_memblock_setup(&policy, &in, &res);
	free(srat);
	if (err) {
		sim_err("%s() failed: %s", sim_step, fw_strerror(err));
		return SIM_EXIT_PANIC;
	}
	e->have_map = true;
	printf("x86: reserved the low 64 KiB and the BIOS area [0x%llx-0xfffff]\n",
	       (unsigned long long)o->bios_start);
	if (o->have_kernel)
		printf("x86: reserved the kernel image [0x%llx-0x%llx], %s\n",
		       (unsigned long long)o->kernel_base,
		       (unsigned long long)(o->kernel_base + o->kernel_size - 1),
		       sim_size_str(sz, sizeof(sz), o->kernel_size));
	else
		printf("x86: no kernel image given (--kernel BASE+SIZE)\n");
	for (unsigned int i = 0; i < o->nr_ranges; i++)
		printf("x86: reserved boot data [0x%llx-0x%llx] (--reserve)\n",
		       (unsigned long long)o->ranges[i].base,
		       (unsigned long long)(o->ranges[i].base + o->ranges[i].size - 1));
	if (efi && o->have_efi_addr)
		printf("efi: reserved the memory map [0x%llx-0x%llx]\n",
		       (unsigned long long)o->efi_addr,
		       (unsigned long long)(o->efi_addr + efi->map.map_size - 1));
	else if (efi)
		printf("efi: memory map address not given (--efi-addr): not reserved\n");
	if (efi)
		printf("efi: %u descriptor(s) marked mirrored (MORE_RELIABLE)\n",
		       efi_res.mirrored);
	printf("e820: sanitized: %u entries -> %u\n", t->nr_entries, e->map.nr_entries);
	print_map("BIOS-e820", &e->map);
	if (o->srat_file)
		x86_setup_srat_log(&res);
	else
		printf("ACPI: no SRAT given (--srat FILE): one node\n");
	st->warnings += sim_report_arrays(o->limit);
	sim_step = "ops";
	return 0;
}
