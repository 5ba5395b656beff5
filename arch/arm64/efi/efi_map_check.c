// SPDX-License-Identifier: BSD-2-Clause
/*
 * The arm64 UEFI application's check that memblock.memory is what the
 * firmware's memory map says. It judges memblock's final state from the
 * raw descriptors, read here byte by byte, by the rules the UEFI
 * specification and Linux's arm64 boot (6.12: efi_init() and its
 * reserve_regions()) document; it shares no code with
 * firmware/efi_arm64.c, the code it checks:
 *
 *  - a page is memory when a descriptor covering it may be mapped
 *    cacheable (EFI_MEMORY_WB, WT or WC) and is not soft reserved
 *    (EFI_MEMORY_SP: Linux leaves specific-purpose memory to dax);
 *  - such a page is RAM the kernel may use only when the specification's
 *    "memory type usage after ExitBootServices()" gives its type to the OS
 *    and it may be mapped write-back; any other covering memory descriptor
 *    (runtime services, ACPI NVS, MMIO, unknown types, WT/WC-only RAM)
 *    keeps it in memblock.memory as NOMAP, so the linear map skips it;
 *  - ACPI reclaim memory is also reserved (Linux keeps the tables for
 *    kexec);
 *  - no memory region carries another flag: without kernelcore=mirror on
 *    the command line Linux marks nothing MIRROR, and QEMU's device tree
 *    has no /reserved-memory no-map node (one would fail this check).
 *
 * The address space is cut at every descriptor's and every memory
 * region's bounds: within one piece nothing changes, so its first byte
 * stands for all its pages. Overlapping descriptors are judged per page
 * this way too (memory if any says so, NOMAP if any memory one is not RAM).
 */
#include <kernel/kernel.h>
#include <kernel/boot_checks.h>
#include "efi_app.h"

/*
 * The specification's table of memory type usage after ExitBootServices():
 * true for the types the OS may use as general memory. Boot services and
 * loader memory are freed by the exit, ACPI reclaim once the tables are
 * read, persistent memory "operates as EfiConventionalMemory". Runtime
 * services code and data, ACPI NVS, MMIO, PAL code, unusable, reserved and
 * unaccepted memory stay the firmware's (Linux 6.12 accepts no memory on
 * arm64); so does every type the specification does not define.
 */
static const bool os_may_use[EFI_MAX_MEMORY_TYPE] = {
	[EFI_RESERVED_MEMORY_TYPE]	= false,
	[EFI_LOADER_CODE]		= true,
	[EFI_LOADER_DATA]		= true,
	[EFI_BOOT_SERVICES_CODE]	= true,
	[EFI_BOOT_SERVICES_DATA]	= true,
	[EFI_RUNTIME_SERVICES_CODE]	= false,
	[EFI_RUNTIME_SERVICES_DATA]	= false,
	[EFI_CONVENTIONAL_MEMORY]	= true,
	[EFI_UNUSABLE_MEMORY]		= false,
	[EFI_ACPI_RECLAIM_MEMORY]	= true,
	[EFI_ACPI_MEMORY_NVS]		= false,
	[EFI_MEMORY_MAPPED_IO]		= false,
	[EFI_MEMORY_MAPPED_IO_PORT_SPACE] = false,
	[EFI_PAL_CODE]			= false,
	[EFI_PERSISTENT_MEMORY]		= true,
	[EFI_UNACCEPTED_MEMORY]		= false,
};

/* One descriptor as the specification lays it out, [base, end). */
struct raw_md {
	uint32_t type;
	uint64_t base, end, attr;
};

static uint64_t le(const unsigned char *p, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

/*
 * Descriptor @i of the firmware's map; false when it describes no pages
 * (zero pages, a start off 4 KiB, or a range past 2^64: the check "every
 * descriptor describes pages" reports those).
 */
static bool raw_md(uint32_t i, struct raw_md *d)
{
	const struct efi_memmap *m = &efi_boot.map;
	const unsigned char *p = (const unsigned char *)m->map + i * m->desc_size;
	uint64_t pages = le(p + 24, 8);

	d->type = (uint32_t)le(p, 4);
	d->base = le(p + 8, 8);
	d->attr = le(p + 32, 8);
	if (!pages || (d->base & 0xfff) || pages > (UINT64_MAX - d->base) >> 12)
		return false;
	d->end = d->base + (pages << 12);
	return true;
}

static const struct memblock_region *memory_at(uint64_t a)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (r->base <= a && a - r->base < r->size)
			return r;
	}
	return NULL;
}

static void bound(uint64_t x, uint64_t a, uint64_t *next)
{
	if (x > a && (!*next || x < *next))
		*next = x;
}

/* The first descriptor or memory region bound above @a; 0: none. */
static uint64_t next_bound(uint64_t a)
{
	uint64_t next = 0;
	struct raw_md d;

	for (uint32_t i = 0; i < efi_boot.map.nr; i++) {
		if (raw_md(i, &d)) {
			bound(d.base, a, &next);
			bound(d.end, a, &next);
		}
	}
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		bound(r->base, a, &next);
		bound(r->base + r->size, a, &next);
	}
	return next;
}

/* What the map makes of the piece starting at @a. */
struct want {
	bool memory, nomap, reserved;
};

static struct want want_at(uint64_t a)
{
	struct want w = { false, false, false };
	struct raw_md d;

	for (uint32_t i = 0; i < efi_boot.map.nr; i++) {
		bool ram;

		if (!raw_md(i, &d) || a < d.base || a >= d.end)
			continue;
		if (!(d.attr & (EFI_MEMORY_WB | EFI_MEMORY_WT | EFI_MEMORY_WC)) ||
		    (d.attr & EFI_MEMORY_SP))
			continue;	/* not memory: nothing of it in memblock */
		ram = d.type < EFI_MAX_MEMORY_TYPE && os_may_use[d.type] &&
		      (d.attr & EFI_MEMORY_WB);
		w.memory = true;
		w.nomap |= !ram;
		w.reserved |= d.type == EFI_ACPI_RECLAIM_MEMORY;
	}
	return w;
}

void efi_check_memory_is_map(void)
{
	uint64_t total = 0, nomap = 0, a = 0, b;
	unsigned int wrong = 0;

	for (; (b = next_bound(a)) != 0; a = b) {
		const struct memblock_region *r = memory_at(a);
		struct want w = want_at(a);
		unsigned long flags = w.nomap ? MEMBLOCK_NOMAP : MEMBLOCK_NONE;
		bool ok = w.memory ? r && r->flags == flags : !r;

		if (w.reserved && boot_bytes_in(&memblock.reserved, a, b) != b - a)
			ok = false;
		if (w.memory) {
			total += b - a;
			nomap += w.nomap ? b - a : 0;
		}
		if (!ok && wrong++ < 8)
			ktap_diag("[%#llx-%#llx): %s (flags %#lx), the map says %s%s%s",
				  (unsigned long long)a, (unsigned long long)b,
				  r ? "memory" : "no memory", r ? (unsigned long)r->flags : 0UL,
				  w.memory ? "memory" : "no memory",
				  w.nomap ? ", NOMAP" : "",
				  w.reserved ? ", reserved (ACPI reclaim)" : "");
	}
	ktap_ok(!wrong && total && memblock_phys_mem_size() == total,
		"memblock.memory is the map's memory: %#llx bytes, %#llx of them NOMAP (%u pieces wrong)",
		(unsigned long long)total, (unsigned long long)nomap, wrong);
}
