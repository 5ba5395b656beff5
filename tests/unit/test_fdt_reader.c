// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FDT reader (firmware/fdt*.c): navigation and values on a dtc-built
 * blob, and malformed blobs, each in a buffer of exactly its size so that
 * AddressSanitizer fails the test on any read outside it. Every damaged
 * blob is also walked with every read function (fdt_fuzz_one()), whether
 * or not fdtr_check_full() accepts it.
 */
#include <firmware/fdt.h>
#include "harness.h"
#include "../fdt/dtb-load.h"
/* The fuzz entry point, compiled in here: unit suites link no extras. */
#include "../fdt/fuzz-one.c"

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24, p[1] = v >> 16, p[2] = v >> 8, p[3] = (uint8_t)v;
}

/* An exactly sized copy of tiny.dtb. */
static uint8_t *tiny(size_t *size)
{
	return dtb_load("tiny", size);
}

static struct fdtr open_tiny(uint8_t **blob)
{
	struct fdtr dt = { 0 };
	size_t size;

	*blob = tiny(&size);
	CHECK_INT(fdtr_init(&dt, *blob, size), 0);
	CHECK_INT(fdtr_check_full(&dt), 0);
	return dt;
}

/* Header fields. */
enum { H_MAGIC = 0, H_TOTAL = 4, H_OFF_STRUCT = 8, H_OFF_STRINGS = 12,
       H_OFF_RSV = 16, H_VERSION = 20, H_LAST_COMP = 24, H_SIZE_STRINGS = 32,
       H_SIZE_STRUCT = 36 };

/* ---- a well-formed blob ---- */

static void init_reads_header(void)
{
	size_t size;
	uint8_t *b = tiny(&size);
	struct fdtr dt;

	CHECK_INT(fdtr_init(&dt, b, size), 0);
	CHECK_EQ(dt.totalsize, size);
	CHECK_EQ(dt.version, 17);
	CHECK_EQ(dt.off_struct, be32(b + H_OFF_STRUCT));
	CHECK_EQ(dt.size_struct, be32(b + H_SIZE_STRUCT));
	CHECK_EQ(dt.off_strings, be32(b + H_OFF_STRINGS));
	CHECK_EQ(dt.size_strings, be32(b + H_SIZE_STRINGS));
	CHECK_EQ(dt.off_rsvmap, be32(b + H_OFF_RSV));
	/* The map may use the space up to the structure block. */
	CHECK_EQ(dt.size_rsvmap, dt.off_struct - dt.off_rsvmap);
	CHECK_INT(fdtr_check_full(&dt), 0);
	free(b);
}

static void path_lookup(void)
{
	uint8_t *b;
	struct fdtr dt = open_tiny(&b);
	int len, c;

	CHECK_INT(fdtr_path_offset(&dt, "/"), 0);
	c = fdtr_path_offset(&dt, "/a/b/c");
	CHECK(c > 0);
	CHECK_STR(fdtr_get_name(&dt, c, &len), "c");
	CHECK_INT(len, 1);
	CHECK_INT(fdtr_path_offset(&dt, "//a//b//c/"), c);
	/* Without a unit address, "memory" matches "memory@1000000". */
	CHECK_INT(fdtr_path_offset(&dt, "/memory"),
		  fdtr_path_offset(&dt, "/memory@1000000"));
	CHECK(fdtr_path_offset(&dt, "/memory") > 0);
	CHECK_INT(fdtr_path_offset(&dt, "/memory@2"), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_path_offset(&dt, "/mem"), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_path_offset(&dt, "/a/b/c/d"), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_path_offset(&dt, "/b"), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_path_offset(&dt, "chosen"), -FDTR_ERR_BADPATH);
	CHECK_INT(fdtr_path_offset(&dt, ""), -FDTR_ERR_BADPATH);
	CHECK_INT(fdtr_path_offset(&dt, NULL), -FDTR_ERR_INVAL);
	/* A counted path stops at its length. */
	CHECK_INT(fdtr_path_offset_namelen(&dt, "/a/b/c", 4), fdtr_path_offset(&dt, "/a/b"));
	CHECK_INT(fdtr_subnode_offset_namelen(&dt, 0, "chosenXYZ", 6),
		  fdtr_path_offset(&dt, "/chosen"));
	free(b);
}

static void subnodes_and_parents(void)
{
	static const char *const want[] = { "memory@1000000", "a", "chosen" };
	uint8_t *b;
	struct fdtr dt = open_tiny(&b);
	int child, n = 0, a, bb, c;

	fdtr_for_each_subnode(child, &dt, 0) {
		CHECK(n < 3);
		if (n < 3)
			CHECK_STR(fdtr_get_name(&dt, child, NULL), want[n]);
		CHECK_INT(fdtr_parent_offset(&dt, child), 0);
		n++;
	}
	CHECK_INT(n, 3);
	CHECK_INT(child, -FDTR_ERR_NOTFOUND);
	a = fdtr_path_offset(&dt, "/a");
	bb = fdtr_path_offset(&dt, "/a/b");
	c = fdtr_path_offset(&dt, "/a/b/c");
	CHECK_INT(fdtr_first_subnode(&dt, a), bb);
	CHECK_INT(fdtr_next_subnode(&dt, bb), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_first_subnode(&dt, c), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_parent_offset(&dt, c), bb);
	CHECK_INT(fdtr_parent_offset(&dt, 0), -FDTR_ERR_NOTFOUND);
	/* Offsets that are not nodes. */
	CHECK_INT(fdtr_parent_offset(&dt, fdtr_first_property(&dt, 0)), -FDTR_ERR_BADOFFSET);
	CHECK_INT(fdtr_first_subnode(&dt, 2), -FDTR_ERR_BADOFFSET);
	CHECK_INT(fdtr_first_subnode(&dt, -4), -FDTR_ERR_BADOFFSET);
	CHECK_INT(fdtr_first_subnode(&dt, (int)dt.size_struct + 4), -FDTR_ERR_BADOFFSET);
	CHECK(fdtr_get_name(&dt, 8, &n) == NULL);
	CHECK_INT(n, -FDTR_ERR_BADOFFSET);
	free(b);
}

static void whole_tree_walk(void)
{
	static const struct { const char *name; int depth; } want[] = {
		{ "", 0 }, { "memory@1000000", 1 }, { "a", 1 }, { "b", 2 },
		{ "c", 3 }, { "chosen", 1 },
	};
	uint8_t *b;
	struct fdtr dt = open_tiny(&b);
	unsigned int n = 0;
	int node, depth = 0;

	for (node = fdtr_next_node(&dt, -1, &depth); node >= 0;
	     node = fdtr_next_node(&dt, node, &depth), n++) {
		if (n >= ARRAY_SIZE(want))
			break;
		CHECK_STR(fdtr_get_name(&dt, node, NULL), want[n].name);
		CHECK_INT(depth, want[n].depth);
	}
	CHECK_INT(n, ARRAY_SIZE(want));
	CHECK_INT(node, -FDTR_ERR_NOTFOUND);
	/* Without depth the walk also visits every node, then stops. */
	n = 0;
	for (node = fdtr_next_node(&dt, -1, NULL); node >= 0;
	     node = fdtr_next_node(&dt, node, NULL))
		n++;
	CHECK_INT(n, ARRAY_SIZE(want));
	/* With depth 0 from /a: its descendants only. */
	depth = 0;
	node = fdtr_path_offset(&dt, "/a");
	n = 0;
	while ((node = fdtr_next_node(&dt, node, &depth)) >= 0)
		n++;
	CHECK_INT(n, 2);
	free(b);
}

static void properties(void)
{
	uint8_t *b;
	struct fdtr dt = open_tiny(&b);
	int chosen = fdtr_path_offset(&dt, "/chosen");
	int prop, len, n = 0;
	const char *name, *s;
	const void *val;
	uint32_t u;

	val = fdtr_getprop(&dt, 0, "compatible", &len);
	CHECK(val != NULL);
	CHECK_INT(len, (int)sizeof("test,tiny\0test,generic"));
	CHECK_INT(fdtr_stringlist_count(val, len), 2);
	CHECK_STR(fdtr_stringlist_get(val, len, 0, &n), "test,tiny");
	CHECK_INT(n, 9);
	CHECK_STR(fdtr_stringlist_get(val, len, 1, NULL), "test,generic");
	CHECK(fdtr_stringlist_get(val, len, 2, NULL) == NULL);
	CHECK(fdtr_stringlist_get(val, len, -1, NULL) == NULL);
	CHECK(fdtr_stringlist_contains(val, len, "test,generic"));
	CHECK(!fdtr_stringlist_contains(val, len, "test"));
	CHECK(fdtr_node_is_compatible(&dt, 0, "test,tiny"));
	CHECK(!fdtr_node_is_compatible(&dt, chosen, "test,tiny"));

	CHECK_INT(fdtr_getprop_u32(&dt, 0, "#address-cells", &u), 0);
	CHECK_EQ(u, 1);
	CHECK_INT(fdtr_getprop_u32(&dt, 0, "compatible", &u), -FDTR_ERR_BADVALUE);
	CHECK_INT(fdtr_getprop_u32(&dt, 0, "nothing", &u), -FDTR_ERR_NOTFOUND);
	CHECK(fdtr_getprop(&dt, 0, "nothing", &len) == NULL);
	CHECK_INT(len, -FDTR_ERR_NOTFOUND);
	CHECK_STR(fdtr_getprop_string(&dt, chosen, "bootargs"), "hello");
	CHECK(fdtr_getprop_string(&dt, 0, "#address-cells") == NULL);

	/* Counted names: the whole name only, never a prefix or a longer one. */
	CHECK(fdtr_getprop_namelen(&dt, chosen, "bootargsXYZ", 8, &len) ==
	      fdtr_getprop(&dt, chosen, "bootargs", NULL));
	CHECK_INT(len, 6);
	CHECK(fdtr_getprop_namelen(&dt, chosen, "bootargs", 4, &len) == NULL);
	CHECK_INT(len, -FDTR_ERR_NOTFOUND);
	CHECK(fdtr_getprop_namelen(&dt, 0, "#size-cells", 1, &len) == NULL);
	CHECK_INT(len, -FDTR_ERR_NOTFOUND);
	/* A NUL inside the count is part of the name: no property has one. */
	CHECK(fdtr_getprop_namelen(&dt, chosen, "bootargs\0x", 10, &len) == NULL);
	CHECK_INT(len, -FDTR_ERR_NOTFOUND);
	CHECK(fdtr_getprop_namelen(&dt, chosen, "bootargs", -1, &len) == NULL);
	CHECK_INT(len, -FDTR_ERR_INVAL);
	CHECK(fdtr_getprop_namelen(&dt, chosen, NULL, 0, &len) == NULL);
	CHECK_INT(len, -FDTR_ERR_INVAL);

	/* Properties in order, each found again by name. */
	n = 0;
	fdtr_for_each_property(prop, &dt, 0) {
		static const char *const want[] = {
			"#address-cells", "#size-cells", "compatible" };

		val = fdtr_get_property_by_offset(&dt, prop, &name, &len);
		CHECK(val != NULL);
		if (n < 3)
			CHECK_STR(name, want[n]);
		CHECK(fdtr_getprop(&dt, 0, name, NULL) == val);
		n++;
	}
	CHECK_INT(n, 3);
	CHECK_INT(prop, -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_first_property(&dt, fdtr_path_offset(&dt, "/a")),
		  -FDTR_ERR_NOTFOUND);
	/* A node offset is not a property offset, and the reverse. */
	CHECK(fdtr_get_property_by_offset(&dt, 0, &name, &len) == NULL);
	CHECK_INT(len, -FDTR_ERR_BADOFFSET);
	CHECK_INT(fdtr_next_property(&dt, 0), -FDTR_ERR_BADOFFSET);
	s = fdtr_getprop_string(&dt, fdtr_path_offset(&dt, "/a/b/c"), "prop");
	CHECK_STR(s, "x");
	free(b);
}

static void cells_defaults_and_values(void)
{
	uint8_t *b;
	struct fdtr dt = open_tiny(&b);
	int a = fdtr_path_offset(&dt, "/a");

	CHECK_INT(fdtr_address_cells(&dt, 0), 1);
	CHECK_INT(fdtr_size_cells(&dt, 0), 1);
	/* The specification's defaults when the properties are absent. */
	CHECK_INT(fdtr_address_cells(&dt, a), 2);
	CHECK_INT(fdtr_size_cells(&dt, a), 1);
	free(b);
}

static void numbers_any_alignment(void)
{
	static const uint8_t raw[] = {
		0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02,
		0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04,
	};
	uint64_t a, s;

	/* raw + 1 is misaligned on purpose: loads are byte-wise. */
	CHECK_EQ(fdtr_be32(raw + 1), 1);
	CHECK_EQ(fdtr_be64(raw + 1), 0x100000002ULL);
	CHECK_EQ(fdtr_read_cells(raw + 1, 0), 0);
	CHECK_EQ(fdtr_read_cells(raw + 1, 1), 1);
	CHECK_EQ(fdtr_read_cells(raw + 1, 2), 0x100000002ULL);
	/* Cells above the low two are dropped. */
	CHECK_EQ(fdtr_read_cells(raw + 1, 3), 0x200000003ULL);
	CHECK_INT(fdtr_reg_count(16, 2, 2), 1);
	CHECK_INT(fdtr_reg_count(32, 1, 1), 4);
	CHECK_INT(fdtr_reg_count(0, 2, 2), 0);
	CHECK_INT(fdtr_reg_count(12, 2, 2), -FDTR_ERR_BADVALUE);
	CHECK_INT(fdtr_reg_count(-4, 1, 1), -FDTR_ERR_BADVALUE);
	CHECK_INT(fdtr_reg_count(8, 0, 1), -FDTR_ERR_BADCELLS);
	CHECK_INT(fdtr_reg_count(8, 5, 1), -FDTR_ERR_BADCELLS);
	CHECK_INT(fdtr_reg_count(8, 1, 5), -FDTR_ERR_BADCELLS);
	CHECK_INT(fdtr_reg_entry(raw + 1, 16, 1, 1, 1, &a, &s), 0);
	CHECK_EQ(a, 3);
	CHECK_EQ(s, 4);
	CHECK_INT(fdtr_reg_entry(raw + 1, 16, 2, 0, 1, &a, &s), 0);
	CHECK_EQ(a, 0x300000004ULL);
	CHECK_EQ(s, 0);
	CHECK_INT(fdtr_reg_entry(raw + 1, 16, 1, 1, 2, &a, &s), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_reg_entry(raw + 1, 16, 1, 1, -1, &a, &s), -FDTR_ERR_NOTFOUND);
}

static void memreserve_entries(void)
{
	uint8_t *b;
	struct fdtr dt = open_tiny(&b);
	uint64_t a = 0, s = 0;

	CHECK_INT(fdtr_num_mem_rsv(&dt), 1);
	CHECK_INT(fdtr_get_mem_rsv(&dt, 0, &a, &s), 0);
	CHECK_EQ(a, 0x1000);
	CHECK_EQ(s, 0x1000);
	CHECK_INT(fdtr_get_mem_rsv(&dt, 1, &a, &s), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_get_mem_rsv(&dt, -1, &a, &s), -FDTR_ERR_INVAL);
	CHECK_INT(fdtr_get_mem_rsv(&dt, 0, NULL, &s), -FDTR_ERR_INVAL);
	/* Direct reads: the entry, the terminator, past the map's space. */
	a = s = 0;
	CHECK_INT(fdtr_rsv_entry(&dt, 0, &a, &s), 0);
	CHECK_EQ(a, 0x1000);
	CHECK_EQ(s, 0x1000);
	CHECK_INT(fdtr_rsv_entry(&dt, 1, &a, &s), -FDTR_ERR_NOTFOUND);
	CHECK_INT(fdtr_rsv_entry(&dt, (int)(dt.size_rsvmap / 16), &a, &s),
		  -FDTR_ERR_BADRSVMAP);
	free(b);
}

static void stringlist_malformed(void)
{
	CHECK_INT(fdtr_stringlist_count("ab", 2), -FDTR_ERR_BADVALUE);
	CHECK_INT(fdtr_stringlist_count("a\0b", 3), -FDTR_ERR_BADVALUE);
	CHECK_INT(fdtr_stringlist_count("", 0), 0);
	CHECK_INT(fdtr_stringlist_count("\0", 2), 2);
	CHECK_INT(fdtr_stringlist_count(NULL, 4), -FDTR_ERR_BADVALUE);
	CHECK(fdtr_stringlist_get("ab", 2, 0, NULL) == NULL);
	CHECK(!fdtr_stringlist_contains("ab", 2, "ab"));
	CHECK(!fdtr_stringlist_contains("ab", 3, NULL));
}

static void strerror_names_every_code(void)
{
	/* The reader's codes are errno values, described by fw_strerror(). */
	static const int codes[] = {
		FDTR_ERR_NOTFOUND, FDTR_ERR_INVAL, FDTR_ERR_BADOFFSET,
		FDTR_ERR_TRUNCATED, FDTR_ERR_BADMAGIC, FDTR_ERR_BADVERSION,
		FDTR_ERR_BADLAYOUT, FDTR_ERR_BADSTRUCTURE, FDTR_ERR_BADNAME,
		FDTR_ERR_BADSTRING, FDTR_ERR_BADPROPLEN, FDTR_ERR_DEPTH,
		FDTR_ERR_BADRSVMAP, FDTR_ERR_BADCELLS, FDTR_ERR_BADVALUE,
		FDTR_ERR_BADPATH, FDTR_ERR_NOSPACE,
	};

	for (size_t i = 0; i < ARRAY_SIZE(codes); i++) {
		const char *s = fdtr_strerror(-codes[i]);

		CHECK(strcmp(s, "unknown error"));
		CHECK_STR(fdtr_strerror(codes[i]), s);
		CHECK_STR(fw_strerror(-codes[i]), s);
	}
	/* The overlap issue 13 found: -ENOMEM is not a nesting error. */
	CHECK_STR(fdtr_strerror(-ENOMEM),
		  "out of memory: a memblock array is full or cannot grow (ENOMEM)");
	CHECK_STR(fdtr_strerror(-FDTR_ERR_DEPTH), "nesting too deep (ELOOP)");
	CHECK_STR(fdtr_strerror(-FDTR_ERR_NOTFOUND), "not found (ENOENT)");
	CHECK_STR(fdtr_strerror(0), "no error");
	CHECK_STR(fdtr_strerror(-1000), "unknown error");
	CHECK_STR(fdtr_strerror(INT_MIN), "unknown error");
}

static void unaligned_blob(void)
{
	size_t size;
	uint8_t *b = tiny(&size), *u = malloc(size + 1);
	struct fdtr dt;
	int c;

	/* The same blob at an odd address reads the same. */
	memcpy(u + 1, b, size);
	CHECK_INT(fdtr_init(&dt, u + 1, size), 0);
	CHECK_INT(fdtr_check_full(&dt), 0);
	c = fdtr_path_offset(&dt, "/chosen");
	CHECK_STR(fdtr_getprop_string(&dt, c, "bootargs"), "hello");
	CHECK_INT(fdtr_address_cells(&dt, 0), 1);
	CHECK_INT(fdtr_num_mem_rsv(&dt), 1);
	free(u);
	free(b);
}

static void version16_blob(void)
{
	size_t size;
	uint8_t *b = tiny(&size);
	uint32_t off_struct = be32(b + H_OFF_STRUCT);
	uint32_t off_strings = be32(b + H_OFF_STRINGS);
	struct fdtr dt;

	/* v16 has no size_dt_struct: the block runs up to the strings. */
	put32(b + H_VERSION, 16);
	put32(b + H_LAST_COMP, 16);
	put32(b + H_SIZE_STRUCT, 0xdeadbeef);
	CHECK_INT(fdtr_init(&dt, b, size), 0);
	CHECK_EQ(dt.version, 16);
	CHECK_EQ(dt.size_struct, (off_strings - off_struct) & ~3u);
	CHECK_INT(fdtr_check_full(&dt), 0);
	CHECK_STR(fdtr_getprop_string(&dt, fdtr_path_offset(&dt, "/chosen"), "bootargs"),
		  "hello");
	free(b);
}

/* ---- damaged copies of tiny.dtb ---- */

/*
 * Apply @damage to an exactly sized copy of tiny.dtb (cut to @size bytes
 * when @size is not 0), check what fdtr_init() and fdtr_check_full()
 * return, and walk it with every read function.
 */
static void try_damaged(void (*damage)(uint8_t *b, struct fdtr *ref), size_t cut,
			int want_init, int want_full, int line)
{
	size_t size;
	uint8_t *orig = tiny(&size), *b;
	struct fdtr ref, dt;
	int err;

	fdtr_init(&ref, orig, size);
	if (damage)
		damage(orig, &ref);
	if (cut)
		size = cut;
	b = malloc(size ? size : 1);
	memcpy(b, orig, size);
	err = fdtr_init(&dt, b, size);
	if (err != want_init)
		tap_fail(__FILE__, line, "fdtr_init: got %s, want %s",
			 fdtr_strerror(err), fdtr_strerror(want_init));
	if (!err) {
		err = fdtr_check_full(&dt);
		if (err != want_full)
			tap_fail(__FILE__, line, "fdtr_check_full: got %s, want %s",
				 fdtr_strerror(err), fdtr_strerror(want_full));
	}
	fdt_fuzz_one(b, size);
	free(b);
	free(orig);
}
#define DAMAGED(fn, cut, init, full)	try_damaged(fn, cut, init, full, __LINE__)

static void set_magic(uint8_t *b, struct fdtr *r) { (void)r; put32(b + H_MAGIC, 0xd00dfeee); }
static void version15(uint8_t *b, struct fdtr *r) { (void)r; put32(b + H_VERSION, 15); }
static void last_comp18(uint8_t *b, struct fdtr *r) { (void)r; put32(b + H_LAST_COMP, 18); }
static void version16_comp17(uint8_t *b, struct fdtr *r)
{
	(void)r;
	put32(b + H_VERSION, 16);
	put32(b + H_LAST_COMP, 17);
}
static void total_small(uint8_t *b, struct fdtr *r) { (void)r; put32(b + H_TOTAL, 39); }
static void total_huge(uint8_t *b, struct fdtr *r) { (void)r; put32(b + H_TOTAL, 0x80000000u); }
static void total_big(uint8_t *b, struct fdtr *r) { put32(b + H_TOTAL, r->totalsize + 4); }
static void struct_outside(uint8_t *b, struct fdtr *r) { put32(b + H_OFF_STRUCT, r->totalsize + 8); }
static void struct_misaligned(uint8_t *b, struct fdtr *r) { put32(b + H_OFF_STRUCT, r->off_struct + 2); }
static void struct_in_header(uint8_t *b, struct fdtr *r) { (void)r; put32(b + H_OFF_STRUCT, 36); }
static void struct_size_odd(uint8_t *b, struct fdtr *r) { put32(b + H_SIZE_STRUCT, r->size_struct - 2); }
static void struct_too_long(uint8_t *b, struct fdtr *r) { put32(b + H_SIZE_STRUCT, r->totalsize); }
static void strings_outside(uint8_t *b, struct fdtr *r) { put32(b + H_OFF_STRINGS, r->totalsize); }
static void strings_wrap(uint8_t *b, struct fdtr *r) { (void)r; put32(b + H_SIZE_STRINGS, 0xfffffff0u); }
static void strings_overlap(uint8_t *b, struct fdtr *r)
{
	put32(b + H_OFF_STRINGS, r->off_struct + r->size_struct - 8);
}
static void rsv_misaligned(uint8_t *b, struct fdtr *r) { put32(b + H_OFF_RSV, r->off_rsvmap + 4); }
static void rsv_in_struct(uint8_t *b, struct fdtr *r) { put32(b + H_OFF_RSV, r->off_struct + 8); }
static void rsv_unterminated(uint8_t *b, struct fdtr *r)
{
	/* The terminator (entry 1) gets a size: no end inside the space. */
	put32(b + r->off_rsvmap + 16 + 12, 1);
}
static void strings_cut(uint8_t *b, struct fdtr *r)
{
	/* The last name ("bootargs") loses its NUL. */
	put32(b + H_SIZE_STRINGS, r->size_strings - 1);
}

/* Offset in the blob of the FDT_PROP tag of @node's property @name. */
static uint32_t prop_pos(struct fdtr *r, const char *path, const char *name)
{
	int len;
	const uint8_t *v = fdtr_getprop(r, fdtr_path_offset(r, path), name, &len);

	return (uint32_t)(v - r->blob) - 12;
}
static void prop_len_huge(uint8_t *b, struct fdtr *r)
{
	put32(b + prop_pos(r, "/chosen", "bootargs") + 4, 0x7ffffff0);
}
static void prop_len_past(uint8_t *b, struct fdtr *r)
{
	/* Just one byte past the block's end. */
	uint32_t pos = prop_pos(r, "/chosen", "bootargs");

	put32(b + pos + 4, r->off_struct + r->size_struct - (pos + 12) + 1);
}
static void prop_name_outside(uint8_t *b, struct fdtr *r)
{
	put32(b + prop_pos(r, "/a/b/c", "prop") + 8, r->size_strings);
}
static void bad_tag(uint8_t *b, struct fdtr *r)
{
	put32(b + prop_pos(r, "/a/b/c", "prop"), 7);
}
static void name_cut(uint8_t *b, struct fdtr *r)
{
	/* The block ends in the middle of "memory@1000000". */
	int mem = fdtr_path_offset(r, "/memory");

	put32(b + H_SIZE_STRUCT, (uint32_t)mem + 8);
}
static void cells_5(uint8_t *b, struct fdtr *r)
{
	put32(b + prop_pos(r, "/", "#address-cells") + 12, 5);
}

static void damaged_header(void)
{
	DAMAGED(NULL, 3, -FDTR_ERR_TRUNCATED, 0);
	DAMAGED(NULL, 39, -FDTR_ERR_TRUNCATED, 0);
	DAMAGED(set_magic, 4, -FDTR_ERR_BADMAGIC, 0);
	DAMAGED(version15, 0, -FDTR_ERR_BADVERSION, 0);
	DAMAGED(last_comp18, 0, -FDTR_ERR_BADVERSION, 0);
	DAMAGED(version16_comp17, 0, -FDTR_ERR_BADVERSION, 0);
	DAMAGED(total_small, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(total_huge, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(total_big, 0, -FDTR_ERR_TRUNCATED, 0);
}

static void damaged_truncated(void)
{
	size_t size;
	uint8_t *b = tiny(&size);

	free(b);
	/* Every cut of the blob is refused as truncated. */
	for (size_t cut = 40; cut < size; cut += 7)
		DAMAGED(NULL, cut, -FDTR_ERR_TRUNCATED, 0);
	DAMAGED(NULL, size - 1, -FDTR_ERR_TRUNCATED, 0);
}

static void damaged_layout(void)
{
	DAMAGED(struct_outside, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(struct_misaligned, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(struct_in_header, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(struct_size_odd, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(struct_too_long, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(strings_outside, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(strings_wrap, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(strings_overlap, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(rsv_misaligned, 0, -FDTR_ERR_BADLAYOUT, 0);
	DAMAGED(rsv_in_struct, 0, -FDTR_ERR_BADLAYOUT, 0);
}

static void damaged_contents(void)
{
	DAMAGED(rsv_unterminated, 0, 0, -FDTR_ERR_BADRSVMAP);
	DAMAGED(strings_cut, 0, 0, -FDTR_ERR_BADSTRING);
	DAMAGED(prop_len_huge, 0, 0, -FDTR_ERR_BADPROPLEN);
	DAMAGED(prop_len_past, 0, 0, -FDTR_ERR_BADPROPLEN);
	DAMAGED(prop_name_outside, 0, 0, -FDTR_ERR_BADSTRING);
	DAMAGED(bad_tag, 0, 0, -FDTR_ERR_BADSTRUCTURE);
	DAMAGED(name_cut, 0, 0, -FDTR_ERR_BADNAME);
	/* A bad cell count is a valid blob; the value is refused on use. */
	DAMAGED(cells_5, 0, 0, 0);
}

/* The errors reach the functions that meet the damage, too. */
static void damage_seen_by_lookups(void)
{
	size_t size;
	uint8_t *b = tiny(&size);
	struct fdtr dt;
	int len, chosen;

	fdtr_init(&dt, b, size);
	chosen = fdtr_path_offset(&dt, "/chosen");
	put32(b + H_SIZE_STRINGS, dt.size_strings - 1);
	fdtr_init(&dt, b, size);
	CHECK(fdtr_getprop(&dt, chosen, "bootargs", &len) == NULL);
	CHECK_INT(len, -FDTR_ERR_BADSTRING);
	CHECK_INT(fdtr_num_mem_rsv(&dt), 1);
	put32(b + dt.off_rsvmap + 16 + 12, 1);
	CHECK_INT(fdtr_num_mem_rsv(&dt), -FDTR_ERR_BADRSVMAP);
	CHECK_INT(fdtr_get_mem_rsv(&dt, 0, &(uint64_t){ 0 }, &(uint64_t){ 0 }),
		  -FDTR_ERR_BADRSVMAP);
	put32(b + prop_pos(&dt, "/", "#address-cells") + 12, 0);
	CHECK_INT(fdtr_address_cells(&dt, 0), -FDTR_ERR_BADCELLS);
	put32(b + prop_pos(&dt, "/", "#address-cells") + 12, 5);
	CHECK_INT(fdtr_address_cells(&dt, 0), -FDTR_ERR_BADCELLS);
	put32(b + prop_pos(&dt, "/", "#size-cells") + 12, 0);
	CHECK_INT(fdtr_size_cells(&dt, 0), 0);
	free(b);
}

/* ---- blobs built here: structures dtc would not write ---- */

struct bld {
	uint8_t s[8192];
	uint32_t n;
	char str[64];
	uint32_t sn;
};

static void w32(struct bld *b, uint32_t v)
{
	put32(b->s + b->n, v);
	b->n += 4;
}

static void begin(struct bld *b, const char *name)
{
	size_t len = strlen(name) + 1;

	w32(b, FDTR_BEGIN_NODE);
	memset(b->s + b->n, 0, (len + 3) & ~3u);
	memcpy(b->s + b->n, name, len);
	b->n += (uint32_t)((len + 3) & ~3u);
}

static void prop(struct bld *b, const char *name, uint32_t val)
{
	char *found = NULL;

	for (uint32_t i = 0; i < b->sn; i += (uint32_t)strlen(b->str + i) + 1)
		if (!strcmp(b->str + i, name))
			found = b->str + i;
	if (!found) {
		found = b->str + b->sn;
		strcpy(found, name);
		b->sn += (uint32_t)strlen(name) + 1;
	}
	w32(b, FDTR_PROP);
	w32(b, 4);
	w32(b, (uint32_t)(found - b->str));
	w32(b, val);
}

/* Header, an empty /memreserve/ map, the structure, the strings. */
static uint8_t *finish(struct bld *b, size_t *size)
{
	uint32_t off_struct = 40 + 16, off_strings = off_struct + b->n;
	uint8_t *blob;

	*size = off_strings + b->sn;
	blob = calloc(1, *size);
	put32(blob + H_MAGIC, FDTR_MAGIC);
	put32(blob + H_TOTAL, (uint32_t)*size);
	put32(blob + H_OFF_STRUCT, off_struct);
	put32(blob + H_OFF_STRINGS, off_strings);
	put32(blob + H_OFF_RSV, 40);
	put32(blob + H_VERSION, 17);
	put32(blob + H_LAST_COMP, 16);
	put32(blob + H_SIZE_STRINGS, b->sn);
	put32(blob + H_SIZE_STRUCT, b->n);
	memcpy(blob + off_struct, b->s, b->n);
	memcpy(blob + off_strings, b->str, b->sn);
	return blob;
}

static int check_built(struct bld *b)
{
	size_t size;
	uint8_t *blob = finish(b, &size);
	struct fdtr dt;
	int err = fdtr_init(&dt, blob, size);

	if (!err)
		err = fdtr_check_full(&dt);
	fdt_fuzz_one(blob, size);
	free(blob);
	return err;
}

static void nested(struct bld *b, int levels)
{
	begin(b, "");
	for (int i = 0; i < levels; i++)
		begin(b, "n");
	for (int i = 0; i < levels; i++)
		w32(b, FDTR_END_NODE);
	w32(b, FDTR_END_NODE);
	w32(b, FDTR_END);
}

static void built_depth_limit(void)
{
	struct bld b = { 0 };
	size_t size;
	uint8_t *blob;
	struct fdtr dt;
	int node, depth = 0, last = 0;

	nested(&b, FDTR_MAX_DEPTH);
	CHECK_INT(check_built(&b), 0);
	memset(&b, 0, sizeof(b));
	nested(&b, FDTR_MAX_DEPTH + 1);
	CHECK_INT(check_built(&b), -FDTR_ERR_DEPTH);
	/* A walk meets the same limit. */
	blob = finish(&b, &size);
	fdtr_init(&dt, blob, size);
	for (node = fdtr_next_node(&dt, -1, &depth); node >= 0;
	     node = fdtr_next_node(&dt, node, &depth))
		last = depth;
	CHECK_INT(node, -FDTR_ERR_DEPTH);
	CHECK_INT(last, FDTR_MAX_DEPTH);
	free(blob);
}

static void built_bad_structures(void)
{
	struct bld b;

	/* No FDT_END. */
	b = (struct bld){ 0 };
	begin(&b, "");
	w32(&b, FDTR_END_NODE);
	CHECK_INT(check_built(&b), -FDTR_ERR_BADSTRUCTURE);
	/* FDT_END inside the root. */
	b = (struct bld){ 0 };
	begin(&b, "");
	w32(&b, FDTR_END);
	CHECK_INT(check_built(&b), -FDTR_ERR_BADSTRUCTURE);
	/* One END_NODE too many. */
	b = (struct bld){ 0 };
	begin(&b, "");
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END);
	CHECK_INT(check_built(&b), -FDTR_ERR_BADSTRUCTURE);
	/* A second root. */
	b = (struct bld){ 0 };
	begin(&b, "");
	w32(&b, FDTR_END_NODE);
	begin(&b, "");
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END);
	CHECK_INT(check_built(&b), -FDTR_ERR_BADSTRUCTURE);
	/* A property before the root. */
	b = (struct bld){ 0 };
	prop(&b, "x", 1);
	begin(&b, "");
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END);
	CHECK_INT(check_built(&b), -FDTR_ERR_BADSTRUCTURE);
	/* A property after a subnode. */
	b = (struct bld){ 0 };
	begin(&b, "");
	begin(&b, "child");
	w32(&b, FDTR_END_NODE);
	prop(&b, "late", 1);
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END);
	CHECK_INT(check_built(&b), -FDTR_ERR_BADSTRUCTURE);
	/* An empty node name, then a name with a slash. */
	b = (struct bld){ 0 };
	begin(&b, "");
	begin(&b, "");
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END);
	CHECK_INT(check_built(&b), -FDTR_ERR_BADNAME);
	b = (struct bld){ 0 };
	begin(&b, "");
	begin(&b, "a/b");
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_END);
	CHECK_INT(check_built(&b), -FDTR_ERR_BADNAME);
	/* An empty structure block. */
	b = (struct bld){ 0 };
	CHECK_INT(check_built(&b), -FDTR_ERR_BADSTRUCTURE);
}

static void built_nops_everywhere(void)
{
	struct bld b = { 0 };
	size_t size;
	uint8_t *blob;
	struct fdtr dt;
	uint32_t v;
	int root, child;

	w32(&b, FDTR_NOP);
	begin(&b, "");
	w32(&b, FDTR_NOP);
	prop(&b, "#address-cells", 1);
	w32(&b, FDTR_NOP);
	prop(&b, "x", 7);
	begin(&b, "child");
	w32(&b, FDTR_NOP);
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_NOP);
	w32(&b, FDTR_END_NODE);
	w32(&b, FDTR_NOP);
	w32(&b, FDTR_END);
	blob = finish(&b, &size);
	CHECK_INT(fdtr_init(&dt, blob, size), 0);
	CHECK_INT(fdtr_check_full(&dt), 0);
	/* The root is after the leading NOP. */
	root = fdtr_path_offset(&dt, "/");
	CHECK_INT(root, 4);
	CHECK_INT(fdtr_getprop_u32(&dt, root, "x", &v), 0);
	CHECK_EQ(v, 7);
	CHECK_INT(fdtr_address_cells(&dt, root), 1);
	child = fdtr_path_offset(&dt, "/child");
	CHECK(child > root);
	CHECK_INT(fdtr_parent_offset(&dt, child), root);
	CHECK_INT(fdtr_first_property(&dt, child), -FDTR_ERR_NOTFOUND);
	free(blob);
}

static void null_arguments(void)
{
	struct fdtr dt;
	uint8_t byte = 0;

	CHECK_INT(fdtr_init(NULL, &byte, 1), -FDTR_ERR_INVAL);
	CHECK_INT(fdtr_init(&dt, NULL, 100), -FDTR_ERR_INVAL);
	CHECK_INT(fdtr_init(&dt, &byte, 0), -FDTR_ERR_TRUNCATED);
	CHECK_INT(fdtr_check_full(NULL), -FDTR_ERR_INVAL);
	CHECK_INT(fdtr_next_tag(NULL, 0, NULL), -FDTR_ERR_INVAL);
	CHECK_INT(fdtr_num_mem_rsv(NULL), -FDTR_ERR_INVAL);
	CHECK_INT(fdtr_path_offset(NULL, "/"), -FDTR_ERR_INVAL);
}

static const struct test_case cases[] = {
	TEST_CASE(init_reads_header),
	TEST_CASE(path_lookup),
	TEST_CASE(subnodes_and_parents),
	TEST_CASE(whole_tree_walk),
	TEST_CASE(properties),
	TEST_CASE(cells_defaults_and_values),
	TEST_CASE(numbers_any_alignment),
	TEST_CASE(memreserve_entries),
	TEST_CASE(stringlist_malformed),
	TEST_CASE(strerror_names_every_code),
	TEST_CASE(unaligned_blob),
	TEST_CASE(version16_blob),
	TEST_CASE(damaged_header),
	TEST_CASE(damaged_truncated),
	TEST_CASE(damaged_layout),
	TEST_CASE(damaged_contents),
	TEST_CASE(damage_seen_by_lookups),
	TEST_CASE(built_depth_limit),
	TEST_CASE(built_bad_structures),
	TEST_CASE(built_nops_everywhere),
	TEST_CASE(null_arguments),
};

TAP_MAIN(cases)
