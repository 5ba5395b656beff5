/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test support: pristine state per case, captured log lines, a recorded
 * page-allocator hook, panics that come back to the test, and exact checks
 * of region arrays.
 */
#ifndef TESTS_HARNESS_H
#define TESTS_HARNESS_H

#include <setjmp.h>
#include <string.h>
#include <linux/memblock.h>
#include "tap.h"

/*
 * memblock_free_all() returns void, as in Linux 6.12: run it and return the
 * pages this call released (the growth of memblock_free_all_released()).
 */
static inline unsigned long free_all_count(void)
{
	unsigned long before = memblock_free_all_released();

	memblock_free_all();
	return memblock_free_all_released() - before;
}

#define SZ_1K	0x400ULL
#define SZ_4K	0x1000ULL
#define SZ_64K	0x10000ULL
#define SZ_1M	0x100000ULL
#define SZ_2M	0x200000ULL
#define SZ_16M	0x1000000ULL
#define SZ_128M	0x8000000ULL
#define SZ_256M	0x10000000ULL
#define SZ_512M	0x20000000ULL
#define SZ_1G	0x40000000ULL
#define SZ_4G	0x100000000ULL

/* True when phys_addr_t is 64 bits: tests above 4 GiB only run then. */
#define PHYS_64	(sizeof(phys_addr_t) == 8)

/* Expected region: base, size, flags, nid. */
struct rgn {
	unsigned long long base, size;
	unsigned int flags;
	int nid;
};
#define R(b, s)			{ (b), (s), 0, MAX_NUMNODES }
#define RF(b, s, f)		{ (b), (s), (f), MAX_NUMNODES }
#define RN(b, s, n)		{ (b), (s), 0, (n) }
#define RFN(b, s, f, n)		{ (b), (s), (f), (n) }

void expect_type_(const char *file, int line, const struct memblock_type *t,
		  size_t n, const struct rgn *want);
/* Exact array check: cnt, total_size, every region, and the invariants. */
#define EXPECT_TYPE(t, ...)						\
	do {								\
		const struct rgn want_[] = { __VA_ARGS__ };		\
		expect_type_(__FILE__, __LINE__, (t), ARRAY_SIZE(want_), want_); \
	} while (0)
#define EXPECT_EMPTY(t)	expect_type_(__FILE__, __LINE__, (t), 0, NULL)

/*
 * The invariants every type must hold: sorted, non-overlapping, maximally
 * merged, no zero-sized region, exact total_size, the empty rule (Linux
 * 6.11+: cnt == 0, regions[0] zeroed), known flags, valid nids. Returns a description of the first
 * violation, or NULL.
 */
const char *type_invariant_violation(const struct memblock_type *t);

/* Reset memblock and every knob to the state at program start. */
void test_reset(void);

/* Log lines captured since the last reset (or test_log_clear()). */
extern char test_log[][256];
extern int test_log_lines;
/*
 * When set, memblock_env_log() also calls it with each line (after
 * capturing it), so that a test can run code inside the log hook (for the
 * re-entry contract). Reset to NULL by test_reset().
 */
extern void (*test_log_hook)(int level, const char *line);
void test_log_clear(void);
/* Index of the first captured line containing @needle, or -1. */
int test_log_find(const char *needle);
/*
 * Does the captured log end with memblock_dump_all()'s output: its header,
 * then only the dump's own lines (each starts with a space)?
 */
bool test_log_ends_with_dump(void);

/* Value returned by memblock_env_kernel_end(). */
extern phys_addr_t test_kernel_end;

/* Panic capture: arm with TEST_EXPECT_PANIC() { ... } */
extern jmp_buf test_panic_jmp;
extern bool test_panic_armed;
extern char test_panic_msg[256];

/* Blocks handed to memblock_env_free_pages(), in call order. */
struct freed_block {
	unsigned long pfn;
	unsigned int order;
};
extern struct freed_block *test_freed;
extern size_t test_freed_cnt;
/*
 * When set, memblock_env_free_pages() also passes each block on to it, for
 * tests that route released pages into a real page allocator. Reset to
 * NULL by test_reset().
 */
extern void (*test_free_pages_hook)(unsigned long pfn, unsigned int order);

/*
 * The kernel console for host tests of kernel/mm (tests/lib/kconsole.c):
 * printk() lines and ktap_ok() counts since the last test_reset().
 */
#define TEST_CONSOLE_LINES	512
#define TEST_CONSOLE_WIDTH	256
extern char test_console[TEST_CONSOLE_LINES][TEST_CONSOLE_WIDTH];
extern int test_console_lines;
extern unsigned int test_ktap_count, test_ktap_failed;
void test_kconsole_reset(void);
/* Index of the first console line containing @needle, or -1. */
int test_console_find(const char *needle);

/* Fill @size bytes of physical memory at @pa with @byte. */
void test_fill_phys(phys_addr_t pa, size_t size, int byte);
/* True when every byte of [pa, pa + size) equals @byte. */
bool test_phys_all(phys_addr_t pa, size_t size, int byte);

#endif
