/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Architecture-independent boot checks of what memblock says after
 * setup_arch(), reported with ktap_ok(). An architecture's
 * arch_boot_checks() calls them with its own list of protected ranges.
 */
#ifndef KERNEL_BOOT_CHECKS_H
#define KERNEL_BOOT_CHECKS_H

#include <stdbool.h>
#include <linux/memblock.h>

/* Memory that must stay reserved: the kernel image, page tables, boot data. */
struct boot_range {
	phys_addr_t base, size;
	const char *what;
};

/* True when every byte of [base, base + size) is in memblock.reserved. */
bool boot_range_reserved(phys_addr_t base, phys_addr_t size);

/* Bytes of [base, end) that the regions of @t cover (they never overlap). */
uint64_t boot_bytes_in(const struct memblock_type *t, uint64_t base,
		       uint64_t end);

/* One check per range: wholly reserved. */
void boot_check_reserved(const struct boot_range *r, unsigned int n);

/*
 * One check per region of memblock.memory and memblock.reserved: the arrays
 * are sorted, disjoint and non-empty, and their totals add up.
 */
void boot_check_arrays(void);

/*
 * Exercise every allocation family (zeroed, raw, physical, from an address,
 * low, per node, exact node, in a range, bottom-up, failing, freeing) and
 * check each result: inside memory, reserved afterwards, aligned, zeroed
 * when promised, below the current limit, disjoint from the others and from
 * every range in @protect. The allocations are freed again at the end.
 */
void boot_check_allocations(const struct boot_range *protect, unsigned int n);

/*
 * One allocation of @size bytes, @align aligned, in [@lo, @hi) with
 * memblock_phys_alloc_range(), checked like the above and kept (it stands
 * for a real user, e.g. a real-mode trampoline). Returns its address or 0.
 */
phys_addr_t boot_check_phys_range(const char *what, phys_addr_t size,
				  phys_addr_t align, phys_addr_t lo,
				  phys_addr_t hi, const struct boot_range *protect,
				  unsigned int n);

#endif
