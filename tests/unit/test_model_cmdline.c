// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_memparse() against a model built on the C library's strtoull() (base 0:
 * decimal, 0x hex, 0 octal, saturating at ULLONG_MAX) followed by the
 * K/M/G/T/P/E suffix with saturation, on random strings.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned long long model_memparse(const char *s, const char **end)
{
	char *e;
	unsigned long long v;
	unsigned int shift = 0;

	errno = 0;
	v = strtoull(s, &e, 0);
	switch (*e) {
	case 'E': case 'e': shift += 10; /* fall through */
	case 'P': case 'p': shift += 10; /* fall through */
	case 'T': case 't': shift += 10; /* fall through */
	case 'G': case 'g': shift += 10; /* fall through */
	case 'M': case 'm': shift += 10; /* fall through */
	case 'K': case 'k': shift += 10;
		e++;
		break;
	default:
		break;
	}
	if (shift)
		v = v > (ULLONG_MAX >> shift) ? ULLONG_MAX : v << shift;
	*end = e;
	return v;
}

static void memparse_matches_model(void)
{
	static const char alphabet[] = "0000111789aAfFxXkKmMgGtTpPeEz ";
	unsigned long bad = 0, n;

	for (n = 0; n < 200000; n++) {
		char s[40];
		size_t len = rnd() % 30, i;
		const char *want_end;
		char *got_end;
		unsigned long long want, got;

		for (i = 0; i < len; i++)
			s[i] = alphabet[rnd() % (sizeof(alphabet) - 1)];
		s[len] = 0;
		/* strtoull() also takes leading blanks and a sign; memblock_memparse not. */
		if (s[0] == ' ')
			s[0] = '1';
		want = model_memparse(s, &want_end);
		got = memblock_memparse(s, &got_end);
		if ((got != want || got_end != want_end) && bad++ < 10)
			tap_fail(__FILE__, __LINE__,
				 "memblock_memparse(\"%s\"): %#llx end +%td, model %#llx end +%td",
				 s, got, got_end - s, want, want_end - s);
	}
	tap_diag("%lu strings compared", n);
}

/* memblock_cmdline_find() on the cases its kernel-doc describes. */
static void cmdline_find_documented_cases(void)
{
	static const struct {
		const char *line, *key, *val;
	} t[] = {
		{ "a mem=1G b", "mem", "1G" },
		{ "mem=1G mem=2G", "mem", "2G" },		/* last wins */
		{ "memx=1 xmem=2 mem", "mem", NULL },		/* no match */
		{ "mem=", "mem", "" },
		{ "x=\"a b\" mem=\"4 G\"\tz", "mem", "4 G" },	/* quoted */
		{ "mem=\"", "mem", "\"" },
		{ "\tmem=7\t", "mem", "7" },
		{ "", "mem", NULL },
	};

	for (size_t i = 0; i < ARRAY_SIZE(t); i++) {
		const char *val = NULL;
		size_t len = 0;
		bool found = memblock_cmdline_find(t[i].line, t[i].key, &val, &len);

		CHECK_INT(found, t[i].val != NULL);
		if (found && t[i].val &&
		    (len != strlen(t[i].val) || memcmp(val, t[i].val, len)))
			tap_fail(__FILE__, __LINE__, "\"%s\": got \"%.*s\", want \"%s\"",
				 t[i].line, (int)len, val, t[i].val);
	}
	CHECK_INT(memblock_parse_cmdline("quiet memblock=debug"), 1);
	CHECK_INT(memblock_debug, 1);
	memblock_debug = 0;
	CHECK_INT(memblock_parse_cmdline("memblock=debu memblock=debugx"), 0);
	CHECK_INT(memblock_debug, 0);
}

static const struct test_case cases[] = {
	TEST_CASE(memparse_matches_model),
	TEST_CASE(cmdline_find_documented_cases),
};

TAP_MAIN(cases)
