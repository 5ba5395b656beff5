// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host physical memory for tests and host tools. With a 32-bit phys_addr_t
 * the whole space [0, 4G) is one sparse anonymous mapping. With a 64-bit
 * one, three 1 TiB windows are mapped: the bottom [0, 1T), the top
 * [2^64 - 1T, 2^64) and one centred on 2^63, so that operation streams can
 * work at both ends of the address space and around the top bit without
 * skipping anything the library writes. The mappings use MAP_NORESERVE, so
 * only the pages actually touched cost memory. This implements the test
 * environment's phys_to_virt (tests/include/memblock_env.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <linux/memblock.h>

#define PHYS64	(sizeof(phys_addr_t) == 8)
#define SPAN	(PHYS64 ? (1ULL << 40) : (1ULL << 32))
#define NWIN	(PHYS64 ? 3 : 1)

static const unsigned long long win_base[3] = {
	0, 0ULL - (1ULL << 40), (1ULL << 63) - (1ULL << 39),
};
static unsigned char *window[3];

static void window_init(void)
{
	if (window[0])
		return;
	for (int w = 0; w < NWIN; w++) {
		void *p = mmap(NULL, SPAN, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			       -1, 0);

		if (p == MAP_FAILED) {
			perror("mmap physical memory window");
			abort();
		}
		window[w] = p;
	}
}

void *test_phys_to_virt(phys_addr_t pa)
{
	unsigned long long addr = pa;

	window_init();
	for (int w = 0; w < NWIN; w++)
		if (addr - win_base[w] < SPAN)
			return window[w] + (addr - win_base[w]);
	fprintf(stderr, "test_phys_to_virt: %#llx is outside the windows\n",
		addr);
	abort();
}

phys_addr_t test_virt_to_phys(const void *va)
{
	const unsigned char *p = va;

	window_init();
	for (int w = 0; w < NWIN; w++)
		if (p >= window[w] && p - window[w] < (long long)SPAN)
			return (phys_addr_t)(win_base[w] + (p - window[w]));
	return (phys_addr_t)(p - window[0]);
}
