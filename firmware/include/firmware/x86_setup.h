/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 boot sequence, firmware -> memblock, in one call: what an x86
 * kernel's setup_arch() does between reading its boot protocol (PVH,
 * Multiboot2, ...) and its first allocation. The x86-64 demo kernel
 * (arch/x86_64/setup.c) and memblock-sim (tools/sim/glue_x86.c) both call
 * it; nothing else carries a copy of the order.
 *
 * DOC: x86_memblock_setup() step by step
 *
 *  1. memblock_parse_cmdline(policy->cmdline): memblock=debug logs the rest.
 *  2. memblock_set_current_limit(policy->alloc_limit): from here on nothing
 *     memblock places, array growth included, lands outside the kernel's
 *     mapped window.
 *  3. Reservations, before any memory is described: the low 64 KiB and the
 *     BIOS area [bios_start, 1 MiB) (x86_reserve_low()), the kernel image,
 *     then every boot structure the loader handed over (its information
 *     block, memory map, command line, modules, initrd, ...).
 *  4. e820_sanitize() of the firmware's map, in place, which is then logged
 *     as Linux logs it ("BIOS-provided physical RAM map:", "BIOS-e820:
 *     [mem ...] TYPE" lines: e820_print_table()).
 *  5. The map as Linux edits it before memblock sees it (in place):
 *     mem= and memmap= (x86_e820_cmdline(): mem= is an address limit on
 *     x86), then page 0 and the BIOS hole (x86_trim_bios_range()).
 *  6. e820_memblock_add_memory(): RAM (and E820_TYPE_RESERVED_KERN) to
 *     memory, soft-reserved ranges reserved only, trimmed to pages. The
 *     static arrays hold it: an e820 table has at most E820_MAX_ENTRIES
 *     (128) entries, memory holds 128. Then in->after_memory, when set:
 *     what the firmware says of memory beyond its e820 type
 *     (efi_x86_memblock_setup() marks mirrored memory there), before
 *     anything can allocate or grow.
 *  7. memblock_allow_resize(), when policy->allow_resize says so: memory is
 *     known and everything the firmware and the kernel own is reserved, so
 *     a growing array can only land in free memory below the limit.
 *  8. e820_memblock_add_physmem() of the firmware's map as sanitized in 4
 *     (before mem=): memblock.physmem (4 static entries, so a PC map with
 *     more RAM ranges grows it here).
 *  9. NUMA from the SRAT, when one is given: acpi_srat_numa_init() with
 *     ACPI_SRAT_CPUS_X86 (Linux's x86 numbering: the domains of the Local
 *     APIC, x2APIC and Generic Initiator entries first, then the memory
 *     ones); splitting memory at node boundaries may grow the memory
 *     array. A SRAT that cannot be used leaves one node and is reported
 *     in the result, not as a failure (as Linux does).
 * 10. Under memblock=debug, memblock_dump_all(), as Linux's
 *     e820__memblock_setup() ends: what the firmware described, before the
 *     kernel's first allocation (memblock-sim's agreement tests compare the
 *     kernels' dump here with the simulator's).
 *
 * Before the call the caller has: not yet allocated from memblock nor
 * added memory to it (reservations of its own are fine); mapped
 * everything it passes (the e820 table, boot-range names, the SRAT) and
 * [0, policy->alloc_limit) if arrays are to grow. After it, the caller may
 * allocate (below the limit), raise the limit once it maps more, and call
 * memblock_allow_resize() itself if the policy left that to it.
 */
#ifndef FIRMWARE_X86_SETUP_H
#define FIRMWARE_X86_SETUP_H

#include <stdint.h>
#include <firmware/acpi.h>
#include <firmware/e820.h>
#include <firmware/setup_policy.h>

/* Capacities of struct x86_setup_result's SRAT findings. */
#define X86_SETUP_MAX_SRAT_MEM	32
#define X86_SETUP_MAX_NODES	8

/**
 * struct x86_boot_range - memory the loader handed over that must survive
 * @base: physical address
 * @size: bytes; 0 entries are skipped
 * @what: a name for messages ("module", "command line", ...)
 */
struct x86_boot_range {
	uint64_t base;
	uint64_t size;
	const char *what;
};

/**
 * struct x86_setup_input - what the boot protocol and the BIOS said
 * @e820: the memory map as reported; the sequence leaves in it the map
 *	memblock was fed (sanitized, mem=/memmap= and page 0 applied)
 * @bios_start: start of the BIOS area below 1 MiB, x86_bios_area_start()
 *	of the BDA's words (X86_LOWMEM_CAP when unknown); at most 1 MiB
 * @ranges: boot structures to reserve (may be NULL when @nr_ranges is 0)
 * @nr_ranges: their number
 * @srat: the ACPI SRAT, mapped for @srat_len bytes; NULL for none
 * @srat_len: its length
 * @after_memory: NULL, or called once at the end of step 5 with
 *	@after_memory_ctx; its non-zero return ends the sequence with that
 *	error (a firmware front end's hook, e.g. the EFI path's mirror marks)
 * @after_memory_ctx: its argument
 */
struct x86_setup_input {
	struct e820_table *e820;
	uint64_t bios_start;
	const struct x86_boot_range *ranges;
	unsigned int nr_ranges;
	const void *srat;
	uint32_t srat_len;
	int (*after_memory)(const void *ctx);
	const void *after_memory_ctx;
};

/**
 * struct x86_setup_result - what the sequence found
 * @mem_limit: the lowest mem= address limit applied, 0 if none
 * @srat_err: 0 when the SRAT was used (or none was given); else the
 *	negative errno of acpi_srat_numa_init()
 * @srat_mem: the SRAT's enabled memory affinity entries
 * @srat_nid: the node each of them was given (-1: none)
 * @nr_srat_mem: number of entries in @srat_mem
 * @node_pxm: node id -> proximity domain
 * @nr_nodes: number of nodes (0 without a usable SRAT), memoryless ones
 *	(a domain with processors only) included
 * @nr_cpu_nodes: how many of them, the first ones, got their id from a
 *	processor-type entry (0 without a usable SRAT)
 */
struct x86_setup_result {
	uint64_t mem_limit;
	int srat_err;
	struct acpi_mem_affinity srat_mem[X86_SETUP_MAX_SRAT_MEM];
	int srat_nid[X86_SETUP_MAX_SRAT_MEM];
	unsigned int nr_srat_mem;
	uint32_t node_pxm[X86_SETUP_MAX_NODES];
	unsigned int nr_nodes;
	unsigned int nr_cpu_nodes;
};

/**
 * x86_memblock_setup - describe an x86 machine's memory to memblock
 * @policy: the kernel's choices (allocation limit, resizing, image, cmdline)
 * @in: the firmware's and the loader's information
 * @out: filled with the findings (cleared first)
 *
 * Runs the steps of "x86_memblock_setup() step by step" above, in that
 * order. Arguments are checked before memblock is touched.
 *
 * Return: 0 on success (also when the SRAT was unusable: see
 * @out->srat_err). -EINVAL, with nothing changed, for a NULL argument, a
 * NULL @in->ranges with @nr_ranges, a zero @alloc_limit, a @bios_start
 * above 1 MiB or a kernel image that wraps. Once started, the first error
 * of a step (a reservation or an addition memblock refused, -ENOMEM for a
 * full array with resizing not allowed, e820_sanitize()'s errors) ends
 * the sequence: memblock then holds what the earlier steps did, and a
 * kernel should stop. fw_strerror() says what an error means.
 */
int x86_memblock_setup(const struct fw_setup_policy *policy,
		       const struct x86_setup_input *in,
		       struct x86_setup_result *out);

/**
 * x86_setup_srat_log - log the nodes x86_memblock_setup() took from the SRAT
 * @r: its @out, after the call
 *
 * acpi_srat_numa_log() of @r's SRAT findings and @r->srat_err: the
 * "ACPI: SRAT: ..." lines every x86 boot path prints alike.
 *
 * Return: nothing; a NULL @r logs nothing.
 */
void x86_setup_srat_log(const struct x86_setup_result *r);

#endif /* FIRMWARE_X86_SETUP_H */
