/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fdtr - a small, strict reader for flattened device trees (DTB, v16/v17).
 *
 * DOC: overview
 *
 * A blob is opened once with fdtr_init(), which validates the header and
 * the block layout against the caller's buffer size and caches the layout
 * in a struct fdtr. Every later call reads only inside the blocks the
 * header declares, and checks each tag, name, length and string offset
 * before using it: a malformed blob gives a negative error code, never a
 * read outside the buffer. fdtr_check_full() walks the whole structure
 * block once, for callers that prefer to reject a bad blob up front.
 *
 * Nodes and properties are named by their offset in the structure block,
 * as in libfdt: a node offset is that of its FDT_BEGIN_NODE tag, the root
 * is offset 0. Functions returning an offset return a negative
 * -FDTR_ERR_* code (an errno value, firmware/errno.h) instead on failure;
 * fdtr_strerror() describes it.
 *
 * The blob may sit at any address: all multi-byte values are read byte by
 * byte as big-endian, so no unaligned access is ever made (arm64 kernels
 * build with -mstrict-align and may run with the MMU off).
 *
 * The prefix is fdtr_ (not fdt_) so that a program can link this reader
 * and libfdt side by side (tests/fdt/ does, to compare them).
 */
#ifndef FIRMWARE_FDT_H
#define FIRMWARE_FDT_H

#include <stdbool.h>
#include <firmware/errno.h>
#include <stddef.h>
#include <stdint.h>

#define FDTR_MAGIC		0xd00dfeedu
#define FDTR_HEADER_SIZE	40u	/* the v17 header */
/* Versions read: 16 and 17, and later ones whose last_comp_version <= 17. */
#define FDTR_FIRST_VERSION	16u
#define FDTR_LAST_VERSION	17u
/* Deepest node nesting accepted (the root is depth 0). */
#define FDTR_MAX_DEPTH		32
/*
 * A window a kernel that knows nothing better may pass as fdtr_init()'s
 * @bufsize, when that much is mapped: Linux arm64's MAX_FDT_SIZE.
 */
#define FDTR_MAX_SIZE		(2u << 20)

/* Structure block tokens. */
#define FDTR_BEGIN_NODE		1u
#define FDTR_END_NODE		2u
#define FDTR_PROP		3u
#define FDTR_NOP		4u
#define FDTR_END		9u

/*
 * Errors, returned negated: names for the errno values of the firmware
 * library's one error domain (firmware/errno.h, fw_strerror()).
 */
#define FDTR_ERR_NOTFOUND	ENOENT		/* no such node, property or entry */
#define FDTR_ERR_INVAL		EINVAL		/* bad argument (NULL pointer, negative index) */
#define FDTR_ERR_BADOFFSET	EFAULT		/* offset outside the block, misaligned, wrong tag */
#define FDTR_ERR_TRUNCATED	ENODATA		/* buffer smaller than the header or totalsize */
#define FDTR_ERR_BADMAGIC	ENOEXEC		/* not a DTB */
#define FDTR_ERR_BADVERSION	EPROTONOSUPPORT	/* version/last_comp_version not supported */
#define FDTR_ERR_BADLAYOUT	EOVERFLOW	/* block outside the blob, overlapping, misaligned */
#define FDTR_ERR_BADSTRUCTURE	EBADMSG		/* bad tag or unbalanced BEGIN/END_NODE */
#define FDTR_ERR_BADNAME	EILSEQ		/* node name unterminated or malformed */
#define FDTR_ERR_BADSTRING	EILSEQ		/* property name outside the strings block or unterminated */
#define FDTR_ERR_BADPROPLEN	EMSGSIZE	/* property value runs past the structure block */
#define FDTR_ERR_DEPTH		ELOOP		/* nesting deeper than FDTR_MAX_DEPTH */
#define FDTR_ERR_BADRSVMAP	EOVERFLOW	/* /memreserve/ map not terminated inside its space */
#define FDTR_ERR_BADCELLS	EDOM		/* #address-cells / #size-cells bad or unsupported */
#define FDTR_ERR_BADVALUE	ERANGE		/* property value malformed (length, terminator) */
#define FDTR_ERR_BADPATH	EINVAL		/* malformed path */
#define FDTR_ERR_NOSPACE	ENOSPC		/* memblock could not make an edit the tree requires */

/**
 * struct fdtr - an opened blob: where it is and its validated layout
 * @blob: first byte of the blob
 * @totalsize: header totalsize (<= the caller's buffer size)
 * @version: header version
 * @off_struct: offset of the structure block
 * @size_struct: size of the structure block
 * @off_strings: offset of the strings block
 * @size_strings: size of the strings block
 * @off_rsvmap: offset of the memory reservation map
 * @size_rsvmap: bytes available to the reservation map (up to the next
 *	block or the end of the blob)
 * @boot_cpuid: header boot_cpuid_phys
 *
 * Filled by fdtr_init(); treat as read-only.
 */
struct fdtr {
	const uint8_t *blob;
	uint32_t totalsize;
	uint32_t version;
	uint32_t off_struct;
	uint32_t size_struct;
	uint32_t off_strings;
	uint32_t size_strings;
	uint32_t off_rsvmap;
	uint32_t size_rsvmap;
	uint32_t boot_cpuid;
};

/**
 * fdtr_be32 - load a big-endian 32-bit value from any address
 * @p: first byte
 *
 * Return: the value, read byte by byte (no alignment needed).
 */
static inline uint32_t fdtr_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

/**
 * fdtr_be64 - load a big-endian 64-bit value from any address
 * @p: first byte
 *
 * Return: the value, read byte by byte (no alignment needed).
 */
static inline uint64_t fdtr_be64(const void *p)
{
	const uint8_t *b = p;

	return (uint64_t)fdtr_be32(b) << 32 | fdtr_be32(b + 4);
}

/**
 * fdtr_strerror - describe an error code
 * @err: a (negative) value returned by an fdtr_ function; positive values
 *	are accepted too
 *
 * The same as fw_strerror(): the reader's codes are errno values.
 *
 * Return: a constant string ("not found (ENOENT)"), "no error" for 0,
 * "unknown error" for values that are not error codes.
 */
const char *fdtr_strerror(int err);

/**
 * fdtr_init - validate a blob's header and layout and open it
 * @dt: filled in on success; left untouched on failure
 * @blob: the blob (any alignment)
 * @bufsize: bytes readable at @blob; the header's totalsize must not
 *	exceed it
 *
 * Checks: magic; version >= 16 and last_comp_version <= 17; totalsize
 * between the header size and @bufsize (and below 2 GiB, so that offsets
 * fit an int); the reservation map 8-byte
 * aligned, the structure block 4-byte aligned with a size multiple of 4;
 * every block inside the blob, past the header and not overlapping
 * another. The structure block's contents are not walked (see
 * fdtr_check_full()).
 *
 * Return: 0; -FDTR_ERR_INVAL for NULL @dt or @blob; -FDTR_ERR_TRUNCATED
 * when @bufsize cannot hold the header (40 bytes) or totalsize;
 * -FDTR_ERR_BADMAGIC; -FDTR_ERR_BADVERSION; -FDTR_ERR_BADLAYOUT for a
 * totalsize below the header size or misplaced blocks.
 */
int fdtr_init(struct fdtr *dt, const void *blob, size_t bufsize);

/**
 * fdtr_check_full - walk the whole structure block once
 * @dt: an opened blob
 *
 * Verifies that the block starts with the root's FDT_BEGIN_NODE, that
 * every tag is known, names and property values lie inside the block,
 * property names lie in the strings block and are NUL-terminated, nesting
 * is balanced and at most FDTR_MAX_DEPTH deep, FDT_END follows the root's
 * FDT_END_NODE, and the reservation map is terminated.
 *
 * Return: 0, or the first error found (-FDTR_ERR_BADSTRUCTURE,
 * -FDTR_ERR_BADNAME, -FDTR_ERR_BADSTRING, -FDTR_ERR_BADPROPLEN,
 * -FDTR_ERR_DEPTH, -FDTR_ERR_BADRSVMAP, -FDTR_ERR_INVAL for NULL @dt).
 */
int fdtr_check_full(const struct fdtr *dt);

/**
 * fdtr_next_tag - decode the tag at an offset of the structure block
 * @dt: an opened blob
 * @offset: offset of a tag (4-byte aligned)
 * @next: set to the offset of the following tag (may be NULL)
 *
 * Bounds-checks the tag and its payload (node name, property header and
 * value) without interpreting the tree.
 *
 * Return: the tag (FDTR_BEGIN_NODE ... FDTR_END), or a negative error:
 * -FDTR_ERR_BADOFFSET for a misaligned @offset or one past the block,
 * -FDTR_ERR_BADSTRUCTURE for an unknown tag or a tag cut by the block's
 * end, -FDTR_ERR_BADNAME for a node name without its NUL,
 * -FDTR_ERR_BADPROPLEN for a value running past the block.
 */
int fdtr_next_tag(const struct fdtr *dt, int offset, int *next);

/**
 * fdtr_next_node - find the next node in document order
 * @dt: an opened blob
 * @offset: a node offset, or -1 to start with the root
 * @depth: in: depth of @offset (ignored when @offset is -1); out: depth of
 *	the node returned (root 0). May be NULL.
 *
 * With @depth, the walk ends when it leaves the subtree in which it
 * started (the depth would go below 0): pass 0 to visit the descendants
 * of @offset. Without @depth it goes on to the end of the tree.
 *
 * Return: the offset of the next node; -FDTR_ERR_NOTFOUND at the end of
 * the walk; -FDTR_ERR_DEPTH if nesting (counted from @offset's depth)
 * exceeds FDTR_MAX_DEPTH; another negative error for a malformed block.
 */
int fdtr_next_node(const struct fdtr *dt, int offset, int *depth);

/**
 * fdtr_first_subnode - first child of a node
 * @dt: an opened blob
 * @node: a node offset
 *
 * Return: the child's offset, -FDTR_ERR_NOTFOUND if it has none, another
 * negative error for a malformed block or a bad @node.
 */
int fdtr_first_subnode(const struct fdtr *dt, int node);

/**
 * fdtr_next_subnode - next sibling of a node
 * @dt: an opened blob
 * @node: a node offset (as returned by fdtr_first_subnode())
 *
 * Return: the sibling's offset, -FDTR_ERR_NOTFOUND after the last one,
 * another negative error for a malformed block.
 */
int fdtr_next_subnode(const struct fdtr *dt, int node);

/**
 * fdtr_for_each_subnode - iterate over the children of a node
 * @child: int loop variable, each child's offset
 * @dt: an opened blob
 * @parent: the parent's offset
 *
 * Ends with @child negative: -FDTR_ERR_NOTFOUND normally, another error
 * for a malformed block.
 */
#define fdtr_for_each_subnode(child, dt, parent)			\
	for ((child) = fdtr_first_subnode((dt), (parent)); (child) >= 0;	\
	     (child) = fdtr_next_subnode((dt), (child)))

/**
 * fdtr_get_name - name of a node ("memory@40000000"; "" for the root)
 * @dt: an opened blob
 * @node: a node offset
 * @lenp: set to the name's length, or to the negative error (may be NULL)
 *
 * Return: the NUL-terminated name inside the blob, or NULL on error
 * (-FDTR_ERR_BADOFFSET if @node is not an FDT_BEGIN_NODE).
 */
const char *fdtr_get_name(const struct fdtr *dt, int node, int *lenp);

/**
 * fdtr_subnode_offset_namelen - find a child by name
 * @dt: an opened blob
 * @parent: the parent's offset
 * @name: the name; need not be NUL-terminated
 * @namelen: its length
 *
 * A name without a unit address ("memory") also matches a child that has
 * one ("memory@40000000"); the first match in document order wins.
 *
 * Return: the child's offset or a negative error (-FDTR_ERR_NOTFOUND).
 */
int fdtr_subnode_offset_namelen(const struct fdtr *dt, int parent,
				const char *name, int namelen);

/**
 * fdtr_path_offset - find a node by absolute path
 * @dt: an opened blob
 * @path: "/", "/chosen", "/reserved-memory/linux,cma", ...; repeated and
 *	trailing slashes are ignored
 *
 * Each component matches as in fdtr_subnode_offset_namelen().
 *
 * Return: the node's offset; -FDTR_ERR_BADPATH if @path does not start
 * with '/' (aliases are not resolved here); -FDTR_ERR_NOTFOUND; another
 * negative error for a malformed block.
 */
int fdtr_path_offset(const struct fdtr *dt, const char *path);

/**
 * fdtr_path_offset_namelen - fdtr_path_offset() for a counted path
 * @dt: an opened blob
 * @path: the path; need not be NUL-terminated
 * @len: its length
 *
 * Return: as fdtr_path_offset().
 */
int fdtr_path_offset_namelen(const struct fdtr *dt, const char *path, int len);

/**
 * fdtr_parent_offset - find a node's parent
 * @dt: an opened blob
 * @node: a node offset
 *
 * Walks from the root (the format has no back links), so it costs a scan.
 *
 * Return: the parent's offset; -FDTR_ERR_NOTFOUND for the root;
 * -FDTR_ERR_BADOFFSET if @node is not a node; another negative error.
 */
int fdtr_parent_offset(const struct fdtr *dt, int node);

/**
 * fdtr_first_property - first property of a node
 * @dt: an opened blob
 * @node: a node offset
 *
 * Return: the property's offset (of its FDT_PROP tag), -FDTR_ERR_NOTFOUND
 * if the node has none, another negative error.
 */
int fdtr_first_property(const struct fdtr *dt, int node);

/**
 * fdtr_next_property - next property of the same node
 * @dt: an opened blob
 * @prop: a property offset
 *
 * Return: the next property's offset, -FDTR_ERR_NOTFOUND after the last,
 * another negative error.
 */
int fdtr_next_property(const struct fdtr *dt, int prop);

/**
 * fdtr_for_each_property - iterate over the properties of a node
 * @prop: int loop variable, each property's offset
 * @dt: an opened blob
 * @node: the node's offset
 */
#define fdtr_for_each_property(prop, dt, node)				\
	for ((prop) = fdtr_first_property((dt), (node)); (prop) >= 0;	\
	     (prop) = fdtr_next_property((dt), (prop)))

/**
 * fdtr_get_property_by_offset - decode a property
 * @dt: an opened blob
 * @prop: a property offset
 * @namep: set to its NUL-terminated name in the strings block (may be NULL)
 * @lenp: set to the value's length (may be NULL)
 *
 * Return: the value (inside the blob; any alignment), or NULL with *@lenp
 * set to the negative error (-FDTR_ERR_BADSTRING for a bad name).
 */
const void *fdtr_get_property_by_offset(const struct fdtr *dt, int prop,
					const char **namep, int *lenp);

/**
 * fdtr_getprop - find a property of a node by name
 * @dt: an opened blob
 * @node: a node offset
 * @name: property name (NUL-terminated)
 * @lenp: set to the value's length, or to the negative error (may be NULL)
 *
 * Return: the value, or NULL (-FDTR_ERR_NOTFOUND when the node has no such
 * property).
 */
const void *fdtr_getprop(const struct fdtr *dt, int node, const char *name,
			 int *lenp);

/**
 * fdtr_getprop_namelen - fdtr_getprop() for a counted property name
 * @dt: an opened blob
 * @node: a node offset
 * @name: property name; need not be NUL-terminated
 * @namelen: its length in bytes
 * @lenp: set to the value's length, or to the negative error (may be NULL)
 *
 * Return: the value of the property whose whole name is the @namelen
 * bytes at @name, or NULL (-FDTR_ERR_NOTFOUND when the node has none;
 * -FDTR_ERR_INVAL for a NULL @name or a negative @namelen).
 */
const void *fdtr_getprop_namelen(const struct fdtr *dt, int node,
				 const char *name, int namelen, int *lenp);

/**
 * fdtr_getprop_u32 - read a one-cell property
 * @dt: an opened blob
 * @node: a node offset
 * @name: property name
 * @val: set to the value on success
 *
 * Return: 0; -FDTR_ERR_NOTFOUND; -FDTR_ERR_BADVALUE if the length is not 4.
 */
int fdtr_getprop_u32(const struct fdtr *dt, int node, const char *name,
		     uint32_t *val);

/**
 * fdtr_getprop_string - read a string property
 * @dt: an opened blob
 * @node: a node offset
 * @name: property name
 *
 * Return: the first string of the value, or NULL when the property is
 * absent, empty, or its value does not end with a NUL (a number such as
 * <1> is not taken for the empty string).
 */
const char *fdtr_getprop_string(const struct fdtr *dt, int node,
				const char *name);

/**
 * fdtr_address_cells - #address-cells that applies to a node's children
 * @dt: an opened blob
 * @node: the parent node
 *
 * Return: the property's value, 2 when absent (the specification's
 * default); -FDTR_ERR_BADCELLS when malformed or above 4.
 */
int fdtr_address_cells(const struct fdtr *dt, int node);

/**
 * fdtr_size_cells - #size-cells that applies to a node's children
 * @dt: an opened blob
 * @node: the parent node
 *
 * Return: the property's value, 1 when absent (the specification's
 * default); -FDTR_ERR_BADCELLS when malformed or above 4.
 */
int fdtr_size_cells(const struct fdtr *dt, int node);

/**
 * fdtr_read_cells - read a number of 1 to 4 big-endian cells
 * @p: first byte (any alignment)
 * @cells: number of cells; 0 gives 0
 *
 * Cells beyond the low two are dropped, as Linux's of_read_number() does.
 *
 * Return: the low 64 bits.
 */
uint64_t fdtr_read_cells(const void *p, int cells);

/**
 * fdtr_reg_count - number of (address, size) entries in a value
 * @len: value length in bytes
 * @ac: address cells (1..4)
 * @sc: size cells (0..4)
 *
 * Return: the entry count; -FDTR_ERR_BADCELLS for bad @ac/@sc;
 * -FDTR_ERR_BADVALUE when @len is negative or not a whole number of
 * entries.
 */
int fdtr_reg_count(int len, int ac, int sc);

/**
 * fdtr_reg_entry - decode entry @idx of a reg-like value
 * @val: the value
 * @len: its length
 * @ac: address cells
 * @sc: size cells
 * @idx: entry index
 * @addr: set to the address (may be NULL)
 * @size: set to the size (may be NULL)
 *
 * Return: 0, or the error of fdtr_reg_count(), or -FDTR_ERR_NOTFOUND
 * when @idx is out of range.
 */
int fdtr_reg_entry(const void *val, int len, int ac, int sc, int idx,
		   uint64_t *addr, uint64_t *size);

/**
 * fdtr_num_mem_rsv - number of /memreserve/ entries
 * @dt: an opened blob
 *
 * Return: the count (the terminating 0,0 entry excluded), or
 * -FDTR_ERR_BADRSVMAP when the map runs out of its space unterminated.
 */
int fdtr_num_mem_rsv(const struct fdtr *dt);

/**
 * fdtr_get_mem_rsv - read /memreserve/ entry @n
 * @dt: an opened blob
 * @n: entry index
 * @addr: set to the address
 * @size: set to the size
 *
 * Return: 0; -FDTR_ERR_NOTFOUND past the last entry; -FDTR_ERR_BADRSVMAP;
 * -FDTR_ERR_INVAL for a NULL pointer or negative @n.
 */
int fdtr_get_mem_rsv(const struct fdtr *dt, int n, uint64_t *addr,
		     uint64_t *size);

/**
 * fdtr_rsv_entry - read /memreserve/ entry @n directly
 * @dt: an opened blob
 * @n: entry index, 0 or more
 * @addr: set to the address
 * @size: set to the size
 *
 * Constant time: entries before @n are not looked at, so a caller walks
 * from 0 or knows the count (fdtr_num_mem_rsv()). fdtr_get_mem_rsv()
 * checks the index against the count; this does not.
 *
 * Return: 0; -FDTR_ERR_NOTFOUND when entry @n is the terminator (a zero
 * size); -FDTR_ERR_BADRSVMAP when it lies past the map's space.
 */
int fdtr_rsv_entry(const struct fdtr *dt, int n, uint64_t *addr,
		   uint64_t *size);

/**
 * fdtr_stringlist_count - number of strings in a string-list value
 * @val: the value
 * @len: its length
 *
 * Return: the count; -FDTR_ERR_BADVALUE when the last string is not
 * NUL-terminated inside the value.
 */
int fdtr_stringlist_count(const void *val, int len);

/**
 * fdtr_stringlist_get - string @idx of a string-list value
 * @val: the value
 * @len: its length
 * @idx: index
 * @slen: set to the string's length (may be NULL)
 *
 * Return: the string, or NULL when @idx is out of range or the list is
 * malformed.
 */
const char *fdtr_stringlist_get(const void *val, int len, int idx, int *slen);

/**
 * fdtr_stringlist_contains - is @str one of the strings of a value?
 * @val: the value
 * @len: its length
 * @str: the string looked for (NUL-terminated)
 *
 * Return: true when an exact match is found in a well-formed list.
 */
bool fdtr_stringlist_contains(const void *val, int len, const char *str);

/**
 * fdtr_node_is_compatible - does a node's "compatible" list name @compat?
 * @dt: an opened blob
 * @node: a node offset
 * @compat: the compatible string
 *
 * Return: true if it does.
 */
bool fdtr_node_is_compatible(const struct fdtr *dt, int node,
			     const char *compat);

/**
 * fdtr_node_is_available - is a node enabled?
 * @dt: an opened blob
 * @node: a node offset
 *
 * Return: true when its "status" is absent, "okay" or "ok".
 */
bool fdtr_node_is_available(const struct fdtr *dt, int node);

#endif /* FIRMWARE_FDT_H */
