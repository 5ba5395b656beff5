// SPDX-License-Identifier: BSD-2-Clause
/*
 * Leaving UEFI boot services (arch/efi/efi_exit.c) against
 * simulated boot services that follow the specification: GetMemoryMap()
 * says how big the map is, AllocatePages() adds a descriptor (the map
 * changes), and ExitBootServices() refuses a stale key. Checked: the
 * calls made and their order (after the first ExitBootServices() only
 * GetMemoryMap()), the retry on a map that changed, giving up on one that
 * keeps changing, the firmware's descriptor size used as the stride, and
 * failures passed on.
 */
#include "harness.h"
#include "../../arch/efi/efi_exit.c"
#include "../fixtures/efi_maps.h"

#define DSIZE	56	/* larger than 48, to see the stride is the firmware's */

static struct {
	unsigned int nr;		/* descriptors in the firmware's map */
	uint64_t key;
	unsigned int changes;		/* ExitBootServices() calls that find a change */
	unsigned int grow;		/* descriptors each change adds (0: 1) */
	efi_status_t alloc_status, map_status;
	char calls[64];
	unsigned int ncalls;
} fw;
static unsigned char pages[64 * 1024] __attribute__((aligned(4096)));
static struct efi_fix_md descs[128];

static void call(char c)
{
	if (fw.ncalls < sizeof(fw.calls) - 1)
		fw.calls[fw.ncalls++] = c;
}

static efi_status_t EFIAPI get_memory_map(uint64_t *size, void *map,
					  uint64_t *key, uint64_t *dsize,
					  uint32_t *dver)
{
	uint64_t need = (uint64_t)fw.nr * DSIZE;

	call('M');
	if (fw.map_status)
		return fw.map_status;
	*dsize = DSIZE;
	*dver = 1;
	if (*size < need || !map) {
		*size = need;
		return EFI_BUFFER_TOO_SMALL;
	}
	for (unsigned int i = 0; i < fw.nr; i++) {
		descs[i].type = EFI_CONVENTIONAL_MEMORY;
		descs[i].phys = 0x100000 + i * 0x10000ULL;
		descs[i].pages = 1 + i;
		descs[i].attr = WB;
	}
	*size = efi_fix_write(map, DSIZE, descs, fw.nr);
	*key = fw.key;
	return EFI_SUCCESS;
}

static efi_status_t EFIAPI allocate_pages(uint32_t type, uint32_t mem_type,
					  uint64_t npages, uint64_t *addr)
{
	call('A');
	if (type != EFI_ALLOCATE_ANY_PAGES || mem_type != EFI_LOADER_DATA ||
	    npages * 4096 > sizeof(pages))
		return EFI_INVALID_PARAMETER;
	if (fw.alloc_status)
		return fw.alloc_status;
	*addr = (uint64_t)(uintptr_t)pages;
	fw.nr++;		/* the allocation is a new descriptor */
	fw.key++;
	return EFI_SUCCESS;
}

static efi_status_t EFIAPI exit_boot_services(efi_handle_t image, uint64_t key)
{
	call('X');
	if (image != (efi_handle_t)0x1234)
		return EFI_INVALID_PARAMETER;
	if (key != fw.key)
		return EFI_INVALID_PARAMETER;
	if (fw.changes) {	/* an event changed the map meanwhile */
		fw.changes--;
		fw.nr += fw.grow ? fw.grow : 1;
		fw.key++;
		return EFI_INVALID_PARAMETER;
	}
	return EFI_SUCCESS;
}

static struct efi_boot_services bs = {
	.get_memory_map = get_memory_map,
	.allocate_pages = allocate_pages,
	.exit_boot_services = exit_boot_services,
};
static struct efi_system_table st = { .boot_services = &bs };

static efi_status_t run(unsigned int nr, unsigned int changes,
			struct efi_memmap *m, unsigned int *retries)
{
	memset(&fw, 0, sizeof(fw));
	fw.nr = nr;
	fw.key = 100;
	fw.changes = changes;
	return efi_exit_boot((efi_handle_t)0x1234, &st, m, retries);
}

static void first_try(void)
{
	struct efi_memmap m;
	struct efi_memory_desc md;
	unsigned int retries = 99;

	CHECK_EQ(run(10, 0, &m, &retries), EFI_SUCCESS);
	CHECK_STR(fw.calls, "MAMX");
	CHECK_INT(retries, 0);
	CHECK_INT(m.nr, 11);		/* with the buffer's own descriptor */
	CHECK_EQ(m.desc_size, DSIZE);
	CHECK_INT(m.desc_version, 1);
	CHECK_EQ(m.map_phys, (uint64_t)(uintptr_t)pages);
	CHECK(m.map == pages);
	CHECK_INT(efi_memmap_get(&m, 10, &md), 0);
	CHECK_EQ(md.phys_start, 0x100000 + 10 * 0x10000ULL);
	CHECK_EQ(md.num_pages, 11);
}

/* The map changed twice between GetMemoryMap() and ExitBootServices(). */
static void retry_on_changed_key(void)
{
	struct efi_memmap m;
	unsigned int retries = 99;

	CHECK_EQ(run(10, 2, &m, &retries), EFI_SUCCESS);
	CHECK_STR(fw.calls, "MAMXMXMX");
	CHECK_INT(retries, 2);
	CHECK_INT(m.nr, 13);		/* the map as it was at the last call */
}

static void gives_up_on_a_map_that_keeps_changing(void)
{
	struct efi_memmap m;
	unsigned int retries = 0;

	memset(&m, 0x5a, sizeof(m));
	CHECK_EQ(run(10, 1000, &m, &retries), EFI_INVALID_PARAMETER);
	CHECK_INT(retries, EFI_EXIT_MAX_TRIES);
	CHECK_INT(fw.ncalls, 2 + 2 * EFI_EXIT_MAX_TRIES);
	/* Only GetMemoryMap() after the first ExitBootServices(). */
	CHECK(!strchr(strchr(fw.calls, 'X'), 'A'));
}

/* More new descriptors than the room kept: GetMemoryMap()'s error. */
static void map_outgrows_the_buffer(void)
{
	struct efi_memmap m;
	unsigned int retries = 0;

	/*
	 * 20 descriptors of 56 bytes and 8 of slack round up to one page: room
	 * for 73. 21 after the allocation, then 31, 41, 51, 61, 71 are read
	 * (six stale keys), and 81 do not fit.
	 */
	memset(&fw, 0, sizeof(fw));
	fw.nr = 20;
	fw.key = 100;
	fw.changes = 1000;
	fw.grow = 10;
	CHECK_EQ(efi_exit_boot((efi_handle_t)0x1234, &st, &m, &retries),
		 EFI_BUFFER_TOO_SMALL);
	CHECK_INT(retries, 6);
	CHECK_STR(fw.calls, "MAMXMXMXMXMXMXM");
}

static void failures_passed_on(void)
{
	struct efi_memmap m;
	unsigned int retries = 0;

	memset(&fw, 0, sizeof(fw));
	fw.nr = 4;
	fw.map_status = EFI_ERR | 3;
	CHECK_EQ(efi_exit_boot((efi_handle_t)0x1234, &st, &m, &retries), EFI_ERR | 3);
	CHECK_STR(fw.calls, "M");
	memset(&fw, 0, sizeof(fw));
	fw.nr = 4;
	fw.alloc_status = EFI_ERR | 9;
	CHECK_EQ(efi_exit_boot((efi_handle_t)0x1234, &st, &m, &retries), EFI_ERR | 9);
	CHECK_STR(fw.calls, "MA");
	/* A wrong image handle is not a stale key: no retry. */
	memset(&fw, 0, sizeof(fw));
	fw.nr = 4;
	CHECK_EQ(efi_exit_boot((efi_handle_t)0x99, &st, &m, &retries), EFI_INVALID_PARAMETER);
	CHECK_INT(retries, EFI_EXIT_MAX_TRIES);
}

static const struct test_case cases[] = {
	TEST_CASE(first_try),
	TEST_CASE(retry_on_changed_key),
	TEST_CASE(gives_up_on_a_map_that_keeps_changing),
	TEST_CASE(map_outgrows_the_buffer),
	TEST_CASE(failures_passed_on),
};

TAP_MAIN(cases)
