// SPDX-License-Identifier: BSD-2-Clause
/*
 * UEFI memory maps as text, laid out as GetMemoryMap() returns them (48
 * bytes per descriptor, version 1, as OVMF and AAVMF report) so that the
 * firmware library reads them at the firmware's stride. Each line is one
 * of:
 *
 *   efi=debug  [    0.000000] efi: mem07: [Conventional|   |  |  |  |  |  |  |  |  |   |WB|WT|WC|UC] range=[0x0000000000100000-0x00000000007fffff] (7MB)
 *              (Linux's format: the timestamp is optional, the end is
 *              inclusive, attributes are named in any order, or given as
 *              "|attr=0x..." as Linux prints unknown bits; the size in
 *              parentheses is not read)
 *   table      TYPE PHYS PAGES ATTR
 *              (TYPE a number or a name as efi=debug prints it, '-' or
 *              '_' for its blanks, any case: conventional, boot-data,
 *              ACPI_Reclaim, ...; PHYS and PAGES numbers; ATTR a number or
 *              attribute names joined by '|': WB|WT|WC|UC|RUN|MR|SP|...)
 *
 * A file with an "efi: mem" line anywhere is a kernel log: its other lines
 * are skipped (counted). Otherwise every line is a table line, empty, or
 * a '#' comment; anything else is an error naming the line.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "sim.h"

static const struct {
	const char *name;
	uint64_t bit;
} attr_names[] = {
	{ "UC", EFI_MEMORY_UC }, { "WC", EFI_MEMORY_WC },
	{ "WT", EFI_MEMORY_WT }, { "WB", EFI_MEMORY_WB },
	{ "UCE", EFI_MEMORY_UCE }, { "WP", EFI_MEMORY_WP },
	{ "RP", EFI_MEMORY_RP }, { "XP", EFI_MEMORY_XP },
	{ "NV", EFI_MEMORY_NV }, { "MR", EFI_MEMORY_MORE_RELIABLE },
	{ "RO", EFI_MEMORY_RO }, { "SP", EFI_MEMORY_SP },
	{ "CC", EFI_MEMORY_CPU_CRYPTO }, { "RUN", EFI_MEMORY_RUNTIME },
};
#define NR_ATTR_NAMES	(sizeof(attr_names) / sizeof(attr_names[0]))

/* Linux's efi=debug attribute columns, in its order. */
static const char *const attr_cols[] = {
	"RUN", "MR", "CC", "SP", "NV", "XP", "RP", "WP", "RO", "UCE",
	"WB", "WT", "WC", "UC",
};

static uint64_t attr_bit(const char *name, size_t len)
{
	for (size_t i = 0; i < NR_ATTR_NAMES; i++)
		if (strlen(attr_names[i].name) == len &&
		    !strncasecmp(attr_names[i].name, name, len))
			return attr_names[i].bit;
	return 0;
}

void sim_efi_format_attr(uint64_t attr, char *buf, size_t len)
{
	uint64_t known = 0;
	size_t n = 0;

	for (size_t i = 0; i < NR_ATTR_NAMES; i++)
		known |= attr_names[i].bit;
	if (attr & ~known) {
		snprintf(buf, len, "attr=0x%016llx", (unsigned long long)attr);
		return;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(attr_cols) / sizeof(attr_cols[0]); i++) {
		const char *c = attr_cols[i];
		int w = strlen(c) == 3 ? 3 : 2;

		n += snprintf(buf + n, len - n, "%s%*s", i ? "|" : "", w,
			      attr & attr_bit(c, strlen(c)) ? c : "");
		if (n >= len)
			return;
	}
}

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* A type name with '-' or '_' for blanks, any case, or a number. */
static bool parse_type(const char *s, size_t len, uint32_t *type)
{
	char name[32];
	uint64_t v;
	const char *end;

	if (len && isdigit((unsigned char)*s)) {
		if (!sim_parse_u64(s, &end, &v) || end != s + len || v > UINT32_MAX)
			return false;
		*type = (uint32_t)v;
		return true;
	}
	if (!len || len >= sizeof(name))
		return false;
	for (size_t i = 0; i < len; i++)
		name[i] = s[i] == '-' || s[i] == '_' ? ' ' : s[i];
	name[len] = '\0';
	for (uint32_t t = 0; t < EFI_MAX_MEMORY_TYPE; t++) {
		if (!strcasecmp(name, efi_md_type_name(t))) {
			*type = t;
			return true;
		}
	}
	return false;
}

/* Attribute names joined by @sep (blank fields allowed), or a number. */
static bool parse_attr(const char *s, size_t len, char sep, uint64_t *attr)
{
	const char *end = s + len;

	*attr = 0;
	if (len && isdigit((unsigned char)*s)) {
		const char *e;

		return sim_parse_u64(s, &e, attr) && e == end;
	}
	while (s < end) {
		const char *f = memchr(s, sep, (size_t)(end - s));
		const char *fe = f ? f : end, *a = s;
		uint64_t bit;

		while (a < fe && *a == ' ')
			a++;
		while (fe > a && fe[-1] == ' ')
			fe--;
		if (fe > a) {
			bit = attr_bit(a, (size_t)(fe - a));
			if (!bit)
				return false;
			*attr |= bit;
		}
		s = f ? f + 1 : end;
	}
	return true;
}

static bool parse_hex(const char *s, const char **end, uint64_t *v)
{
	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return false;
	return sim_parse_u64(s, end, v) && isxdigit((unsigned char)(*end)[-1]);
}

static int parse_log_line(const char *path, unsigned int ln, const char *p,
			  struct sim_efi_md *out)
{
	const char *bar, *close, *end;
	uint64_t a, b;

	p = strchr(p, '[');
	bar = p ? strchr(p, '|') : NULL;
	close = bar ? strchr(bar, ']') : NULL;
	if (!close) {
		sim_err("%s:%u: expected \"[TYPE|ATTRIBUTES]\" after \"efi: memNN:\"",
			path, ln);
		return -1;
	}
	while (bar > p + 1 && bar[-1] == ' ')
		bar--;
	if (!parse_type(p + 1, (size_t)(bar - p - 1), &out->type)) {
		sim_err("%s:%u: unknown EFI memory type \"%.*s\"", path, ln,
			(int)(bar - p - 1), p + 1);
		return -1;
	}
	bar = strchr(bar, '|') + 1;
	if (!strncmp(bar, "attr=", 5)) {
		if (!sim_parse_u64(bar + 5, &end, &out->attr) || end != close) {
			sim_err("%s:%u: bad attr=0x... value", path, ln);
			return -1;
		}
	} else if (!parse_attr(bar, (size_t)(close - bar), '|', &out->attr)) {
		sim_err("%s:%u: unknown attribute in \"%.*s\"", path, ln,
			(int)(close - bar), bar);
		return -1;
	}
	p = skip_blanks(close + 1);
	if (strncmp(p, "range=[", 7) || !parse_hex(p + 7, &end, &a) || *end != '-' ||
	    !parse_hex(end + 1, &end, &b) || *end != ']') {
		sim_err("%s:%u: expected \"range=[0xSTART-0xEND]\"", path, ln);
		return -1;
	}
	if (b < a || (a & (EFI_PAGE_SIZE - 1)) || ((b + 1) & (EFI_PAGE_SIZE - 1))) {
		sim_err("%s:%u: range [0x%llx-0x%llx] is not whole 4 KiB EFI pages",
			path, ln, (unsigned long long)a, (unsigned long long)b);
		return -1;
	}
	out->phys = a;
	out->pages = ((b - a) >> EFI_PAGE_SHIFT) + 1;
	return 0;
}

/* The next blank-separated word of *p. */
static size_t word(const char **p)
{
	const char *s = skip_blanks(*p), *e = s;

	while (*e && *e != ' ' && *e != '\t')
		e++;
	*p = s;
	return (size_t)(e - s);
}

static int parse_table_line(const char *path, unsigned int ln, const char *p,
			    struct sim_efi_md *out)
{
	const char *end;
	size_t n = word(&p);

	if (!parse_type(p, n, &out->type)) {
		sim_err("%s:%u: unknown EFI memory type \"%.*s\" (expected \"TYPE PHYS PAGES ATTR\" or an efi: memNN: line)",
			path, ln, (int)n, p);
		return -1;
	}
	p += n;
	n = word(&p);
	if (!n || !sim_parse_u64(p, &end, &out->phys) || end != p + n) {
		sim_err("%s:%u: bad physical start \"%.*s\"", path, ln, (int)n, p);
		return -1;
	}
	p += n;
	n = word(&p);
	if (!n || !sim_parse_u64(p, &end, &out->pages) || end != p + n) {
		sim_err("%s:%u: bad number of pages \"%.*s\"", path, ln, (int)n, p);
		return -1;
	}
	p += n;
	n = word(&p);
	if (!n || !parse_attr(p, n, '|', &out->attr)) {
		sim_err("%s:%u: bad attributes \"%.*s\"", path, ln, (int)n, p);
		return -1;
	}
	p = skip_blanks(p + n);
	if (*p) {
		sim_err("%s:%u: unexpected \"%s\" after the attributes", path, ln, p);
		return -1;
	}
	return 0;
}

static void put_le(unsigned char *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* The descriptors as GetMemoryMap() lays them out. */
static int lay_out(const char *path, struct sim_efi *e)
{
	size_t size = (size_t)e->nr * SIM_EFI_DESC_SIZE;
	int err;

	e->buf = malloc(size ? size : 1);
	if (!e->buf) {
		sim_err("%s: out of memory", path);
		return -1;
	}
	memset(e->buf, 0, size);
	for (unsigned int i = 0; i < e->nr; i++) {
		unsigned char *p = e->buf + (size_t)i * SIM_EFI_DESC_SIZE;

		put_le(p + EFI_MD_OFF_TYPE, e->md[i].type, 4);
		put_le(p + EFI_MD_OFF_PHYS, e->md[i].phys, 8);
		put_le(p + EFI_MD_OFF_PAGES, e->md[i].pages, 8);
		put_le(p + EFI_MD_OFF_ATTR, e->md[i].attr, 8);
	}
	err = efi_memmap_init(&e->map, e->buf, EFI_MAP_PHYS_NONE, size,
			      SIM_EFI_DESC_SIZE, EFI_MEMORY_DESCRIPTOR_VERSION);
	if (err) {
		sim_err("%s: efi_memmap_init() refused the map: %s", path,
			fw_strerror(err));
		return -1;
	}
	return 0;
}

/* "efi: memNN:" (Linux's efi=debug lines), not other "efi: mem..." text. */
static const char *find_tag(const char *line)
{
	const char *t;

	for (t = strstr(line, "efi: mem"); t; t = strstr(t + 1, "efi: mem")) {
		const char *d = t + 8;

		while (isdigit((unsigned char)*d))
			d++;
		if (d > t + 8 && *d == ':')
			return t;
	}
	return NULL;
}

int sim_efi_read(const char *path, struct sim_efi *e)
{
	size_t len;
	char *text = sim_read_file(path, &len), *line, *next;
	unsigned int ln = 0;
	int ret = 0;

	memset(e, 0, sizeof(*e));
	if (!text)
		return -1;
	if (memchr(text, '\0', len)) {
		sim_err("%s: binary data (a NUL byte at offset %zu), not an EFI memory map as text",
			path, (size_t)((char *)memchr(text, '\0', len) - text));
		free(text);
		return -1;
	}
	e->log_form = find_tag(text) != NULL;
	for (line = text; line && *line && !ret; line = next) {
		const char *p, *tag;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		ln++;
		tag = find_tag(line);
		sim_trim(line, !e->log_form);
		p = skip_blanks(line);
		if (!*p)
			continue;
		if (e->log_form && !tag) {
			e->skipped_lines++;
			continue;
		}
		if (e->nr == SIM_EFI_MAX) {
			sim_err("%s:%u: more than %d descriptors", path, ln, SIM_EFI_MAX);
			ret = -1;
			break;
		}
		if (tag)
			ret = parse_log_line(path, ln, tag, &e->md[e->nr]);
		else
			ret = parse_table_line(path, ln, p, &e->md[e->nr]);
		if (!ret)
			e->line[e->nr++] = ln;
	}
	if (!ret && !e->nr) {
		sim_err("%s: no EFI memory descriptors (%u lines)", path, ln);
		ret = -1;
	}
	free(text);
	return ret ? ret : lay_out(path, e);
}
