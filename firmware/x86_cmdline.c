// SPDX-License-Identifier: BSD-2-Clause
/*
 * mem= and memmap= on x86: edits of the e820 map, made before memblock
 * sees it, with the meaning Linux gives them (arch/x86/kernel/e820.c's
 * parse_memopt() and parse_memmap_opt() as documented in Linux 6.12's
 * kernel-parameters.txt). On arm64 mem= means an amount of memory instead
 * (dt_apply_cmdline()).
 */
#include <firmware/e820.h>
#include <firmware/x86_memory.h>
#include <linux/memblock.h>
#include "fw_log.h"

/* [p, p + n) equals the first n bytes of @s (no memcmp(): freestanding). */
static bool same(const char *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != s[i])
			return false;
	return true;
}

/* One command-line word: [s, s + len), quotes kept. */
struct word {
	const char *s;
	size_t len;
};

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Words are separated by blanks outside double quotes, as Linux splits. */
static bool next_word(const char **p, struct word *w)
{
	const char *s = *p;
	bool quoted = false;

	while (*s && blank(*s))
		s++;
	if (!*s)
		return false;
	w->s = s;
	while (*s && (quoted || !blank(*s))) {
		if (*s == '"')
			quoted = !quoted;
		s++;
	}
	w->len = (size_t)(s - w->s);
	*p = s;
	return true;
}

/* Does @w read "@key=..."? Then [*val, *val + *vlen) is the value, unquoted. */
static bool word_key(const struct word *w, const char *key,
		     const char **val, size_t *vlen)
{
	size_t k = 0;
	const char *v;
	size_t n;

	while (key[k] && k < w->len && w->s[k] == key[k])
		k++;
	if (key[k] || k == w->len || w->s[k] != '=')
		return false;
	v = w->s + k + 1;
	n = w->len - k - 1;
	if (n && v[0] == '"') {		/* Linux drops a leading and a closing quote */
		v++, n--;
		if (n && v[n - 1] == '"')
			n--;
	}
	*val = v;
	*vlen = n;
	return true;
}

/*
 * memblock_memparse() limited to [p, end): the value is not NUL-terminated where a
 * comma or a blank ends it. A copy makes memblock_memparse() stop there.
 */
static uint64_t parse_size(const char *p, const char *end, const char **next)
{
	char buf[40];
	size_t n = (size_t)(end - p), i;
	char *stop;
	unsigned long long v;

	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	for (i = 0; i < n; i++)
		buf[i] = p[i];
	buf[n] = '\0';
	v = memblock_memparse(buf, &stop);
	*next = p + (stop - buf);
	return v;
}

/* simple_strtoull(p, &next, 0) limited to [p, end): the % form's types. */
static uint64_t parse_num(const char *p, const char *end, const char **next)
{
	unsigned int base = 10;
	uint64_t v = 0;

	if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p < end && p[0] == '0') {
		base = 8;
	}
	for (; p < end; p++) {
		unsigned int d;

		if (*p >= '0' && *p <= '9')
			d = (unsigned int)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned int)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned int)(*p - 'A' + 10);
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	*next = p;
	return v;
}

/* e820__range_add(): a full table drops the range, with Linux's message. */
static void range_add(struct e820_table *t, uint64_t start, uint64_t size,
		      uint32_t type)
{
	if (e820_table_add(t, start, size, type))
		__fw_log(MEMBLOCK_LOG_ERR,
			"e820: too many entries; ignoring [mem %#010llx-%#010llx]",
			(unsigned long long)start,
			(unsigned long long)(start + size - 1));
}

/* RAM above @limit goes (mem=, and memmap= without a position). */
static void remove_ram_above(struct e820_table *t, uint64_t limit)
{
	if (e820_range_remove(t, limit, UINT64_MAX - limit, E820_TYPE_RAM, true))
		__fw_log(MEMBLOCK_LOG_ERR, "e820: no room to remove [mem %#010llx-]",
			(unsigned long long)limit);
}

/* memmap=nn%ss-old+new: Linux's change/add/remove by type. */
static bool memmap_percent(struct e820_table *t, uint64_t size,
			   const char *p, const char *end)
{
	uint64_t start = parse_size(p, end, &p), from = 0, to = 0;
	int err;

	if (p < end && *p == '-')
		from = parse_num(p + 1, end, &p);
	if (p < end && *p == '+')
		to = parse_num(p + 1, end, &p);
	if (p != end)
		return false;		/* Linux checks before acting here */
	if (from && to)
		err = e820_range_update(t, start, size, (uint32_t)from, (uint32_t)to);
	else if (to)
		err = e820_table_add(t, start, size, (uint32_t)to);
	else if (from)
		err = e820_range_remove(t, start, size, (uint32_t)from, true);
	else
		err = e820_range_remove(t, start, size, 0, false);
	if (err)
		__fw_log(MEMBLOCK_LOG_ERR, "memmap=: no room in the e820 table (%d)", err);
	return true;
}

/* One memmap= entry; false when Linux's parser returns -EINVAL for it. */
static bool memmap_one(struct e820_table *t, const char *p, const char *end,
		       bool *userdef)
{
	const char *q;
	uint64_t size;

	if (end - p >= 8 && same(p, "exactmap", 8)) {
		t->nr_entries = 0;
		*userdef = true;
		return true;
	}
	size = parse_size(p, end, &q);
	if (q == p)
		return false;
	*userdef = true;
	p = q;
	if (p < end && (*p == '@' || *p == '#' || *p == '$' || *p == '!')) {
		static const struct { char c; uint32_t type; } kinds[] = {
			{ '@', E820_TYPE_RAM }, { '#', E820_TYPE_ACPI },
			{ '$', E820_TYPE_RESERVED }, { '!', E820_TYPE_PRAM },
		};
		uint32_t type = 0;
		uint64_t start;

		for (unsigned int i = 0; i < 4; i++)
			if (kinds[i].c == *p)
				type = kinds[i].type;
		start = parse_size(p + 1, end, &p);
		range_add(t, start, size, type);
	} else if (p < end && *p == '%') {
		return memmap_percent(t, size, p + 1, end);
	} else {
		remove_ram_above(t, size);	/* memmap=nn: like mem=nn */
	}
	return p == end;
}

static void memmap_opt(struct e820_table *t, const char *val, size_t len,
		       bool *userdef)
{
	const char *end = val + len;

	while (val <= end) {
		const char *comma = val;

		while (comma < end && *comma != ',')
			comma++;
		if (!memmap_one(t, val, comma, userdef))
			__fw_log(MEMBLOCK_LOG_WARN, "memmap=%.*s: not understood",
				(int)(comma - val), val);
		val = comma + 1;
	}
}

static void mem_opt(struct e820_table *t, const char *val, size_t len,
		    bool *userdef, uint64_t *limit)
{
	const char *end;
	uint64_t size;

	if (len == 9 && same(val, "nopentium", 9)) {
		__fw_log(MEMBLOCK_LOG_WARN,
			"mem=nopentium ignored! (only supported on x86_32)");
		return;
	}
	*userdef = true;
	size = parse_size(val, val + len, &end);
	if (!size) {	/* mem=0 or no number: Linux removes nothing */
		__fw_log(MEMBLOCK_LOG_WARN, "mem=%.*s: not a size, ignored",
			(int)len, val);
		return;
	}
	remove_ram_above(t, size);
	if (!*limit || size < *limit)
		*limit = size;
}

static void print_user_map(const struct e820_table *t)
{
	__fw_log(MEMBLOCK_LOG_INFO, "user-defined physical RAM map:");
	e820_print_table(t, "user");
}

int x86_e820_cmdline(struct e820_table *t, const char *cmdline,
		     uint64_t *mem_limit)
{
	const char *p = cmdline ? cmdline : "", *val;
	bool userdef = false;
	struct word w;
	size_t len;
	int err;

	if (!t || t->nr_entries > E820_MAX_ENTRIES || !mem_limit)
		return -EINVAL;
	*mem_limit = 0;
	while (next_word(&p, &w)) {
		if (w.len == 2 && w.s[0] == '-' && w.s[1] == '-')
			break;		/* the rest is init's */
		if (word_key(&w, "mem", &val, &len))
			mem_opt(t, val, len, &userdef, mem_limit);
		else if (word_key(&w, "memmap", &val, &len))
			memmap_opt(t, val, len, &userdef);
	}
	if (!userdef)
		return 0;
	err = e820_sanitize(t);
	if (err)
		return err;
	print_user_map(t);
	return 0;
}
