// SPDX-License-Identifier: BSD-2-Clause
/*
 * Command line helpers: finding "key=value" words, memblock_memparse(), and
 * the options memblock reads, "memblock=debug" and "kernelcore=mirror".
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

/* Does [s, s + len) equal the NUL-terminated @word? */
static bool same_word(const char *s, size_t len, const char *word)
{
	size_t k;

	for (k = 0; k < len && word[k] && s[k] == word[k]; k++)
		;
	return k == len && !word[k];
}

/*
 * Is "mirror" one of the comma-separated values of a "kernelcore=" word?
 * Every such word counts, not only the last (Linux parses each one, and
 * only "mirror" sets the knob: kernelcore=nn elsewhere does not clear it).
 */
static bool kernelcore_mirror(const char *cmdline)
{
	const char *p = cmdline ? cmdline : "", *w;
	size_t wlen;

	while (next_word(&p, &w, &wlen)) {
		const char *v = w + 11, *end = w + wlen;

		if (wlen <= 11 || !same_word(w, 11, "kernelcore="))
			continue;
		/* A quoted value, as memblock_cmdline_find() reads it. */
		if (end - v >= 2 && v[0] == '"' && end[-1] == '"')
			v++, end--;
		while (v < end) {
			const char *e = v;

			while (e < end && *e != ',')
				e++;
			if (same_word(v, (size_t)(e - v), "mirror"))
				return true;
			v = e + 1;
		}
	}
	return false;
}

int memblock_parse_cmdline(const char *cmdline)
{
	const char *val;
	size_t len;
	int err = __memblock_enter(__func__, 0);	/* it sets knobs */
	int found = 0;

	if (err)
		return err;
	if (kernelcore_mirror(cmdline)) {
		mirrored_kernelcore = true;
		found++;
	}
	if (!memblock_cmdline_find(cmdline, "memblock", &val, &len))
		return found;
	if (same_word(val, len, "debug")) {
		memblock_debug = 1;
		return found + 1;
	}
	mb_warn("memblock: unknown option memblock=%.*s", (int)len, val);
	return found;
}
