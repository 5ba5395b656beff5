/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fdt_api.h - the libfdt-compatible subset of device-tree reads, from
 * libfdt itself or from the built-in reader (firmware/fdt*.c).
 *
 * DOC: bring your own libfdt
 *
 * Firmware that already carries libfdt (U-Boot, TF-A, OpenSBI, Zephyr)
 * should not need a second device-tree reader. This header names the
 * reads a device-tree scan needs with libfdt's own names and documented
 * signatures (libfdt.h):
 *
 *	fdt_check_header() fdt_check_full() fdt_totalsize() fdt_version()
 *	fdt_next_node() fdt_first_subnode() fdt_next_subnode()
 *	fdt_parent_offset() fdt_get_name()
 *	fdt_path_offset() fdt_path_offset_namelen()
 *	fdt_getprop() fdt_getprop_namelen()
 *	fdt_address_cells() fdt_size_cells()
 *	fdt_num_mem_rsv() fdt_get_mem_rsv() fdt_strerror()
 *
 * With FIRMWARE_LIBFDT_SYSTEM defined they are libfdt's (<libfdt.h>, link
 * with -lfdt). Otherwise this header provides exactly that subset as
 * inline wrappers of the built-in reader (firmware/include/firmware/fdt.h),
 * which define no global symbol, so nothing clashes with a libfdt linked
 * elsewhere.
 *
 * Contract of the subset (what both providers give alike):
 *  - fdt_check_full() (or fdt_check_header() with a trusted blob) before
 *    any other call; the others may assume a well-formed blob.
 *  - Paths are absolute ("/chosen"); aliases are not resolved.
 *  - fdt_get_mem_rsv() is asked for 0 <= n < fdt_num_mem_rsv() only
 *    (then it costs constant time with either provider, so a loop over
 *    the map is linear).
 *  - A walk with fdt_next_node() and a depth ends when it returns a
 *    negative error or leaves *depth negative (libfdt does the latter
 *    when the walk leaves the subtree it started in, the built-in reader
 *    the former): test both. Children: fdt_first_subnode() and
 *    fdt_next_subnode() until a negative return.
 *  - Errors are negative; their values are the provider's (libfdt's
 *    -FDT_ERR_*, or the built-in reader's negative errno). Test them with
 *    "< 0", print them with fdt_strerror(), and turn them into the
 *    firmware library's one error domain with fw_fdt_errno().
 *
 * The DT scan and sequence (fdt_memblock.h, dt_setup.h: fdt_memblock.c,
 * fdt_reserved.c, fdt_chosen.c, fdt_console.c, dt_setup.c, dt_props.c)
 * read the tree through this subset only, so firmware/Makefile.firmware's
 * FIRMWARE_LIBFDT=system builds them against the system's libfdt without
 * the built-in reader's objects.
 *
 * make test compares the two providers on every test tree (tests/fdt/,
 * fdt-api: the same verdicts, nodes, depths, names, parents, properties,
 * cells, paths and reservations), and runs the DT scan's unit suites and
 * a dump of the memblock state each tree leaves built both ways
 * (fdt-libfdt-*, tests/fdt.mk).
 */
#ifndef FIRMWARE_FDT_API_H
#define FIRMWARE_FDT_API_H

#include <firmware/errno.h>
#include <stddef.h>
#include <stdint.h>

#ifdef FIRMWARE_LIBFDT_SYSTEM

#include <libfdt.h>

/**
 * fw_fdt_errno - a provider's error as a negative errno
 * @err: a negative libfdt error (-FDT_ERR_*), or 0 or more
 *
 * Return: @err when it is not negative; otherwise the negative errno that
 * the built-in reader returns for the same fault (firmware/fdt.h's
 * FDTR_ERR_* names), -EINVAL for any other.
 */
static inline int fw_fdt_errno(int err)
{
	switch (err) {
	case -FDT_ERR_NOTFOUND:		return -ENOENT;
	case -FDT_ERR_NOSPACE:		return -ENOSPC;
	case -FDT_ERR_BADOFFSET:	return -EFAULT;
	case -FDT_ERR_TRUNCATED:	return -ENODATA;
	case -FDT_ERR_BADMAGIC:		return -ENOEXEC;
	case -FDT_ERR_BADVERSION:	return -EPROTONOSUPPORT;
	case -FDT_ERR_BADSTRUCTURE:	return -EBADMSG;
	case -FDT_ERR_BADLAYOUT:	return -EOVERFLOW;
	case -FDT_ERR_BADNCELLS:	return -EDOM;
	case -FDT_ERR_BADVALUE:		return -ERANGE;
	default:			return err < 0 ? -EINVAL : err;
	}
}

#else /* the built-in reader */

#include <firmware/fdt.h>

/**
 * fw_fdt_open - open a blob for one call of the subset below
 * @dt: set to the opened blob
 * @fdt: the blob
 *
 * The buffer is taken to hold the header's totalsize bytes, as libfdt
 * takes it (fdt_check_full() is where a caller states the real size).
 *
 * Return: 0, or fdtr_init()'s error (-FDTR_ERR_INVAL for a NULL @fdt).
 */
static inline int fw_fdt_open(struct fdtr *dt, const void *fdt)
{
	if (!fdt)
		return -FDTR_ERR_INVAL;
	return fdtr_init(dt, fdt, fdtr_be32((const uint8_t *)fdt + 4));
}

/**
 * fw_fdt_errno - a provider's error as a negative errno
 * @err: a negative error of the built-in reader, or 0 or more
 *
 * Return: @err (the built-in reader's errors are negative errno already).
 */
static inline int fw_fdt_errno(int err)
{
	return err;
}

/**
 * fdt_totalsize - the blob's size as its header states it
 * @fdt: the blob (its 40-byte header readable)
 *
 * Return: the header's totalsize field.
 */
static inline uint32_t fdt_totalsize(const void *fdt)
{
	return fdtr_be32((const uint8_t *)fdt + 4);
}

/**
 * fdt_version - the blob's version as its header states it
 * @fdt: the blob (its 40-byte header readable)
 *
 * Return: the header's version field (16 or 17 for the blobs read here).
 */
static inline uint32_t fdt_version(const void *fdt)
{
	return fdtr_be32((const uint8_t *)fdt + 20);
}

/**
 * fdt_check_header - check a blob's header and block layout
 * @fdt: the blob, fdt_totalsize() bytes readable
 *
 * Return: 0, or a negative error (bad magic, version, layout).
 */
static inline int fdt_check_header(const void *fdt)
{
	struct fdtr dt;

	return fw_fdt_open(&dt, fdt);
}

/**
 * fdt_check_full - check a whole blob inside a buffer
 * @fdt: the blob
 * @bufsize: bytes readable at @fdt
 *
 * Return: 0 when the header, the layout and the whole structure block
 * are well formed inside @bufsize; a negative error otherwise.
 */
static inline int fdt_check_full(const void *fdt, size_t bufsize)
{
	struct fdtr dt;
	int err = fdtr_init(&dt, fdt, bufsize);

	return err ? err : fdtr_check_full(&dt);
}

/**
 * fdt_next_node - the next node in document order
 * @fdt: a checked blob
 * @offset: a node offset, or -1 for the root
 * @depth: in: @offset's depth; out: the returned node's (may be NULL).
 *	As in libfdt, the root found from -1 is one deeper than *@depth was.
 *
 * Return: the node's offset, or a negative error at the end of the walk
 * (with @depth: when it would leave the subtree it started in).
 */
static inline int fdt_next_node(const void *fdt, int offset, int *depth)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt), from = depth ? *depth : 0, node;

	if (err)
		return err;
	node = fdtr_next_node(&dt, offset, depth);
	/* fdtr_next_node() gives the root depth 0 whatever came in. */
	if (offset < 0 && depth && node >= 0)
		*depth += from + 1;
	/*
	 * libfdt's depths are one more than the reader's from the root, so
	 * a whole-tree walk reaches FDT_END at depth 0, which the reader
	 * calls unbalanced and libfdt the end: no next node is the end.
	 */
	if (node < 0 && depth &&
	    fdtr_next_node(&dt, offset, NULL) == -FDTR_ERR_NOTFOUND)
		return -FDTR_ERR_NOTFOUND;
	return node;
}

/**
 * fdt_first_subnode - a node's first child
 * @fdt: a checked blob
 * @offset: the node's offset
 *
 * Return: the child's offset, or a negative error if it has none.
 */
static inline int fdt_first_subnode(const void *fdt, int offset)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	return err ? err : fdtr_first_subnode(&dt, offset);
}

/**
 * fdt_next_subnode - a node's next sibling
 * @fdt: a checked blob
 * @offset: the node's offset
 *
 * Return: the sibling's offset, or a negative error after the last one.
 */
static inline int fdt_next_subnode(const void *fdt, int offset)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	return err ? err : fdtr_next_subnode(&dt, offset);
}

/**
 * fdt_parent_offset - a node's parent
 * @fdt: a checked blob
 * @nodeoffset: the node's offset
 *
 * The format has no back links: this walks from the root, a scan's cost.
 *
 * Return: the parent's offset; a negative error for the root (not
 * found) or a bad @nodeoffset.
 */
static inline int fdt_parent_offset(const void *fdt, int nodeoffset)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	return err ? err : fdtr_parent_offset(&dt, nodeoffset);
}

/**
 * fdt_get_name - a node's name ("memory@40000000", "" for the root)
 * @fdt: a checked blob
 * @nodeoffset: the node's offset
 * @lenp: set to the name's length, or to the error (may be NULL)
 *
 * Return: the name inside the blob, or NULL on error.
 */
static inline const char *fdt_get_name(const void *fdt, int nodeoffset,
				       int *lenp)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	if (err) {
		if (lenp)
			*lenp = err;
		return NULL;
	}
	return fdtr_get_name(&dt, nodeoffset, lenp);
}

/**
 * fdt_path_offset - a node by absolute path
 * @fdt: a checked blob
 * @path: "/", "/chosen", "/reserved-memory/linux,cma"...
 *
 * Return: the node's offset, or a negative error (not found, bad path).
 */
static inline int fdt_path_offset(const void *fdt, const char *path)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	return err ? err : fdtr_path_offset(&dt, path);
}

/**
 * fdt_path_offset_namelen - fdt_path_offset() for a counted path
 * @fdt: a checked blob
 * @path: an absolute path; need not be NUL-terminated
 * @namelen: its length in bytes
 *
 * Return: as fdt_path_offset().
 */
static inline int fdt_path_offset_namelen(const void *fdt, const char *path,
					  int namelen)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	return err ? err : fdtr_path_offset_namelen(&dt, path, namelen);
}

/**
 * fdt_getprop - a property's value
 * @fdt: a checked blob
 * @nodeoffset: the node's offset
 * @name: the property's name
 * @lenp: set to the value's length, or to the error (may be NULL)
 *
 * Return: the value inside the blob, or NULL when absent or on error.
 */
static inline const void *fdt_getprop(const void *fdt, int nodeoffset,
				      const char *name, int *lenp)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	if (err) {
		if (lenp)
			*lenp = err;
		return NULL;
	}
	return fdtr_getprop(&dt, nodeoffset, name, lenp);
}

/**
 * fdt_getprop_namelen - fdt_getprop() for a counted property name
 * @fdt: a checked blob
 * @nodeoffset: the node's offset
 * @name: the property's name; need not be NUL-terminated
 * @namelen: its length in bytes
 * @lenp: set to the value's length, or to the error (may be NULL)
 *
 * Return: the value of the property whose whole name is the @namelen
 * bytes at @name, or NULL when absent or on error.
 */
static inline const void *fdt_getprop_namelen(const void *fdt, int nodeoffset,
					      const char *name, int namelen,
					      int *lenp)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	if (err) {
		if (lenp)
			*lenp = err;
		return NULL;
	}
	return fdtr_getprop_namelen(&dt, nodeoffset, name, namelen, lenp);
}

/**
 * fdt_address_cells - #address-cells for a node's children
 * @fdt: a checked blob
 * @nodeoffset: the node's offset
 *
 * Return: the value, 2 when absent, a negative error when malformed or
 * out of range.
 */
static inline int fdt_address_cells(const void *fdt, int nodeoffset)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	return err ? err : fdtr_address_cells(&dt, nodeoffset);
}

/**
 * fdt_size_cells - #size-cells for a node's children
 * @fdt: a checked blob
 * @nodeoffset: the node's offset
 *
 * Return: the value, 1 when absent, a negative error when malformed or
 * out of range.
 */
static inline int fdt_size_cells(const void *fdt, int nodeoffset)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	return err ? err : fdtr_size_cells(&dt, nodeoffset);
}

/**
 * fdt_num_mem_rsv - number of /memreserve/ entries
 * @fdt: a checked blob
 *
 * Return: the count, or a negative error.
 */
static inline int fdt_num_mem_rsv(const void *fdt)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	return err ? err : fdtr_num_mem_rsv(&dt);
}

/**
 * fdt_get_mem_rsv - /memreserve/ entry @n
 * @fdt: a checked blob
 * @n: 0 <= @n < fdt_num_mem_rsv()
 * @address: set to its address
 * @size: set to its size
 *
 * Constant time, as libfdt's: entry @n is read directly (fdtr_rsv_entry()),
 * without looking at those before it, so a loop over the map is linear.
 *
 * Return: 0, or a negative error (-EINVAL for a NULL pointer or a negative
 * @n).
 */
static inline int fdt_get_mem_rsv(const void *fdt, int n, uint64_t *address,
				  uint64_t *size)
{
	struct fdtr dt;
	int err = fw_fdt_open(&dt, fdt);

	if (err)
		return err;
	if (!address || !size || n < 0)
		return -FDTR_ERR_INVAL;
	/* Entry @n read directly: no recount of the map per call. */
	return fdtr_rsv_entry(&dt, n, address, size);
}

/**
 * fdt_strerror - what an error of this subset means
 * @errval: a negative error returned by one of the functions above
 *
 * Return: a constant message.
 */
static inline const char *fdt_strerror(int errval)
{
	return fdtr_strerror(errval);
}

#endif /* FIRMWARE_LIBFDT_SYSTEM */

#endif /* FIRMWARE_FDT_API_H */
