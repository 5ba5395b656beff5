// SPDX-License-Identifier: BSD-2-Clause
/*
 * Physical memory for memblock-sim: the test environment's phys_to_virt
 * (tests/include/memblock_env.h), over one sparse host mapping. Only the
 * pages memblock writes (grown region arrays, zeroed allocations) cost host
 * memory. An address past the window ends the run with a message instead
 * of a crash.
 */
#include <stdlib.h>
#include <sys/mman.h>
#include "sim.h"

static unsigned char *window;
static unsigned long long window_size;

static void window_init(void)
{
	static const unsigned int shifts[] = { 46, 44, 42, 40, 36 };

	if (window)
		return;
	for (size_t i = 0; i < sizeof(shifts) / sizeof(shifts[0]); i++) {
		unsigned long long size = 1ULL << shifts[i];
		void *p;

		if (sizeof(phys_addr_t) < 8 && shifts[i] > 32)
			continue;
		p = mmap(NULL, size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (p != MAP_FAILED) {
			window = p;
			window_size = size;
			return;
		}
	}
	sim_err("cannot reserve host address space for physical memory");
	exit(SIM_EXIT_PANIC);
}

void *test_phys_to_virt(phys_addr_t pa)
{
	window_init();
	if ((unsigned long long)pa >= window_size) {
		sim_err("memblock wrote to 0x%llx, past the simulator's %llu GiB of host-backed physical memory",
			(unsigned long long)pa, window_size >> 30);
		exit(SIM_EXIT_PANIC);
	}
	return window + pa;
}

phys_addr_t test_virt_to_phys(const void *va)
{
	window_init();
	return (phys_addr_t)((const unsigned char *)va - window);
}

/* Give the host back the pages behind [pa, pa + size), which read as zero again. */
void sim_phys_release(phys_addr_t pa, phys_addr_t size)
{
	uintptr_t start, end;

	if (!window || (unsigned long long)pa >= window_size)
		return;
	start = ((uintptr_t)(window + pa) + 4095) & ~(uintptr_t)4095;
	end = (uintptr_t)(window + pa) + (uintptr_t)size;
	end &= ~(uintptr_t)4095;
	if (end > start)
		madvise((void *)start, end - start, MADV_DONTNEED);
}

bool sim_phys_of(const void *va, phys_addr_t *pa)
{
	const unsigned char *p = va;

	if (!window || p < window || (unsigned long long)(p - window) >= window_size)
		return false;
	*pa = (phys_addr_t)(p - window);
	return true;
}
