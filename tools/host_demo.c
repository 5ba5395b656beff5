// SPDX-License-Identifier: BSD-2-Clause
/*
 * host-demo: what a kernel's setup_arch() does with memblock, on the host.
 *
 * It describes a typical two-node PC (the e820 map QEMU gives a q35
 * machine with 8 GiB), reserves what a kernel must keep, makes the early
 * allocations a kernel makes, and prints the memblock=debug dump. Physical
 * memory is a sparse host mapping (tests/lib/phys_window.c), so the
 * allocations are real writable memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/memblock.h>

void memblock_env_log(int level, const char *line)
{
	(void)level;
	printf("%s\n", line);
}

void memblock_env_panic(const char *msg)
{
	fprintf(stderr, "panic: %s\n", msg);
	exit(1);
}

phys_addr_t memblock_env_kernel_end(void)
{
	return 0x3000000;	/* the "kernel" below ends at 48 MiB */
}

void memblock_env_free_pages(unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
}

/* q35, -m 8G: usable RAM as the BIOS reports it. */
static const struct { unsigned long long start, end; } e820_ram[] = {
	{ 0x0000000000000000ULL, 0x000000000009fc00ULL },
	{ 0x0000000000100000ULL, 0x000000007ffe0000ULL },
	{ 0x0000000100000000ULL, 0x0000000280000000ULL },
};

static void show(const char *what, phys_addr_t pa)
{
	printf("  %-34s %#llx\n", what, (unsigned long long)pa);
}

int main(void)
{
	phys_addr_t pa;
	void *va;

	if (sizeof(phys_addr_t) < 8) {
		fprintf(stderr, "host-demo needs a 64-bit phys_addr_t\n");
		return 1;
	}
	printf("setup_arch: e820 RAM -> memblock\n");
	for (size_t i = 0; i < sizeof(e820_ram) / sizeof(e820_ram[0]); i++)
		memblock_add(e820_ram[i].start, e820_ram[i].end - e820_ram[i].start);
	memblock_trim_memory(PAGE_SIZE);

	/* What must never be handed out. */
	memblock_reserve(0, PAGE_SIZE);				/* real-mode IVT, BDA */
	memblock_reserve(0x1000000, 0x2000000);			/* kernel image */
	memblock_reserve(0x7f000000, 0x800000);			/* initrd */
	memblock_allow_resize();

	/* SRAT: node 0 is the first 4 GiB, node 1 the rest. */
	memblock_set_node(0, 0x100000000ULL, &memblock.memory, 0);
	memblock_set_node(0x100000000ULL, 0x180000000ULL, &memblock.memory, 1);

	printf("early allocations (top-down):\n");
	pa = memblock_phys_alloc_range(0x1000, 0x1000, 0, 0x100000);
	show("real-mode trampoline (< 1 MiB)", pa);
	va = memblock_alloc_low(0x4000, 0x1000);
	show("page tables (low memory)", test_virt_to_phys(va));
	pa = memblock_phys_alloc_range(128ULL << 20, 16ULL << 20, 0, 0x100000000ULL);
	show("crash kernel (128 MiB below 4 GiB)", pa);
	va = memblock_alloc_node(0x1000000, 0x1000, 0);
	show("struct page array, node 0", test_virt_to_phys(va));
	va = memblock_alloc_node(0x1800000, 0x1000, 1);
	show("struct page array, node 1", test_virt_to_phys(va));
	memblock_set_bottom_up(true);
	va = memblock_alloc(0x10000, 0x1000);
	show("bottom-up, lowest free", test_virt_to_phys(va));
	memblock_set_bottom_up(false);

	printf("\nmemory %llu MiB, reserved %llu KiB, free %llu MiB\n\n",
	       (unsigned long long)memblock_phys_mem_size() >> 20,
	       (unsigned long long)memblock_reserved_size() >> 10,
	       (unsigned long long)(memblock_phys_mem_size() -
				    memblock_reserved_size()) >> 20);
	memblock_dump_all();
	return 0;
}
