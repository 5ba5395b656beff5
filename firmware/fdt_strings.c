// SPDX-License-Identifier: BSD-2-Clause
/*
 * String-list values ("compatible", "reg-names", ...): NUL-separated
 * strings, the last one terminated inside the value.
 */
#include "fdt_internal.h"

int fdtr_stringlist_count(const void *val, int len)
{
	const char *s = val;
	int count = 0;

	if (!val || len < 0)
		return -FDTR_ERR_BADVALUE;
	while (len > 0) {
		size_t n = fdtr_strnlen(s, (size_t)len);

		if (n == (size_t)len)
			return -FDTR_ERR_BADVALUE;
		s += n + 1;
		len -= (int)n + 1;
		count++;
	}
	return count;
}

const char *fdtr_stringlist_get(const void *val, int len, int idx, int *slen)
{
	const char *s = val;

	if (fdtr_stringlist_count(val, len) <= idx || idx < 0)
		return NULL;
	for (;;) {
		size_t n = fdtr_strnlen(s, (size_t)len);

		if (!idx--) {
			if (slen)
				*slen = (int)n;
			return s;
		}
		s += n + 1;
		len -= (int)n + 1;
	}
}

bool fdtr_stringlist_contains(const void *val, int len, const char *str)
{
	int count = fdtr_stringlist_count(val, len);

	if (!str)
		return false;
	for (int i = 0; i < count; i++)
		if (fdtr_streq(fdtr_stringlist_get(val, len, i, NULL), str))
			return true;
	return false;
}
