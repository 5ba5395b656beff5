/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Checks shared by the firmware fuzz targets (fuzz_e820, fuzz_fdt), run
 * after a feed with resizing allowed: every type keeps its invariants, and
 * every region array that grew out of its static one lies in memory (not
 * NOMAP), is reserved, overlaps no other grown array and nothing the
 * firmware said is in use. These are ownership rules any correct
 * implementation keeps, whatever it decides about placement.
 */
#ifndef TESTS_FUZZ_FW_CHECK_H
#define TESTS_FUZZ_FW_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

/* A range the firmware owns: [base, end), 64-bit as the firmware says. */
struct fw_range {
	uint64_t base, end;
};

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
#define FW_NTYPES	3
#else
#define FW_NTYPES	2
#endif

static struct memblock_type *fw_type(int i)
{
	return i == 0 ? &memblock.memory : i == 1 ? &memblock.reserved :
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	       &memblock.physmem;
#else
	       NULL;
#endif
}

/* The static arrays, as test_reset() leaves them. */
static struct memblock_region *fw_static[FW_NTYPES];

static void fw_snapshot(void)
{
	for (int i = 0; i < FW_NTYPES; i++)
		fw_static[i] = fw_type(i)->regions;
}

static void fw_fail(const char *what, int type, uint64_t base, uint64_t end)
{
	fprintf(stderr, "fw_check: %s array [%#llx-%#llx): %s\n",
		fw_type(type)->name, (unsigned long long)base,
		(unsigned long long)end, what);
	abort();
}

/*
 * Whether @t's regions cover all of [base, end); with @nomap_ok false a
 * NOMAP region touching the range counts as a hole.
 */
static bool fw_covered(const struct memblock_type *t, uint64_t base,
		       uint64_t end, bool nomap_ok)
{
	uint64_t cur = base;

	for (unsigned long i = 0; i < t->cnt && cur < end; i++) {
		const struct memblock_region *r = &t->regions[i];
		uint64_t rb = r->base, re = rb + r->size;

		if (!r->size || re <= cur)
			continue;
		if (rb > cur)
			return false;
		if (!nomap_ok && (r->flags & MEMBLOCK_NOMAP))
			return false;
		cur = re;
	}
	return cur >= end;
}

/* Every check above; @fw lists the firmware's ranges (may be empty). */
static void fw_check(const struct fw_range *fw, size_t nfw)
{
	uint64_t ab[FW_NTYPES], ae[FW_NTYPES];

	for (int i = 0; i < FW_NTYPES; i++) {
		struct memblock_type *t = fw_type(i);
		const char *v = type_invariant_violation(t);

		ab[i] = ae[i] = 0;
		if (v) {
			fprintf(stderr, "fw_check: %s: %s\n", t->name, v);
			abort();
		}
		if (t->regions == fw_static[i])
			continue;
		ab[i] = test_virt_to_phys(t->regions);
		ae[i] = ab[i] + (uint64_t)t->max * sizeof(*t->regions);
		if (!fw_covered(&memblock.memory, ab[i], ae[i], false))
			fw_fail("not all in memory, or NOMAP", i, ab[i], ae[i]);
		if (!fw_covered(&memblock.reserved, ab[i], ae[i], true))
			fw_fail("not all reserved", i, ab[i], ae[i]);
		for (size_t k = 0; k < nfw; k++)
			if (fw[k].base < ae[i] && ab[i] < fw[k].end) {
				fprintf(stderr, "fw_check: firmware range [%#llx-%#llx)\n",
					(unsigned long long)fw[k].base,
					(unsigned long long)fw[k].end);
				fw_fail("over a range the firmware reserved", i,
					ab[i], ae[i]);
			}
		for (int j = 0; j < i; j++)
			if (ab[j] < ae[i] && ab[i] < ae[j])
				fw_fail("over another array", i, ab[i], ae[i]);
	}
}

#endif
