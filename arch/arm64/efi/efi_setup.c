// SPDX-License-Identifier: BSD-2-Clause
/*
 * setup_arch() and arch_boot_checks() of the arm64 UEFI
 * application: the firmware's map printed as Linux's efi=debug prints it,
 * what the application still runs on reserved, efi_dt_memblock_setup()
 * (firmware/efi_arm64.c: memory from the map, the DT's /memory nodes
 * ignored, its /reserved-memory applied), then the NUMA nodes the DT's
 * memory nodes name (dt_numa_nodes(): Linux's of_numa reads them on a
 * UEFI boot too). On an ACPI boot (efi_main.c: no DT from the firmware)
 * the sequence runs on an empty tree, as Linux's on its EFI stub's, and
 * the nodes come from the SRAT (efi_acpi.c). The checks compare memblock with the map as the
 * UEFI specification and Linux's arm64 EFI code describe it
 * (efi_map_check.c), the nodes with the DT or the SRAT, then run every
 * demo kernel's checks.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/boot_checks.h>
#include <kernel/memops_check.h>
#include <firmware/efi_setup.h>
#include "efi_app.h"
#include "efi_debug.h"

#define SZ_4K	((phys_addr_t)0x1000)
#define SZ_1M	((phys_addr_t)0x100000)

static struct dt_scan_result dt_res;
static struct efi_setup_result efi_res;
static struct efi_in_use in_use[EFI_IN_USE_MAX];
static unsigned int nr_in_use;

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

void setup_arch(char **cmdline)
{
	const struct efi_memmap *map = &efi_boot.map;
	struct fw_setup_policy policy = {
		/* The firmware identity-maps all memory (checked afterwards). */
		.alloc_limit = MEMBLOCK_ALLOC_ANYWHERE,
		.allow_resize = true,
		.kernel_base = (phys_addr_t)efi_boot.image_base,
		.kernel_size = (phys_addr_t)efi_boot.image_size,
		.cmdline = efi_boot.cmdline,
	};
	const void *fdt = efi_boot.dt.blob;
	unsigned int nodes = 0, flags = 0;
	int err;

	efi_print_map(map, efi_boot.retries);
	if (efi_boot.acpi) {
		/* The stub's tree lies in the image, reserved with it. */
		fdt = efi_stub_dt();
		flags = DT_SCAN_NO_RESERVE_DTB;
	} else if (efi_boot.dtb_err) {
		panic("no usable device tree in the configuration table (%s)",
		      fdtr_strerror(efi_boot.dtb_err));
	}
	/* Before any memory is added: nothing can allocate over them. */
	nr_in_use = efi_in_use(map, in_use);
	for (unsigned int i = 0; i < nr_in_use; i++)
		if (memblock_reserve((phys_addr_t)in_use[i].base, (phys_addr_t)in_use[i].size))
			panic("cannot reserve the %s", in_use[i].what);
	err = efi_dt_memblock_setup(fdt, (phys_addr_t)efi_boot.dtb, flags,
				    &policy, map, &dt_res, &efi_res);
	printk("# efi_dt_memblock_setup: %d (%s), %u descriptors of memory, %u NOMAP, %u mirrored\n",
	       err, fw_strerror(err), efi_res.memory, efi_res.nomap, efi_res.mirrored);
	if (err)
		panic("efi_dt_memblock_setup: %s", fw_strerror(err));
	if (efi_boot.acpi) {
		/* NUMA: the SRAT (a bad one leaves no node, as in Linux). */
		efi_acpi_numa(efi_boot.rsdp);
		nodes = efi_acpi.numa.nr_nodes;
	} else {
		/* NUMA: the DT's memory nodes name the node of each range. */
		err = dt_numa_nodes(fdt, &nodes);
		if (err)
			panic("dt_numa_nodes: %s", fw_strerror(err));
	}
	printk("NUMA: %u node(s)\n", nodes);
	*cmdline = efi_boot.cmdline;
}

/* Memory regions in [base, base + size) not on node @nid (each one named). */
static unsigned int off_node(uint64_t base, uint64_t size, int nid)
{
	unsigned int bad = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (r->base < base + size && base < r->base + r->size &&
		    memblock_get_region_node(r) != nid) {
			ktap_diag("memory [%pa +%pa] on node %d, the DT says %d", &r->base,
				  &r->size, memblock_get_region_node(r), nid);
			bad++;
		}
	}
	return bad;
}

/*
 * One ktap_ok(): every reg entry of every available memory node with a
 * numa-node-id carries that node in memblock.memory. The check's own
 * reading of the tree (the reader's fdtr_* API), not dt_numa_nodes()'s.
 */
static void check_dt_nodes(void)
{
	const struct fdtr *dt = &efi_boot.dt;
	int ac = fdtr_address_cells(dt, 0), sc = fdtr_size_cells(dt, 0);
	unsigned int ranges = 0, bad = 0;

	for (int node = fdtr_first_subnode(dt, 0); node >= 0;
	     node = fdtr_next_subnode(dt, node)) {
		const char *type = fdtr_getprop_string(dt, node, "device_type");
		uint32_t nid;
		const void *reg;
		uint64_t base, size;
		int len;

		if (!type || !streq(type, "memory") || !fdtr_node_is_available(dt, node))
			continue;
		reg = fdtr_getprop(dt, node, "reg", &len);
		if (!reg || fdtr_getprop_u32(dt, node, "numa-node-id", &nid))
			continue;
		for (int i = 0; !fdtr_reg_entry(reg, len, ac, sc, i, &base, &size); i++) {
			bad += off_node(base, size, (int)nid);
			ranges++;
		}
	}
	ktap_ok(!bad, "every memory region has its DT memory node's node id (%u ranges)",
		ranges);
}

/*
 * The identity map the application runs on: the first and last page of
 * every memory region (NOMAP ones need not be mapped) translate to
 * themselves through the firmware's live tables.
 */
static void check_identity_map(void)
{
	unsigned int bad = 0, seen = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		uint64_t first = r->base, last = r->base + r->size - SZ_4K;

		if (r->flags & MEMBLOCK_NOMAP)
			continue;
		seen++;
		if (efi_translate(first) != first || efi_translate(last) != last) {
			ktap_diag("memory [%pa +%pa] is not identity-mapped", &r->base, &r->size);
			bad++;
		}
	}
	ktap_ok(!bad && seen, "the firmware's identity map covers every memory region (%u)",
		seen);
}

void arch_boot_checks(void)
{
	const struct efi_memmap *map = &efi_boot.map;
	struct boot_range protect[EFI_IN_USE_MAX + 3];
	unsigned int n = 0, tables = 0;

	/* The image first: boot_check_allocations() probes protect[0]. */
	protect[n++] = (struct boot_range){ efi_boot.image_base, efi_boot.image_size,
					    "PE image" };
	protect[n++] = (struct boot_range){ map->map_phys, map->map_size,
					    "EFI memory map" };
	if (efi_boot.acpi && efi_acpi.srat)
		protect[n++] = (struct boot_range){ (uint64_t)(uintptr_t)efi_acpi.srat,
						    efi_acpi.srat_len, "SRAT" };
	else if (!efi_boot.acpi)
		protect[n++] = (struct boot_range){ efi_boot.dtb, efi_boot.dt.totalsize,
						    "DTB" };
	for (unsigned int i = 0; i < nr_in_use; i++) {
		protect[n++] = (struct boot_range){ in_use[i].base, in_use[i].size,
						    in_use[i].what };
		tables += in_use[i].what[0] == 'p';
	}

	ktap_ok(map->desc_size >= EFI_MEMORY_DESC_V1_SIZE && map->nr > 0,
		"the firmware's memory map: %u descriptors of %llu bytes (its own size)",
		map->nr, (unsigned long long)map->desc_size);
	ktap_ok(efi_res.check.empty + efi_res.check.misaligned +
		efi_res.check.wrapping == 0, "every descriptor describes pages");
	if (efi_boot.acpi)
		ktap_ok(efi_boot.rsdp &&
			!acpi_rsdp_valid((const void *)(uintptr_t)efi_boot.rsdp,
					 ACPI_RSDP_V2_SIZE),
			"ACPI: a valid RSDP from the configuration table at %#llx (%s device tree)",
			(unsigned long long)efi_boot.rsdp, efi_boot.dtb ? "over the" : "no");
	else
		ktap_ok(!efi_boot.dtb_err,
			"the device tree from the configuration table at %#llx",
			(unsigned long long)efi_boot.dtb);
	ktap_ok(nr_in_use >= 3 && tables >= 1,
		"the stack, exception vectors and page tables lie in the map (%u ranges)",
		nr_in_use);
	ktap_ok(dt_res.memory_ranges == 0, "the DT's memory nodes are not memblock's source");
	boot_check_arrays();
	boot_check_reserved(protect, n);
	ktap_ok(memblock_debug == 1, "memblock=debug sets memblock_debug (%d)",
		memblock_debug);
	efi_check_memory_is_map();
	check_identity_map();
	if (efi_boot.acpi)
		efi_acpi_check_nodes();
	else
		check_dt_nodes();
	boot_check_phys_range("32-bit DMA buffer below 4 GiB", SZ_1M, 0x10000,
			      0, (phys_addr_t)1 << 32, protect, n);
	boot_check_allocations(protect, n);
	memops_check("ldp/stp, DC ZVA");
}

