// SPDX-License-Identifier: BSD-2-Clause
/*
 * The core of the FDT reader: header and layout validation, and the one
 * function that decodes a tag of the structure block. Everything else
 * walks the blob through fdtr_next_tag(), so the bounds checks live here.
 */
#include <limits.h>
#include "fdt_internal.h"

/* Header field offsets. */
#define HDR_MAGIC		0
#define HDR_TOTALSIZE		4
#define HDR_OFF_STRUCT		8
#define HDR_OFF_STRINGS		12
#define HDR_OFF_RSVMAP		16
#define HDR_VERSION		20
#define HDR_LAST_COMP		24
#define HDR_BOOT_CPUID		28
#define HDR_SIZE_STRINGS	32
#define HDR_SIZE_STRUCT		36

/* The v16 header ends before size_dt_struct. */
#define HDR_SIZE_V16		36u

static uint32_t hdr(const uint8_t *blob, unsigned int field)
{
	return fdtr_be32(blob + field);
}

/* [off, off + size) inside [lo, total]? Computed in 64 bits: no wrap. */
static bool block_inside(uint32_t off, uint32_t size, uint32_t lo,
			 uint32_t total)
{
	return off >= lo && (uint64_t)off + size <= total;
}

static bool blocks_overlap(uint32_t a, uint32_t asize, uint32_t b,
			   uint32_t bsize)
{
	if (!asize || !bsize)
		return false;
	return (uint64_t)a < (uint64_t)b + bsize &&
	       (uint64_t)b < (uint64_t)a + asize;
}

/* The reservation map has no size field: it may use the space up to the
 * next block that starts after it, or the end of the blob. */
static uint32_t rsvmap_space(const struct fdtr *dt)
{
	uint32_t end = dt->totalsize;

	if (dt->off_struct >= dt->off_rsvmap && dt->off_struct < end)
		end = dt->off_struct;
	if (dt->off_strings >= dt->off_rsvmap && dt->off_strings < end &&
	    dt->size_strings)
		end = dt->off_strings;
	return end - dt->off_rsvmap;
}

int fdtr_init(struct fdtr *dt, const void *blob, size_t bufsize)
{
	const uint8_t *b = blob;
	struct fdtr t;
	uint32_t hsize;

	if (!dt || !blob)
		return -FDTR_ERR_INVAL;
	if (bufsize < 4)
		return -FDTR_ERR_TRUNCATED;
	if (hdr(b, HDR_MAGIC) != FDTR_MAGIC)
		return -FDTR_ERR_BADMAGIC;
	if (bufsize < FDTR_HEADER_SIZE)
		return -FDTR_ERR_TRUNCATED;

	t.blob = b;
	t.totalsize = hdr(b, HDR_TOTALSIZE);
	t.version = hdr(b, HDR_VERSION);
	if (t.version < FDTR_FIRST_VERSION ||
	    hdr(b, HDR_LAST_COMP) > FDTR_LAST_VERSION ||
	    hdr(b, HDR_LAST_COMP) > t.version)
		return -FDTR_ERR_BADVERSION;
	hsize = t.version >= 17 ? FDTR_HEADER_SIZE : HDR_SIZE_V16;
	if (t.totalsize < hsize || t.totalsize > INT_MAX)
		return -FDTR_ERR_BADLAYOUT;
	if (t.totalsize > bufsize)
		return -FDTR_ERR_TRUNCATED;

	t.off_struct = hdr(b, HDR_OFF_STRUCT);
	t.off_strings = hdr(b, HDR_OFF_STRINGS);
	t.off_rsvmap = hdr(b, HDR_OFF_RSVMAP);
	t.size_strings = hdr(b, HDR_SIZE_STRINGS);
	t.boot_cpuid = hdr(b, HDR_BOOT_CPUID);
	if (t.version >= 17) {
		t.size_struct = hdr(b, HDR_SIZE_STRUCT);
	} else {
		/* v16 has no size: up to the strings block or the end. */
		t.size_struct = 0;
		if (t.off_struct <= t.totalsize) {
			uint32_t end = t.totalsize;

			if (t.off_strings > t.off_struct && t.off_strings < end)
				end = t.off_strings;
			t.size_struct = (end - t.off_struct) & ~3u;
		}
	}

	if ((t.off_rsvmap & 7) || (t.off_struct & 3) || (t.size_struct & 3))
		return -FDTR_ERR_BADLAYOUT;
	if (!block_inside(t.off_rsvmap, 0, hsize, t.totalsize) ||
	    !block_inside(t.off_struct, t.size_struct, hsize, t.totalsize) ||
	    !block_inside(t.off_strings, t.size_strings, hsize, t.totalsize))
		return -FDTR_ERR_BADLAYOUT;
	if (blocks_overlap(t.off_struct, t.size_struct, t.off_strings,
			   t.size_strings))
		return -FDTR_ERR_BADLAYOUT;
	/* The reservation map may not start inside another block. */
	if (blocks_overlap(t.off_rsvmap, 1, t.off_struct, t.size_struct) ||
	    blocks_overlap(t.off_rsvmap, 1, t.off_strings, t.size_strings))
		return -FDTR_ERR_BADLAYOUT;
	t.size_rsvmap = rsvmap_space(&t);

	/* Field by field: a struct copy may become memcpy(). */
	dt->blob = t.blob;
	dt->totalsize = t.totalsize;
	dt->version = t.version;
	dt->off_struct = t.off_struct;
	dt->size_struct = t.size_struct;
	dt->off_strings = t.off_strings;
	dt->size_strings = t.size_strings;
	dt->off_rsvmap = t.off_rsvmap;
	dt->size_rsvmap = t.size_rsvmap;
	dt->boot_cpuid = t.boot_cpuid;
	return 0;
}

int fdtr_next_tag(const struct fdtr *dt, int offset, int *next)
{
	const uint8_t *s;
	uint32_t tag, len, end, pos;
	size_t n;

	if (!dt)
		return -FDTR_ERR_INVAL;
	if (offset < 0 || (offset & 3) || (uint32_t)offset > dt->size_struct)
		return -FDTR_ERR_BADOFFSET;
	pos = (uint32_t)offset;
	end = dt->size_struct;
	if (end - pos < 4)
		return -FDTR_ERR_BADSTRUCTURE;
	s = fdtr_struct(dt);
	tag = fdtr_be32(s + pos);
	pos += 4;

	switch (tag) {
	case FDTR_BEGIN_NODE:
		n = fdtr_strnlen((const char *)s + pos, end - pos);
		if (n == end - pos)
			return -FDTR_ERR_BADNAME;
		pos = FDTR_ALIGN4(pos + (uint32_t)n + 1);
		break;
	case FDTR_PROP:
		if (end - pos < 8)
			return -FDTR_ERR_BADSTRUCTURE;
		len = fdtr_be32(s + pos);
		pos += 8;
		if (len > end - pos)
			return -FDTR_ERR_BADPROPLEN;
		pos = FDTR_ALIGN4(pos + len);
		break;
	case FDTR_END_NODE:
	case FDTR_NOP:
	case FDTR_END:
		break;
	default:
		return -FDTR_ERR_BADSTRUCTURE;
	}
	/* size_struct is a multiple of 4, so aligning cannot pass it. */
	if (next)
		*next = (int)pos;
	return (int)tag;
}

const char *__fw_fdtr_string(const struct fdtr *dt, uint32_t stroff)
{
	const char *s;
	size_t n;

	if (stroff >= dt->size_strings)
		return NULL;
	s = (const char *)dt->blob + dt->off_strings + stroff;
	n = fdtr_strnlen(s, dt->size_strings - stroff);
	return n < dt->size_strings - stroff ? s : NULL;
}

int __fw_fdtr_check_node(const struct fdtr *dt, int node)
{
	int tag = fdtr_next_tag(dt, node, NULL);

	if (tag < 0)
		return tag == -FDTR_ERR_BADSTRUCTURE ? -FDTR_ERR_BADOFFSET : tag;
	return tag == FDTR_BEGIN_NODE ? 0 : -FDTR_ERR_BADOFFSET;
}

int __fw_fdtr_skip_nops(const struct fdtr *dt, int offset, int *tag)
{
	int next, t;

	for (;;) {
		t = fdtr_next_tag(dt, offset, &next);
		if (t < 0)
			return t;
		if (t != FDTR_NOP)
			break;
		offset = next;
	}
	*tag = t;
	return offset;
}

int fdtr_next_node(const struct fdtr *dt, int offset, int *depth)
{
	int d = depth && offset >= 0 ? *depth : 0;
	int next, tag;

	if (offset < 0) {
		offset = __fw_fdtr_skip_nops(dt, 0, &tag);
		if (offset < 0)
			return offset;
		if (tag != FDTR_BEGIN_NODE)
			return -FDTR_ERR_BADSTRUCTURE;
		if (depth)
			*depth = 0;
		return offset;
	}
	tag = fdtr_next_tag(dt, offset, &next);
	if (tag < 0)
		return tag;
	if (tag != FDTR_BEGIN_NODE)
		return -FDTR_ERR_BADOFFSET;

	for (;;) {
		offset = next;
		tag = fdtr_next_tag(dt, offset, &next);
		if (tag < 0)
			return tag;
		switch (tag) {
		case FDTR_BEGIN_NODE:
			if (!depth)
				return offset;
			if (++d > FDTR_MAX_DEPTH)
				return -FDTR_ERR_DEPTH;
			*depth = d;
			return offset;
		case FDTR_END_NODE:
			/* Leaving the subtree ends a walk that counts depth. */
			if (depth && --d < 0) {
				*depth = d;
				return -FDTR_ERR_NOTFOUND;
			}
			break;
		case FDTR_END:
			/* With depth counted, the tree ended inside a node. */
			return depth ? -FDTR_ERR_BADSTRUCTURE : -FDTR_ERR_NOTFOUND;
		default:
			break;
		}
	}
}

/* Names of nodes other than the root: non-empty, no '/'. */
static int check_node_name(const struct fdtr *dt, int node, int depth)
{
	const char *name = (const char *)fdtr_struct(dt) + node + 4;

	if (depth == 0)
		return 0;
	if (!*name)
		return -FDTR_ERR_BADNAME;
	for (; *name; name++)
		if (*name == '/')
			return -FDTR_ERR_BADNAME;
	return 0;
}

int fdtr_check_full(const struct fdtr *dt)
{
	int offset, next, tag, err, depth = -1;
	bool had_child = false, done = false;

	if (!dt)
		return -FDTR_ERR_INVAL;
	offset = __fw_fdtr_skip_nops(dt, 0, &tag);
	if (offset < 0)
		return offset;
	if (tag != FDTR_BEGIN_NODE)
		return -FDTR_ERR_BADSTRUCTURE;

	for (;;) {
		tag = fdtr_next_tag(dt, offset, &next);
		if (tag < 0)
			return tag;
		if (done && tag != FDTR_NOP && tag != FDTR_END)
			return -FDTR_ERR_BADSTRUCTURE;
		switch (tag) {
		case FDTR_BEGIN_NODE:
			if (++depth > FDTR_MAX_DEPTH)
				return -FDTR_ERR_DEPTH;
			err = check_node_name(dt, offset, depth);
			if (err)
				return err;
			had_child = false;
			break;
		case FDTR_PROP:
			/* Properties come first in a node, as the spec says. */
			if (depth < 0 || had_child)
				return -FDTR_ERR_BADSTRUCTURE;
			if (!__fw_fdtr_string(dt, fdtr_be32(fdtr_struct(dt) + offset + 8)))
				return -FDTR_ERR_BADSTRING;
			break;
		case FDTR_END_NODE:
			if (depth < 0)
				return -FDTR_ERR_BADSTRUCTURE;
			had_child = true;
			if (--depth < 0)
				done = true;
			break;
		case FDTR_END:
			if (!done)
				return -FDTR_ERR_BADSTRUCTURE;
			err = fdtr_num_mem_rsv(dt);
			return err < 0 ? err : 0;
		default:
			break;
		}
		offset = next;
	}
}
