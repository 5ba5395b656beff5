// SPDX-License-Identifier: BSD-2-Clause
/*
 * e820 tables as text. Each line is one of:
 *
 *   kernel log   [    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable
 *                (the timestamp is optional; the end is inclusive, as Linux
 *                prints it; types as Linux names them: usable, reserved,
 *                ACPI data, ACPI NVS, unusable, persistent (type N),
 *                soft reserved, type N)
 *   simple       START END TYPE    or    START +SIZE TYPE
 *                (numbers decimal or 0x hex, with an optional K/M/G/T/P
 *                suffix; END is exclusive; TYPE is a name above, one of
 *                ram, acpi, nvs, pmem, pram, soft-reserved, or a number)
 * A file that has a "BIOS-e820:" line anywhere is a kernel log: its other
 * lines are skipped (counted), so a whole dmesg can be given. Otherwise
 * every line is in the simple form, or empty, or a '#' comment; anything
 * else is an error naming the line.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"

static const struct {
	const char *name;
	uint32_t type;
} type_names[] = {
	{ "usable", E820_TYPE_RAM },
	{ "ram", E820_TYPE_RAM },
	{ "reserved", E820_TYPE_RESERVED },
	{ "ACPI data", E820_TYPE_ACPI },
	{ "acpi", E820_TYPE_ACPI },
	{ "ACPI NVS", E820_TYPE_NVS },
	{ "nvs", E820_TYPE_NVS },
	{ "unusable", E820_TYPE_UNUSABLE },
	{ "pmem", E820_TYPE_PMEM },
	{ "pram", E820_TYPE_PRAM },
	{ "soft reserved", E820_TYPE_SOFT_RESERVED },
	{ "soft-reserved", E820_TYPE_SOFT_RESERVED },
};

static bool known_type(uint32_t type)
{
	for (size_t i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++)
		if (type_names[i].type == type)
			return true;
	return false;
}

/* A type at s (trailing blanks already cut). */
static bool parse_type(const char *s, uint32_t *type)
{
	uint64_t v;
	const char *end;

	for (size_t i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		if (!strcasecmp(s, type_names[i].name)) {
			*type = type_names[i].type;
			return true;
		}
	}
	/* "persistent (type N)" and "type N", as Linux prints them, or N. */
	if (!strncmp(s, "persistent (type ", 17)) {
		if (!sim_parse_u64(s + 17, &end, &v) || strcmp(end, ")") ||
		    v > UINT32_MAX)
			return false;
		*type = (uint32_t)v;
		return true;
	}
	if (!strncmp(s, "type ", 5))
		s += 5;
	if (!isdigit((unsigned char)*s) || !sim_parse_u64(s, &end, &v) || *end ||
	    v > UINT32_MAX)
		return false;
	*type = (uint32_t)v;
	return true;
}

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Hex with 0x, exactly as the kernel prints it. */
static bool parse_hex(const char *s, const char **end, uint64_t *v)
{
	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return false;
	if (!sim_parse_u64(s, end, v))
		return false;
	return isxdigit((unsigned char)(*end)[-1]);	/* no K/M/G suffix */
}

struct parsed {
	uint64_t addr, size;
	uint32_t type;
	bool log;
};

/* Quote a line in a message, shortened. */
static const char *quote(const char *s, char *buf, size_t len)
{
	snprintf(buf, len, "%.60s%s", s, strlen(s) > 60 ? "..." : "");
	return buf;
}

static int parse_log_line(const char *path, unsigned int ln, const char *p,
			  struct parsed *out)
{
	uint64_t a, b;
	const char *end;

	p = skip_blanks(p + strlen("BIOS-e820:"));
	if (strncmp(p, "[mem ", 5)) {
		sim_err("%s:%u: expected \"[mem \" after \"BIOS-e820:\"", path, ln);
		return -1;
	}
	p += 5;
	if (!parse_hex(p, &end, &a) || *end != '-') {
		sim_err("%s:%u: bad start address in [mem START-END]", path, ln);
		return -1;
	}
	p = end + 1;
	if (!parse_hex(p, &end, &b) || *end != ']') {
		sim_err("%s:%u: bad end address in [mem START-END]", path, ln);
		return -1;
	}
	if (b < a) {
		sim_err("%s:%u: end 0x%llx is below start 0x%llx", path, ln,
			(unsigned long long)b, (unsigned long long)a);
		return -1;
	}
	if (a == 0 && b == UINT64_MAX) {
		sim_err("%s:%u: a range of 2^64 bytes does not fit an e820 entry",
			path, ln);
		return -1;
	}
	p = skip_blanks(end + 1);
	if (!*p || !parse_type(p, &out->type)) {
		sim_err("%s:%u: unknown e820 type \"%s\"", path, ln, p);
		return -1;
	}
	out->addr = a;
	out->size = b - a + 1;
	out->log = true;
	return 0;
}

static int parse_simple_line(const char *path, unsigned int ln, const char *p,
			     struct parsed *out)
{
	uint64_t a, b;
	const char *end;
	bool plus;
	char q[80];

	if (!sim_parse_u64(p, &end, &a) || (*end != ' ' && *end != '\t')) {
		sim_err("%s:%u: not an e820 entry (expected \"START END TYPE\" or a BIOS-e820: line): \"%s\"",
			path, ln, quote(p, q, sizeof(q)));
		return -1;
	}
	p = skip_blanks(end);
	plus = *p == '+';
	if (plus)
		p++;
	if (!sim_parse_u64(p, &end, &b) || (*end != ' ' && *end != '\t')) {
		sim_err("%s:%u: bad %s: \"%s\"", path, ln, plus ? "size" : "end",
			quote(p, q, sizeof(q)));
		return -1;
	}
	if (plus) {
		if (!b) {
			sim_err("%s:%u: empty range (size 0)", path, ln);
			return -1;
		}
		if (a + b < a || (a + b == 0 && a)) {
			sim_err("%s:%u: range wraps past the end of the 64-bit address space",
				path, ln);
			return -1;
		}
		b += a;
	} else if (b <= a) {
		sim_err("%s:%u: end 0x%llx is not above start 0x%llx (END is exclusive)",
			path, ln, (unsigned long long)b, (unsigned long long)a);
		return -1;
	}
	p = skip_blanks(end);
	if (!parse_type(p, &out->type)) {
		sim_err("%s:%u: unknown e820 type \"%s\"", path, ln,
			quote(p, q, sizeof(q)));
		return -1;
	}
	out->addr = a;
	out->size = b - a;
	out->log = false;
	return 0;
}

int sim_e820_read(const char *path, struct sim_e820 *e)
{
	size_t len;
	char *text = sim_read_file(path, &len), *line, *next;
	unsigned int ln = 0;
	bool log_form;
	int ret = 0;

	memset(e, 0, sizeof(*e));
	if (!text)
		return -1;
	if (memchr(text, '\0', len)) {
		sim_err("%s: binary data (a NUL byte at offset %zu), not an e820 text table",
			path, (size_t)((char *)memchr(text, '\0', len) - text));
		free(text);
		return -1;
	}
	log_form = strstr(text, "BIOS-e820:") != NULL;
	for (line = text; line && *line && !ret; line = next) {
		struct parsed pe;
		const char *p, *tag;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		ln++;
		tag = strstr(line, "BIOS-e820:");
		sim_trim(line, !log_form);
		p = skip_blanks(line);
		if (!*p)
			continue;
		if (log_form && !tag) {
			e->skipped_lines++;	/* another kernel log line */
			continue;
		}
		if (tag)
			ret = parse_log_line(path, ln, tag, &pe);
		else
			ret = parse_simple_line(path, ln, p, &pe);
		if (ret)
			break;
		if (pe.log)
			e->log_lines++;
		else
			e->simple_lines++;
		if (e->fw.nr_entries == E820_MAX_ENTRIES) {
			sim_err("%s:%u: more than %d entries (E820_MAX_ENTRIES)",
				path, ln, E820_MAX_ENTRIES);
			ret = -1;
			break;
		}
		e->line[e->fw.nr_entries] = ln;
		if (!known_type(pe.type) && ++e->warnings)
			printf("e820: %s:%u: warning: type %u is not a type Linux names; it is not RAM\n",
			       path, ln, pe.type);
		e820_table_add(&e->fw, pe.addr, pe.size, pe.type);
	}
	if (!ret && !e->fw.nr_entries) {
		sim_err("%s: no e820 entries (%u lines)", path, ln);
		ret = -1;
	}
	free(text);
	return ret;
}
