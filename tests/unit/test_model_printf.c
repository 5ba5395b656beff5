// SPDX-License-Identifier: BSD-2-Clause
/*
 * The library's freestanding vsnprintf (src/printf.c) against the C
 * library's, which serves as the model: random conversions with random
 * flags, widths, precisions, lengths, values and buffer sizes, comparing
 * the return value and the buffer. Cases where the library documents the
 * kernel's behaviour instead of C's are excluded and checked on their own.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

int __memblock_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static uint64_t rng = 88172645463325252ULL;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static long long rnd_value(void)
{
	static const long long special[] = {
		0, 1, -1, 7, 8, 9, 10, 15, 16, 255, 256, -128, 32767, -32768,
		INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN, 0x1234567890abcdefLL,
	};

	if (rnd() % 2)
		return special[rnd() % ARRAY_SIZE(special)];
	return (long long)rnd() >> (rnd() % 64);
}

static unsigned long checked, mismatches;

/* Format with both and compare; returns false on a difference. */
#define BOTH(...)							\
	do {								\
		rl = snprintf(lb, size, fmt, __VA_ARGS__);		\
		rm = __memblock_snprintf(mbuf, size, fmt, __VA_ARGS__);		\
	} while (0)
#define CALL(val)							\
	do {								\
		if (ws && ps)						\
			BOTH(w, p, val);				\
		else if (ws)						\
			BOTH(w, val);					\
		else if (ps)						\
			BOTH(p, val);					\
		else							\
			BOTH(val);					\
	} while (0)

#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"

/* The value a conversion with length @len sees. */
static unsigned long long effective(long long v, const char *len)
{
	if (!strcmp(len, "hh"))
		return (unsigned char)v;
	if (!strcmp(len, "h"))
		return (unsigned short)v;
	if (!*len)
		return (unsigned int)v;
	if (!strcmp(len, "l"))
		return (unsigned long)v;
	if (!strcmp(len, "z"))
		return (size_t)v;
	return (unsigned long long)v;
}

static void one(void)
{
	static const char *const lens[] = { "hh", "h", "", "l", "ll", "z" };
	static const char convs[] = "diuxXocs%";
	char fmt[64], lb[128], mbuf[128];
	const char *len = lens[rnd() % ARRAY_SIZE(lens)];
	char conv = convs[rnd() % (sizeof(convs) - 1)];
	bool left = rnd() % 3 == 0, zero = rnd() % 3 == 0, alt = rnd() % 3 == 0;
	bool ws = rnd() % 5 == 0, ps = rnd() % 5 == 0, prec = rnd() % 3 == 0;
	int w = (int)(rnd() % 30) - (ws ? 10 : 0), p = (int)(rnd() % 25) - (ps ? 5 : 0);
	size_t size = rnd() % 4 ? sizeof(lb) : rnd() % 12;
	long long v = rnd_value();
	const char *str = (const char *[]){ "", "a", "memblock", "reserved ranges" }[rnd() % 4];
	int rl = 0, rm = 0, n = 0;

	/* C leaves these undefined or the library documents otherwise. */
	if (conv == 'c' || conv == 's' || conv == '%')
		len = "";
	if (conv == 's' || conv == 'c' || conv == '%')
		zero = alt = false;
	if (conv == 'd' || conv == 'i' || conv == 'u')
		alt = false;
	if (conv == '%')
		left = ws = ps = prec = false, w = 0;
	if (conv == 'c') {
		ps = prec = false;	/* precision with %c is undefined */
		if (!(char)v)
			v = 'x';
	}

	n += snprintf(fmt + n, sizeof(fmt) - n, "%%%s%s%s", left ? "-" : "",
		      zero ? "0" : "", alt ? "#" : "");
	if (ws)
		n += snprintf(fmt + n, sizeof(fmt) - n, "*");
	else if (w > 0 && rnd() % 2)
		n += snprintf(fmt + n, sizeof(fmt) - n, "%d", w);
	if (ps)
		n += snprintf(fmt + n, sizeof(fmt) - n, ".*");
	else if (prec)
		n += snprintf(fmt + n, sizeof(fmt) - n, ".%d", p < 0 ? 0 : p);
	snprintf(fmt + n, sizeof(fmt) - n, "%s%c", len, conv);

	/* Kernel behaviour, documented: "%#x" of 0 prints "0x0". */
	if (alt && (conv == 'x' || conv == 'X') && !effective(v, len))
		return;
	/* Precision 0 with the value 0: C prints no digit, the kernel one. */
	if ((prec || ps) && !effective(v, len) && conv != 'c' && conv != 's')
		return;

	memset(lb, 0x55, sizeof(lb));
	memset(mbuf, 0x55, sizeof(mbuf));
	switch (conv) {
	case 's':
		CALL(str);
		break;
	case 'c':
		CALL((int)(unsigned char)v);
		break;
	case '%':
		rl = snprintf(lb, size, fmt);
		rm = __memblock_snprintf(mbuf, size, fmt);
		break;
	default:
		if (!strcmp(len, "ll"))
			CALL(v);
		else if (!strcmp(len, "l"))
			CALL((long)v);
		else if (!strcmp(len, "z"))
			CALL((size_t)v);
		else
			CALL((int)v);
		break;
	}
	checked++;
	if (rl != rm || memcmp(lb, mbuf, sizeof(lb))) {
		if (mismatches++ < 10)
			tap_fail(__FILE__, __LINE__,
				 "\"%s\" (w %d p %d v %lld size %zu): C %d \"%.*s\", memblock %d \"%.*s\"",
				 fmt, w, p, v, size, rl, (int)(size ? size : 1), lb,
				 rm, (int)(size ? size : 1), mbuf);
	}
}

static void printf_matches_libc(void)
{
	for (int i = 0; i < 200000; i++)
		one();
	tap_diag("%lu formats compared", checked);
	CHECK(checked > 100000);
}

static void printf_kernel_extensions(void)
{
	char buf[64];
	phys_addr_t pa = 0x1234;

	__memblock_snprintf(buf, sizeof(buf), "%#x", 0);
	CHECK_STR(buf, "0x0");
	__memblock_snprintf(buf, sizeof(buf), "[%pa]", &pa);
	CHECK_STR(buf, PHYS_64 ? "[0x0000000000001234]" : "[0x00001234]");
	__memblock_snprintf(buf, sizeof(buf), "%pap|", &pa);
	CHECK_STR(buf, PHYS_64 ? "0x0000000000001234|" : "0x00001234|");
	CHECK_INT(__memblock_snprintf(NULL, 0, "%d", 12345), 5);
	/* Reproducer: "#" adds an octal 0 only when the precision does not. */
	__memblock_snprintf(buf, sizeof(buf), "%#.3o|%#o|%#o", 1, 8, 0);
	CHECK_STR(buf, "001|010|0");
}

static const struct test_case cases[] = {
	TEST_CASE(printf_matches_libc),
	TEST_CASE(printf_kernel_extensions),
};

TAP_MAIN(cases)
