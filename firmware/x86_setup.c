// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86 firmware -> memblock sequence (firmware/include/firmware/
 * x86_setup.h has the steps and the caller's part). Only the order lives
 * here; each step is its own file's function.
 */
#include <firmware/x86_memory.h>
#include <firmware/x86_setup.h>

#define SZ_1M	0x100000ULL

/* Field by field: clang turns a zeroing struct assignment into memset(). */
static void result_clear(struct x86_setup_result *out)
{
	out->mem_limit = 0;
	out->srat_err = 0;
	out->nr_srat_mem = 0;
	out->nr_nodes = 0;
	out->nr_cpu_nodes = 0;
}

static int check_args(const struct fw_setup_policy *p,
		      const struct x86_setup_input *in,
		      const struct x86_setup_result *out)
{
	if (!p || !in || !out || !in->e820 || (in->nr_ranges && !in->ranges))
		return -EINVAL;
	if (!p->alloc_limit || in->bios_start > SZ_1M)
		return -EINVAL;
	if (p->kernel_size && p->kernel_base + p->kernel_size - 1 < p->kernel_base)
		return -EINVAL;
	return 0;
}

/* Step 3: what the kernel and its loader own, before any memory exists. */
static int reserve_in_use(const struct fw_setup_policy *p,
			  const struct x86_setup_input *in)
{
	int err = x86_reserve_low(in->bios_start);

	if (!err && p->kernel_size)
		err = memblock_reserve(p->kernel_base, p->kernel_size);
	for (unsigned int i = 0; !err && i < in->nr_ranges; i++)
		if (in->ranges[i].size)
			err = memblock_reserve((phys_addr_t)in->ranges[i].base,
					       (phys_addr_t)in->ranges[i].size);
	return err;
}

/* @r's SRAT arrays as acpi_srat_numa_init()'s @out. */
static void srat_view(struct x86_setup_result *r, struct acpi_srat_numa *n)
{
	/* Field by field: an initialiser's zero-fill may become memset(). */
	n->mem = r->srat_mem;
	n->nid = r->srat_nid;
	n->max_mem = X86_SETUP_MAX_SRAT_MEM;
	n->node_pxm = r->node_pxm;
	n->max_nodes = X86_SETUP_MAX_NODES;
	n->nr_mem = r->nr_srat_mem;
	n->nr_nodes = r->nr_nodes;
	n->nr_cpu_nodes = r->nr_cpu_nodes;
}

void x86_setup_srat_log(const struct x86_setup_result *r)
{
	struct acpi_srat_numa n;

	if (!r)
		return;
	/* The view is only read: acpi_srat_numa_log() takes it const. */
	srat_view((struct x86_setup_result *)r, &n);
	acpi_srat_numa_log(&n, r->srat_err);
}

/*
 * Step 9: nodes from the SRAT, numbered as Linux's x86 acpi_numa_init()
 * does (Local APIC, x2APIC and Generic Initiator domains first, in table
 * order, then the memory ones); a bad SRAT leaves one node, as in Linux.
 */
static void srat_nodes(const struct x86_setup_input *in,
		       struct x86_setup_result *out)
{
	struct acpi_srat_numa n;

	srat_view(out, &n);
	out->srat_err = acpi_srat_numa_init(in->srat, in->srat_len,
					    ACPI_SRAT_CPUS_X86, &n);
	out->nr_srat_mem = n.nr_mem;
	out->nr_nodes = n.nr_nodes;
	out->nr_cpu_nodes = n.nr_cpu_nodes;
}

/*
 * The firmware's map, sanitized, before the command line and the BIOS
 * trim edit it: memblock.physmem records it (all RAM that exists).
 */
static struct e820_table fw_map;

/* Field by field: a struct copy may become memcpy(). */
static void table_copy(struct e820_table *dst, const struct e820_table *src)
{
	dst->nr_entries = src->nr_entries;
	for (uint32_t i = 0; i < src->nr_entries; i++) {
		dst->entries[i].addr = src->entries[i].addr;
		dst->entries[i].size = src->entries[i].size;
		dst->entries[i].type = src->entries[i].type;
	}
}

/* Steps 4 to 7: the map, as Linux edits it, then memblock. */
static int describe_memory(const struct fw_setup_policy *p,
			   const struct x86_setup_input *in,
			   struct x86_setup_result *out)
{
	int err = e820_sanitize(in->e820);

	if (!err) {
		/* Linux's e820__memory_setup() prints the firmware's map so. */
		memblock_env_log(MEMBLOCK_LOG_INFO, "BIOS-provided physical RAM map:");
		e820_print_table(in->e820, "BIOS-e820");
		table_copy(&fw_map, in->e820);
		err = x86_e820_cmdline(in->e820, p->cmdline, &out->mem_limit);
	}
	if (!err)
		err = x86_trim_bios_range(in->e820);
	if (!err)
		err = e820_memblock_add_memory(in->e820);
	if (!err && in->after_memory)
		err = in->after_memory(in->after_memory_ctx);
	if (err)
		return err;
	if (p->allow_resize)
		memblock_allow_resize();
	return e820_memblock_add_physmem(&fw_map);
}

int x86_memblock_setup(const struct fw_setup_policy *p,
		       const struct x86_setup_input *in,
		       struct x86_setup_result *out)
{
	int err = check_args(p, in, out);

	if (err)
		return err;
	result_clear(out);
	memblock_parse_cmdline(p->cmdline);
	memblock_set_current_limit(p->alloc_limit);
	err = reserve_in_use(p, in);
	if (!err)
		err = describe_memory(p, in, out);
	if (err)
		return err;
	if (in->srat)
		srat_nodes(in, out);
	/*
	 * Step 10: as Linux's e820__memblock_setup() ends, the picture the
	 * firmware gave, before the kernel allocates anything (memblock-sim
	 * compares its own with the kernels' here).
	 */
	if (memblock_debug)
		memblock_dump_all();
	return 0;
}
