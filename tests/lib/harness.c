// SPDX-License-Identifier: BSD-2-Clause
/*
 * Test support: the environment hooks, state reset and exact region-array
 * checks. Physical memory comes from phys_window.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

void test_fill_phys(phys_addr_t pa, size_t size, int byte)
{
	memset(test_phys_to_virt(pa), byte, size);
}

bool test_phys_all(phys_addr_t pa, size_t size, int byte)
{
	const unsigned char *p = test_phys_to_virt(pa);

	for (size_t i = 0; i < size; i++)
		if (p[i] != (unsigned char)byte)
			return false;
	return true;
}

/* ---- hooks ---- */

char test_log[512][256];
int test_log_lines;
void (*test_log_hook)(int level, const char *line);

void memblock_env_log(int level, const char *line)
{
	(void)level;
	if (getenv("TEST_VERBOSE"))
		printf("# log: %s\n", line);
	if (test_log_lines < (int)ARRAY_SIZE(test_log))
		snprintf(test_log[test_log_lines++], sizeof(test_log[0]), "%s",
			 line);
	if (test_log_hook)
		test_log_hook(level, line);
}

void test_log_clear(void)
{
	test_log_lines = 0;
}

int test_log_find(const char *needle)
{
	for (int i = 0; i < test_log_lines; i++)
		if (strstr(test_log[i], needle))
			return i;
	return -1;
}

bool test_log_ends_with_dump(void)
{
	int i = test_log_find("MEMBLOCK configuration:");

	if (i < 0 || i + 1 >= test_log_lines)
		return false;
	while (++i < test_log_lines)
		if (test_log[i][0] != ' ')
			return false;
	return true;
}

jmp_buf test_panic_jmp;
bool test_panic_armed;
char test_panic_msg[256];

void memblock_env_panic(const char *msg)
{
	snprintf(test_panic_msg, sizeof(test_panic_msg), "%s", msg);
	if (test_panic_armed) {
		test_panic_armed = false;
		longjmp(test_panic_jmp, 1);
	}
	fprintf(stderr, "unexpected panic: %s\n", msg);
	abort();
}

phys_addr_t test_kernel_end;

phys_addr_t memblock_env_kernel_end(void)
{
	return test_kernel_end;
}

struct freed_block *test_freed;
size_t test_freed_cnt;
static size_t freed_cap;
void (*test_free_pages_hook)(unsigned long pfn, unsigned int order);

void memblock_env_free_pages(unsigned long pfn, unsigned int order)
{
	if (test_freed_cnt == freed_cap) {
		freed_cap = freed_cap ? 2 * freed_cap : 1024;
		test_freed = realloc(test_freed, freed_cap * sizeof(*test_freed));
		if (!test_freed)
			abort();
	}
	test_freed[test_freed_cnt++] = (struct freed_block){ pfn, order };
	if (test_free_pages_hook)
		test_free_pages_hook(pfn, order);
}

/* ---- state ---- */

static struct memblock pristine;
static bool have_pristine;

/* Library internal (src/flags.c): Linux's system_has_some_mirror. */
extern bool __memblock_has_some_mirror;

void test_reset(void)
{
	if (!have_pristine) {
		pristine = memblock;
		have_pristine = true;
	}
	memblock = pristine;
	memset(memblock.memory.regions, 0,
	       memblock.memory.max * sizeof(struct memblock_region));
	memset(memblock.reserved.regions, 0,
	       memblock.reserved.max * sizeof(struct memblock_region));
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	memset(memblock.physmem.regions, 0,
	       memblock.physmem.max * sizeof(struct memblock_region));
#endif
	memblock_debug = 0;
	memblock_can_resize = 0;
	memblock_stage = MEMBLOCK_STAGE_EARLY;
	movable_node_enabled = false;
	mirrored_kernelcore = false;
	__memblock_has_some_mirror = false;
	test_kernel_end = 0;
	test_panic_armed = false;
	test_freed_cnt = 0;
	test_free_pages_hook = NULL;
	test_log_hook = NULL;
	test_kconsole_reset();
	test_log_clear();
}

const char *type_invariant_violation(const struct memblock_type *t)
{
	static char why[200];
	phys_addr_t sum = 0;

	if (t->cnt > t->max || t->max < 1)
		return snprintf(why, sizeof(why), "cnt %lu outside 0..max %lu",
				t->cnt, t->max), why;
	/*
	 * Linux 6.11+: an empty type has cnt == 0 and a zeroed first slot,
	 * node 0 as statically initialised or MAX_NUMNODES once emptied.
	 */
	if (t->cnt == 0) {
		const struct memblock_region *r = &t->regions[0];

		if (r->base || r->size || r->flags ||
		    (r->nid != 0 && r->nid != MAX_NUMNODES) || t->total_size)
			return snprintf(why, sizeof(why),
					"bad empty slot (base %#llx size %#llx flags %#x nid %d total %#llx)",
					(unsigned long long)r->base,
					(unsigned long long)r->size,
					r->flags, r->nid,
					(unsigned long long)t->total_size), why;
		return NULL;
	}
	for (unsigned long i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (!r->size)
			return snprintf(why, sizeof(why), "region %lu has size 0", i), why;
		if (r->size > PHYS_ADDR_MAX - r->base)
			return snprintf(why, sizeof(why), "region %lu wraps", i), why;
		if ((unsigned int)r->flags & ~(unsigned int)MEMBLOCK_FLAGS_ALL)
			return snprintf(why, sizeof(why), "region %lu has unknown flags %#x", i, r->flags), why;
		/* Linux 6.12 stores NUMA_NO_NODE (-1) as given. */
		if (r->nid < NUMA_NO_NODE || r->nid > MAX_NUMNODES)
			return snprintf(why, sizeof(why), "region %lu has nid %d", i, r->nid), why;
		sum += r->size;
		if (i) {
			const struct memblock_region *p = &t->regions[i - 1];

			if (p->base + p->size > r->base)
				return snprintf(why, sizeof(why), "regions %lu and %lu overlap or are unsorted", i - 1, i), why;
			if (p->base + p->size == r->base && p->nid == r->nid &&
			    p->flags == r->flags)
				return snprintf(why, sizeof(why), "regions %lu and %lu should be merged", i - 1, i), why;
		}
	}
	if (sum != t->total_size)
		return snprintf(why, sizeof(why), "total_size %#llx but regions sum to %#llx",
				(unsigned long long)t->total_size,
				(unsigned long long)sum), why;
	return NULL;
}

static void print_type(const struct memblock_type *t)
{
	printf("#     %s: cnt %lu total %#llx\n", t->name, t->cnt,
	       (unsigned long long)t->total_size);
	for (unsigned long i = 0; i < t->cnt && i < 40; i++)
		printf("#       [%lu] %#llx+%#llx flags %#x nid %d\n", i,
		       (unsigned long long)t->regions[i].base,
		       (unsigned long long)t->regions[i].size,
		       t->regions[i].flags, t->regions[i].nid);
}

void expect_type_(const char *file, int line, const struct memblock_type *t,
		  size_t n, const struct rgn *want)
{
	unsigned long long total = 0;
	const char *why = type_invariant_violation(t);
	bool bad = false;

	for (size_t i = 0; i < n; i++)
		total += want[i].size;
	if (why) {
		tap_fail(file, line, "%s: invariant broken: %s", t->name, why);
		bad = true;
	}
	if (n == 0) {
		if (t->cnt != 0 || t->regions[0].size || t->total_size) {
			tap_fail(file, line, "%s: expected empty", t->name);
			bad = true;
		}
	} else if (t->cnt != n || t->total_size != total) {
		tap_fail(file, line, "%s: got cnt %lu total %#llx, want cnt %zu total %#llx",
			 t->name, t->cnt, (unsigned long long)t->total_size, n, total);
		bad = true;
	} else {
		for (size_t i = 0; i < n; i++) {
			const struct memblock_region *r = &t->regions[i];

			if (r->base != want[i].base || r->size != want[i].size ||
			    (unsigned int)r->flags != want[i].flags ||
			    r->nid != want[i].nid) {
				tap_fail(file, line,
					 "%s[%zu]: got %#llx+%#llx flags %#x nid %d, want %#llx+%#llx flags %#x nid %d",
					 t->name, i, (unsigned long long)r->base,
					 (unsigned long long)r->size, r->flags, r->nid,
					 want[i].base, want[i].size, want[i].flags,
					 want[i].nid);
				bad = true;
			}
		}
	}
	if (bad)
		print_type(t);
}
