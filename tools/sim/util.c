// SPDX-License-Identifier: BSD-2-Clause
/* Files, numbers and messages for memblock-sim. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"

const char *sim_prog = "memblock-sim";

void sim_err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", sim_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The whole file, NUL-terminated (so text parsers can use it as a string). */
char *sim_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, n = 0;
	char *buf;

	if (!f) {
		sim_err("%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = malloc(cap + 1);
	for (;;) {
		size_t got;

		if (!buf) {
			sim_err("%s: out of memory", path);
			fclose(f);
			return NULL;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap)
			break;
		if (cap >= (size_t)1 << 30) {
			sim_err("%s: larger than 1 GiB", path);
			free(buf);
			fclose(f);
			return NULL;
		}
		cap *= 2;
		buf = realloc(buf, cap + 1);
	}
	if (ferror(f)) {
		sim_err("%s: read error: %s", path, strerror(errno));
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

void sim_trim(char *s, bool comment)
{
	char *c = comment ? strchr(s, '#') : NULL;
	size_t n;

	if (c)
		*c = '\0';
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * A number: decimal or 0x hex, optionally followed by K, M, G, T or P
 * (binary multiples). Refuses overflow. *end (may be NULL) is set past it.
 */
bool sim_parse_u64(const char *s, const char **end, uint64_t *v)
{
	unsigned int base = 10, shift = 0;
	uint64_t x = 0;
	const char *p = s;
	bool any = false;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (; digit_value(*p) < (int)base; p++) {
		unsigned int d = (unsigned int)digit_value(*p);

		if (x > (UINT64_MAX - d) / base)
			return false;
		x = x * base + d;
		any = true;
	}
	if (!any)
		return false;
	switch (*p) {
	case 'K': case 'k': shift = 10; break;
	case 'M': case 'm': shift = 20; break;
	case 'G': case 'g': shift = 30; break;
	case 'T': case 't': shift = 40; break;
	case 'P': case 'p': shift = 50; break;
	}
	if (shift) {
		if (x > (UINT64_MAX >> shift))
			return false;
		x <<= shift;
		p++;
	}
	if (end)
		*end = p;
	*v = x;
	return true;
}

/* "4 KiB", "639 KiB", "2047.8 MiB", "255.98 MiB", "1 TiB", "100 bytes". */
char *sim_size_str(char *buf, size_t len, uint64_t size)
{
	static const char *const unit[] = { "bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	unsigned int u = 0;

	while (u < 6 && size >= (1ULL << (10 * (u + 1))))
		u++;
	if (!u || !(size & ((1ULL << (10 * u)) - 1)))
		snprintf(buf, len, "%llu %s",
			 (unsigned long long)(size >> (10 * u)), unit[u]);
	else {
		double v = (double)size / (double)(1ULL << (10 * u));

		/* Inexact sizes keep a visible fraction: 255.98, not 256.0. */
		snprintf(buf, len, "%.1f %s", v, unit[u]);
		if (strstr(buf, ".0 "))
			snprintf(buf, len, "%.2f %s", v, unit[u]);
		if (strstr(buf, ".00 "))
			snprintf(buf, len, "%.3f %s", v, unit[u]);
	}
	return buf;
}
