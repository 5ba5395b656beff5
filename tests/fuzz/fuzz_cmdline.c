// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target: the input, NUL-terminated, is a kernel command line.
 * memblock_parse_cmdline() and memblock_cmdline_find() must not read
 * outside it and must return a value that lies inside it; memblock_memparse() on
 * every "mem=" value is compared with a model built on strtoull().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long long model_memparse(const char *s, const char **end)
{
	static const char suffixes[] = "kmgtpe";
	const char *p;
	char *e;
	unsigned long long v = strtoull(s, &e, 0);

	if (*e && (p = strchr(suffixes, *e | 0x20)) && (*e | 0x20) >= 'a') {
		unsigned int shift = 10 * (unsigned int)(p - suffixes + 1);

		v = v > (ULLONG_MAX >> shift) ? ULLONG_MAX : v << shift;
		e++;
	}
	*end = e;
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1);
	const char *val = NULL;
	size_t len = 0;

	memcpy(line, data, size);
	line[size] = 0;
	test_reset();
	memblock_parse_cmdline(line);
	if (memblock_cmdline_find(line, "mem", &val, &len)) {
		char *copy, *end;
		const char *want_end;
		unsigned long long got, want;

		if (val < line || val + len > line + size)
			abort();
		copy = strndup(val, len);
		got = memblock_memparse(copy, &end);
		/* strtoull() also skips blanks and takes a sign; memblock_memparse not. */
		if (copy[0] && !strchr(" \t\n\v\f\r+-", copy[0])) {
			want = model_memparse(copy, &want_end);
			if (got != want || end != want_end) {
				fprintf(stderr, "memblock_memparse(\"%s\") = %#llx +%td, model %#llx +%td\n",
					copy, got, end - copy, want, want_end - copy);
				abort();
			}
		}
		free(copy);
	}
	free(line);
	return 0;
}
