// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_dump_all() in the memblock=debug format, the per-call debug
 * trace, the command line helpers and the library's printf.
 */
#include <stdio.h>
#include "harness.h"

/* Library internal (src/printf.c). */
int __memblock_snprintf(char *buf, size_t size, const char *fmt, ...);

static void check_log(const char *const *want, int n)
{
	CHECK_INT(test_log_lines, n);
	for (int i = 0; i < n && i < test_log_lines; i++)
		CHECK_STR(test_log[i], want[i]);
}

/*
 * The map of the kernel log in the x86 reference text (seed 004), in Linux
 * 6.12's bytes: a tab after each "[0xN]".
 */
static void dump_seed_map(void)
{
	static const char *const want[] = {
		"MEMBLOCK configuration:",
		" memory size = 0x00000003fff78000 reserved size = 0x0000000003c6d144",
		" memory.cnt  = 0x3",
		" memory[0x0]\t[0x0000000000001000-0x000000000009efff], 0x000000000009e000 bytes flags: 0x0",
		" memory[0x1]\t[0x0000000000100000-0x00000000bffd9fff], 0x00000000bfeda000 bytes flags: 0x0",
		" memory[0x2]\t[0x0000000100000000-0x000000043fffffff], 0x0000000340000000 bytes flags: 0x0",
		" reserved.cnt  = 0x4",
		" reserved[0x0]\t[0x0000000000000000-0x0000000000000fff], 0x0000000000001000 bytes flags: 0x0",
		" reserved[0x1]\t[0x00000000000f5a40-0x00000000000f5b83], 0x0000000000000144 bytes flags: 0x0",
		" reserved[0x2]\t[0x0000000001000000-0x000000000340cfff], 0x000000000240d000 bytes flags: 0x0",
		" reserved[0x3]\t[0x0000000034f31000-0x000000003678ffff], 0x000000000185f000 bytes flags: 0x0",
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		/* Linux 6.12: an empty type is "cnt = 0x0" and no region line. */
		" physmem.cnt  = 0x0",
#endif
	};

	if (!PHYS_64)
		return;
	memblock_add(0x1000, 0x9e000);
	memblock_add(0x100000, 0xbfeda000);
	memblock_add((phys_addr_t)0x100000000ULL, (phys_addr_t)0x340000000ULL);
	memblock_reserve(0, 0x1000);
	memblock_reserve(0xf5a40, 0x144);
	memblock_reserve(0x1000000, 0x240d000);
	memblock_reserve(0x34f31000, 0x185f000);
	test_log_clear();
	memblock_dump_all();
	check_log(want, ARRAY_SIZE(want));
}

static void dump_nodes_and_flags(void)
{
	char want[8][160];
	const char *ptrs[8];
	const int w = 2 * (int)sizeof(phys_addr_t);
	int n = 0;

	memblock_add_node(0x1000, 0x1000, 0, MEMBLOCK_NONE);
	memblock_add_node(0x2000, 0x1000, 1, MEMBLOCK_HOTPLUG | MEMBLOCK_NOMAP);
	snprintf(want[n++], 160, "MEMBLOCK configuration:");
	snprintf(want[n++], 160, " memory size = 0x%0*x reserved size = 0x%0*x", w, 0x2000, w, 0);
	snprintf(want[n++], 160, " memory.cnt  = 0x2");
	snprintf(want[n++], 160, " memory[0x0]\t[0x%0*x-0x%0*x], 0x%0*x bytes on node 0 flags: 0x0",
		 w, 0x1000, w, 0x1fff, w, 0x1000);
	snprintf(want[n++], 160, " memory[0x1]\t[0x%0*x-0x%0*x], 0x%0*x bytes on node 1 flags: 0x5",
		 w, 0x2000, w, 0x2fff, w, 0x1000);
	snprintf(want[n++], 160, " reserved.cnt  = 0x0");
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	snprintf(want[n++], 160, " physmem.cnt  = 0x0");
#endif
	for (int i = 0; i < n; i++)
		ptrs[i] = want[i];
	test_log_clear();
	memblock_dump_all();
	check_log(ptrs, n);
}

static void debug_trace_lines(void)
{
	char want[128];
	const int w = 2 * (int)sizeof(phys_addr_t);

	memblock_reserve(0x1000, 0x1000);
	CHECK_INT(test_log_lines, 0);		/* quiet by default */
	memblock_debug = 1;
	memblock_reserve(0x1000, 0x1000);
	snprintf(want, sizeof(want), "memblock_reserve: [0x%0*x-0x%0*x] 0x", w, 0x1000, w, 0x1fff);
	CHECK(test_log_lines == 1 && !strncmp(test_log[0], want, strlen(want)));
	memblock_add_node(0x4000, 0x1000, 2, MEMBLOCK_HOTPLUG);
	snprintf(want, sizeof(want), "memblock_add_node: [0x%0*x-0x%0*x] nid=2 flags=1 0x",
		 w, 0x4000, w, 0x4fff);
	CHECK(test_log_lines == 2 && !strncmp(test_log[1], want, strlen(want)));
	memblock_add(0, SZ_1M);
	test_log_clear();
	CHECK(memblock_alloc(64, 64) != NULL);
	/* The call and the reservation it makes. */
	CHECK(test_log_lines >= 2);
	CHECK(!strncmp(test_log[0],
		       "memblock_alloc_try_nid: 64 bytes align=0x40 nid=-1 from=0x0 max_addr=0x0 0x",
		       strlen("memblock_alloc_try_nid: 64 bytes align=0x40 nid=-1 from=0x0 max_addr=0x0 0x")));
	CHECK(!strncmp(test_log[1], "memblock_reserve: [", 19));
}

static void parse_cmdline(void)
{
	CHECK_INT(memblock_parse_cmdline(NULL), 0);
	CHECK_INT(memblock_parse_cmdline("console=ttyS0 quiet"), 0);
	CHECK_INT(memblock_debug, 0);
	CHECK_INT(memblock_parse_cmdline("memblock=foo"), 0);
	CHECK(test_log_find("unknown option memblock=foo") >= 0);
	CHECK_INT(memblock_debug, 0);
	CHECK_INT(memblock_parse_cmdline("console=ttyS0 memblock=debug mem=1G"), 1);
	CHECK_INT(memblock_debug, 1);
	CHECK(!mirrored_kernelcore);
}

/*
 * kernelcore=mirror sets mirrored_kernelcore as Linux's early parameter
 * does: "mirror" as the value or one of its comma-separated items, in any
 * kernelcore= word; other values are the page allocator's and leave it.
 */
static void parse_kernelcore_mirror(void)
{
	static const char *const no[] = {
		"kernelcore=100M", "kernelcore=", "kernelcore", "kernelcore=mirrorx",
		"kernelcore=xmirror", "kernelcore=mirro", "kernelcorex=mirror",
		"xkernelcore=mirror", "kernelcore=50%,mirrors", "mirror",
		"kernelcore=,", "kernelcore=\"mirror",
	};
	static const char *const yes[] = {
		"kernelcore=mirror", "quiet kernelcore=mirror mem=1G",
		"kernelcore=mirror kernelcore=100M", "kernelcore=100M,mirror",
		"kernelcore=mirror,100M", "kernelcore=,mirror",
		"kernelcore=\"mirror\"",
	};

	for (size_t i = 0; i < ARRAY_SIZE(no); i++) {
		CHECK_INT(memblock_parse_cmdline(no[i]), 0);
		CHECK(!mirrored_kernelcore);
	}
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		mirrored_kernelcore = false;
		CHECK_INT(memblock_parse_cmdline(yes[i]), 1);
		CHECK(mirrored_kernelcore);
	}
	/* Both options: two found; a later line without it does not clear it. */
	mirrored_kernelcore = false;
	CHECK_INT(memblock_parse_cmdline("memblock=debug kernelcore=mirror"), 2);
	CHECK(mirrored_kernelcore && memblock_debug);
	CHECK_INT(memblock_parse_cmdline("kernelcore=1G"), 0);
	CHECK(mirrored_kernelcore);
}

static void cmdline_find(void)
{
	const char *v = NULL;
	size_t len = 0;

	CHECK(memblock_cmdline_find("a=1 mem=512M b", "mem", &v, &len));
	CHECK(len == 4 && !strncmp(v, "512M", 4));
	CHECK(memblock_cmdline_find("mem=1G\tmem=2G", "mem", &v, &len));
	CHECK(len == 2 && !strncmp(v, "2G", 2));	/* the last one wins */
	CHECK(memblock_cmdline_find("x=\"a b\" y", "x", &v, &len));
	CHECK(len == 3 && !strncmp(v, "a b", 3));
	CHECK(!memblock_cmdline_find("memx=3 mem", "mem", NULL, NULL));
	CHECK(!memblock_cmdline_find(NULL, "mem", NULL, NULL));
	CHECK(memblock_cmdline_find("mem=", "mem", &v, &len));	/* empty value */
	CHECK_EQ(len, 0);
	CHECK(memblock_cmdline_find("  mem=64M  ", "mem", NULL, NULL));
	CHECK(!memblock_cmdline_find("mem=1G", NULL, NULL, NULL));
}

static void memparse_suffixes(void)
{
	char *end;

	CHECK_EQ(memblock_memparse("512M", &end), 512ULL << 20);
	CHECK_INT(*end, 0);
	CHECK_EQ(memblock_memparse("1G", NULL), 1ULL << 30);
	CHECK_EQ(memblock_memparse("4k", NULL), 4096);
	CHECK_EQ(memblock_memparse("2T", NULL), 2ULL << 40);
	CHECK_EQ(memblock_memparse("1E", NULL), 1ULL << 60);
	CHECK_EQ(memblock_memparse("0x1000", NULL), 0x1000);
	CHECK_EQ(memblock_memparse("0x10M", NULL), 16ULL << 20);
	CHECK_EQ(memblock_memparse("010", NULL), 8);
	CHECK_EQ(memblock_memparse("123abc", &end), 123);
	CHECK_INT(*end, 'a');
	CHECK_EQ(memblock_memparse("", NULL), 0);
	CHECK_EQ(memblock_memparse("99999999999999999999999", NULL), ULLONG_MAX);
	CHECK_EQ(memblock_memparse("17179869184G", NULL), ULLONG_MAX);	/* 2^34 G overflows */
	CHECK_EQ(memblock_memparse("0x", &end), 0);
	CHECK_EQ(memblock_memparse(NULL, &end), 0);
	CHECK(end == NULL);
}

static void printf_formats(void)
{
	char buf[128];
	phys_addr_t pa = 0x1234;
	int n;

	__memblock_snprintf(buf, sizeof(buf), "%d %i %u %x %X %o", -42, 7, 42u, 0xbeefu, 0xbeefu, 8u);
	CHECK_STR(buf, "-42 7 42 beef BEEF 10");
	__memblock_snprintf(buf, sizeof(buf), "[%5d|%-5d|%05d|%.3d]", 42, 42, -42, 7);
	CHECK_STR(buf, "[   42|42   |-0042|007]");
	__memblock_snprintf(buf, sizeof(buf), "%#x %#x %#lx %#llx", 0u, 255u, 16ul, 0x10000000000ull);
	CHECK_STR(buf, "0x0 0xff 0x10 0x10000000000");
	__memblock_snprintf(buf, sizeof(buf), "%ld %lu %lld %llu %zu %hhd %hu", -1L, 2UL, -3LL, 4ULL,
		    (size_t)5, 257, 65537u);
	CHECK_STR(buf, "-1 2 -3 4 5 1 1");
	__memblock_snprintf(buf, sizeof(buf), "%s|%8s|%-4s|%.2s|%c%%", "ab", "cd", "e", "fgh", 'z');
	CHECK_STR(buf, "ab|      cd|e   |fg|z%");
	__memblock_snprintf(buf, sizeof(buf), "%s", (char *)NULL);
	CHECK_STR(buf, "(null)");
	__memblock_snprintf(buf, sizeof(buf), "%pa %pap", &pa, &pa);
	if (PHYS_64)
		CHECK_STR(buf, "0x0000000000001234 0x0000000000001234");
	else
		CHECK_STR(buf, "0x00001234 0x00001234");
	__memblock_snprintf(buf, sizeof(buf), "%*d|%-*d|%.*s", 4, 1, 3, 2, 1, "xyz");
	CHECK_STR(buf, "   1|2  |x");
	__memblock_snprintf(buf, sizeof(buf), "%lld", (long long)(-9223372036854775807LL - 1));
	CHECK_STR(buf, "-9223372036854775808");
	n = __memblock_snprintf(buf, 5, "%s", "truncated");
	CHECK_INT(n, 9);
	CHECK_STR(buf, "trun");
	CHECK_INT(__memblock_snprintf(NULL, 0, "%d", 12345), 5);
	__memblock_snprintf(buf, sizeof(buf), "100%q");
	CHECK_STR(buf, "100%q");
}

static const struct test_case cases[] = {
	TEST_CASE(dump_seed_map),
	TEST_CASE(dump_nodes_and_flags),
	TEST_CASE(debug_trace_lines),
	TEST_CASE(parse_cmdline),
	TEST_CASE(parse_kernelcore_mirror),
	TEST_CASE(cmdline_find),
	TEST_CASE(memparse_suffixes),
	TEST_CASE(printf_formats),
};
TAP_MAIN(cases)
