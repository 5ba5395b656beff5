// SPDX-License-Identifier: BSD-2-Clause
/*
 * ACPI on the arm64 UEFI application, as Linux's arm64 ACPI boot reads it
 * (no device tree from the firmware): the RSDP from the configuration
 * table (ACPI 2.0 GUID), and through its XSDT the SPCR (the console, as
 * Linux's earlycon takes it) and the SRAT (arm64_numa_init() ->
 * acpi_numa_init(): node ids by the domains of the GICC and Generic
 * Initiator affinity entries, then of the memory ones; each enabled memory
 * affinity range gets its node, hotpluggable ones are marked
 * MEMBLOCK_HOTPLUG: acpi_srat_numa_init() with ACPI_SRAT_CPUS_ARM64), with
 * the firmware library's ACPI and SRAT code (firmware/acpi.c,
 * srat_numa.c), the step the x86 sequence and memblock-sim run too. The
 * tables are read through the firmware's identity map.
 */
#include <kernel/kernel.h>
#include <firmware/acpi.h>
#include <kernel/srat_expect.h>
#include "efi_app.h"

#define SPCR_MIN_LEN		52	/* up to the base address's end */
#define SPCR_IF_PL011		0x03	/* ARM PL011 */
#define SPCR_IF_SBSA32		0x0e	/* ARM SBSA generic UART, 32-bit */
#define GAS_SYSTEM_MEMORY	0

struct efi_acpi efi_acpi;

static const void *identity_map(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	/* Page 0 holds no table here; anything else is identity-mapped. */
	return pa && pa + len > pa ? (const void *)(uintptr_t)pa : NULL;
}

static const struct acpi_mapper mapper = { identity_map, NULL };

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

uint64_t efi_acpi_console(uint64_t rsdp)
{
	const uint8_t *t;
	const void *p;
	uint32_t len;

	if (acpi_find_table(&mapper, rsdp, "SPCR", &p, &len))
		return 0;
	t = p;
	if (len < SPCR_MIN_LEN || (t[36] != SPCR_IF_PL011 && t[36] != SPCR_IF_SBSA32) ||
	    t[40] != GAS_SYSTEM_MEMORY)
		return 0;
	return rd64(t + 44);
}

int efi_acpi_numa(uint64_t rsdp)
{
	struct efi_acpi *a = &efi_acpi;
	const uint8_t *t;
	int err;

	err = acpi_find_table(&mapper, rsdp, "SRAT", &a->srat, &a->srat_len);
	printk("ACPI: RSDP %#llx from the EFI configuration table, SRAT: %s\n",
	       (unsigned long long)rsdp, err ? fw_strerror(err) : "found");
	if (err)
		return err;
	t = a->srat;
	srat_expect(t, a->srat_len, SRAT_EXPECT_ARM64);	/* the check's oracle */
	/* The raw table, as acpidump shows it: memblock-sim's input. */
	printk("acpi: SRAT at %#llx, %u bytes\n",
	       (unsigned long long)(uintptr_t)t, a->srat_len);
	for (uint32_t off = 0; off < a->srat_len; off += 16) {
		char line[16 * 3 + 1], *p = line;

		for (uint32_t i = off; i < off + 16 && i < a->srat_len; i++) {
			*p++ = ' ';
			*p++ = "0123456789abcdef"[t[i] >> 4];
			*p++ = "0123456789abcdef"[t[i] & 15];
		}
		*p = 0;
		printk("acpi: SRAT %04x:%s\n", off, line);
	}
	a->numa.mem = a->mem;
	a->numa.nid = a->nid;
	a->numa.max_mem = EFI_ACPI_MAX_MEM;
	a->numa.node_pxm = a->node_pxm;
	a->numa.max_nodes = MAX_NUMNODES;
	err = acpi_srat_numa_init(t, a->srat_len, ACPI_SRAT_CPUS_ARM64, &a->numa);
	acpi_srat_numa_log(&a->numa, err);
	return err;
}

void efi_acpi_check_nodes(void)
{
	/* The ACPI boots have a SRAT: its absence fails, it is not skipped. */
	if (!efi_acpi.srat || !efi_acpi.numa.nr_mem)
		ktap_ok(false, "the SRAT and its memory entries were read");
	else
		srat_check_nodes(efi_acpi.numa.nr_nodes);
}
