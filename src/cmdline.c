// SPDX-License-Identifier: BSD-2-Clause
/*
 * Command line helpers: finding "key=value" words, memblock_memparse(), and
 * memblock's own option, "memblock=debug".
 */
#include "internal.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Next word of *p: sets [*word, *word + *len) and advances *p past it. */
static bool next_word(const char **p, const char **word, size_t *len)
{
	const char *s = *p;
	bool quoted = false;

	while (is_space(*s))
		s++;
	if (!*s)
		return false;
	*word = s;
	while (*s && (quoted || !is_space(*s))) {
		if (*s == '"')
			quoted = !quoted;
		s++;
	}
	*len = (size_t)(s - *word);
	*p = s;
	return true;
}

bool memblock_cmdline_find(const char *cmdline, const char *key,
			   const char **val, size_t *len)
{
	const char *p = cmdline ? cmdline : "", *w;
	bool found = false;
	size_t klen, wlen;

	if (!key)
		return false;
	klen = __memblock_strlen(key);
	while (next_word(&p, &w, &wlen)) {
		size_t k;

		if (wlen <= klen || w[klen] != '=')
			continue;
		for (k = 0; k < klen && w[k] == key[k]; k++)
			;
		if (k != klen)
			continue;
		found = true;	/* keep going: the last one wins */
		w += klen + 1;
		wlen -= klen + 1;
		if (wlen >= 2 && w[0] == '"' && w[wlen - 1] == '"')
			w++, wlen -= 2;
		if (val)
			*val = w;
		if (len)
			*len = wlen;
	}
	return found;
}

/*
 * v * base + d, saturated at ULLONG_MAX, for base 8, 10 or 16. Shifts and
 * constant limits only: on 32-bit targets a 64-bit division or multiplication
 * by a variable is a call into the compiler's runtime.
 */
static unsigned long long mul_add_sat(unsigned long long v, unsigned int base,
				      unsigned int d)
{
	unsigned long long q_max, r_max;

	if (base == 16)
		q_max = ULLONG_MAX >> 4, r_max = 15;
	else if (base == 8)
		q_max = ULLONG_MAX >> 3, r_max = 7;
	else
		q_max = ULLONG_MAX / 10, r_max = ULLONG_MAX % 10;
	if (v > q_max || (v == q_max && d > r_max))
		return ULLONG_MAX;
	if (base == 16)
		return (v << 4) + d;
	if (base == 8)
		return (v << 3) + d;
	return (v << 3) + (v << 1) + d;
}

unsigned long long memblock_memparse(const char *ptr, char **retptr)
{
	unsigned long long v = 0;
	unsigned int base = 10, shift = 0;
	const char *s = ptr;

	if (!s) {
		if (retptr)
			*retptr = NULL;
		return 0;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    ((s[2] >= '0' && s[2] <= '9') || ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'f'))) {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (;; s++) {
		unsigned int d;
		char c = *s;

		if (c >= '0' && c <= '9')
			d = (unsigned int)(c - '0');
		else if (base == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (unsigned int)((c | 0x20) - 'a' + 10);
		else
			break;
		if (d >= base)
			break;
		v = mul_add_sat(v, base, d);
	}
	switch (*s) {
	case 'E': case 'e': shift += 10; /* fall through */
	case 'P': case 'p': shift += 10; /* fall through */
	case 'T': case 't': shift += 10; /* fall through */
	case 'G': case 'g': shift += 10; /* fall through */
	case 'M': case 'm': shift += 10; /* fall through */
	case 'K': case 'k': shift += 10;
		s++;
		break;
	default:
		break;
	}
	/* Ten bits at a time: a 64-bit shift by a variable is a runtime call too. */
	for (; shift; shift -= 10)
		v = v > (ULLONG_MAX >> 10) ? ULLONG_MAX : v << 10;
	if (retptr)
		*retptr = (char *)(uintptr_t)s;
	return v;
}

int memblock_parse_cmdline(const char *cmdline)
{
	const char *val;
	size_t len;
	int err = __memblock_enter(__func__, 0);	/* it sets a knob */

	if (err)
		return err;
	if (!memblock_cmdline_find(cmdline, "memblock", &val, &len))
		return 0;
	if (len == 5 && val[0] == 'd' && val[1] == 'e' && val[2] == 'b' &&
	    val[3] == 'u' && val[4] == 'g') {
		memblock_debug = 1;
		return 1;
	}
	mb_warn("memblock: unknown option memblock=%.*s", (int)len, val);
	return 0;
}
