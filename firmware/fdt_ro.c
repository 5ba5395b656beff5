// SPDX-License-Identifier: BSD-2-Clause
/*
 * Read-only navigation: children, paths, parents, properties. All reads
 * go through fdtr_next_tag(), which bounds-checks them.
 */
#include "fdt_internal.h"

int fdtr_first_subnode(const struct fdtr *dt, int node)
{
	int depth = 0;
	int off = __fw_fdtr_check_node(dt, node);

	if (off < 0)
		return off;
	off = fdtr_next_node(dt, node, &depth);
	if (off < 0)
		return off;
	return depth == 1 ? off : -FDTR_ERR_NOTFOUND;
}

int fdtr_next_subnode(const struct fdtr *dt, int node)
{
	int depth = 1;

	/* Skip the node's descendants: the next node at depth 1 is a sibling. */
	do {
		node = fdtr_next_node(dt, node, &depth);
		if (node < 0)
			return node;
	} while (depth > 1);
	return depth == 1 ? node : -FDTR_ERR_NOTFOUND;
}

const char *fdtr_get_name(const struct fdtr *dt, int node, int *lenp)
{
	const char *name;
	int err = dt ? __fw_fdtr_check_node(dt, node) : -FDTR_ERR_INVAL;

	if (err < 0) {
		if (lenp)
			*lenp = err;
		return NULL;
	}
	name = (const char *)fdtr_struct(dt) + node + 4;
	if (lenp)
		*lenp = (int)fdtr_strnlen(name, dt->size_struct);
	return name;
}

/* "memory" matches "memory" and "memory@..."; "memory@0" only itself. */
static bool name_matches(const char *node, int nodelen, const char *s, int len)
{
	if (nodelen < len || !fdtr_memeq(node, s, (size_t)len))
		return false;
	if (nodelen == len)
		return true;
	for (int i = 0; i < len; i++)
		if (s[i] == '@')
			return false;
	return node[len] == '@';
}

int fdtr_subnode_offset_namelen(const struct fdtr *dt, int parent,
				const char *name, int namelen)
{
	int child;

	if (!name || namelen < 0)
		return -FDTR_ERR_INVAL;
	fdtr_for_each_subnode(child, dt, parent) {
		int len;
		const char *n = fdtr_get_name(dt, child, &len);

		if (!n)
			return len;
		if (name_matches(n, len, name, namelen))
			return child;
	}
	return child;
}

int fdtr_path_offset_namelen(const struct fdtr *dt, const char *path, int len)
{
	int node, i = 0;

	if (!dt || !path || len < 0)
		return -FDTR_ERR_INVAL;
	if (len == 0 || path[0] != '/')
		return -FDTR_ERR_BADPATH;
	node = fdtr_next_node(dt, -1, NULL);
	while (node >= 0) {
		int start;

		while (i < len && path[i] == '/')
			i++;
		if (i == len || !path[i])
			break;
		start = i;
		while (i < len && path[i] && path[i] != '/')
			i++;
		node = fdtr_subnode_offset_namelen(dt, node, path + start,
						   i - start);
	}
	return node;
}

int fdtr_path_offset(const struct fdtr *dt, const char *path)
{
	if (!path)
		return -FDTR_ERR_INVAL;
	return fdtr_path_offset_namelen(dt, path,
					(int)fdtr_strnlen(path, INT32_MAX));
}

int fdtr_parent_offset(const struct fdtr *dt, int node)
{
	int stack[FDTR_MAX_DEPTH + 1];
	int off, depth = 0;
	int err = dt ? __fw_fdtr_check_node(dt, node) : -FDTR_ERR_INVAL;

	if (err < 0)
		return err;
	for (off = fdtr_next_node(dt, -1, &depth); off >= 0;
	     off = fdtr_next_node(dt, off, &depth)) {
		stack[depth] = off;
		if (off == node)
			return depth ? stack[depth - 1] : -FDTR_ERR_NOTFOUND;
		if (off > node)
			break;
	}
	/* A BEGIN_NODE tag that the walk never reached (inside a value). */
	return off < 0 && off != -FDTR_ERR_NOTFOUND ? off : -FDTR_ERR_BADOFFSET;
}

/* The property at or after @offset (past NOPs), or NOTFOUND at a node tag. */
static int prop_at(const struct fdtr *dt, int offset)
{
	int tag;

	offset = __fw_fdtr_skip_nops(dt, offset, &tag);
	if (offset < 0)
		return offset;
	return tag == FDTR_PROP ? offset : -FDTR_ERR_NOTFOUND;
}

int fdtr_first_property(const struct fdtr *dt, int node)
{
	int next, tag;

	if (!dt)
		return -FDTR_ERR_INVAL;
	tag = fdtr_next_tag(dt, node, &next);
	if (tag < 0)
		return tag;
	if (tag != FDTR_BEGIN_NODE)
		return -FDTR_ERR_BADOFFSET;
	return prop_at(dt, next);
}

int fdtr_next_property(const struct fdtr *dt, int prop)
{
	int next, tag;

	if (!dt)
		return -FDTR_ERR_INVAL;
	tag = fdtr_next_tag(dt, prop, &next);
	if (tag < 0)
		return tag;
	if (tag != FDTR_PROP)
		return -FDTR_ERR_BADOFFSET;
	return prop_at(dt, next);
}

const void *fdtr_get_property_by_offset(const struct fdtr *dt, int prop,
					const char **namep, int *lenp)
{
	const uint8_t *p;
	const char *name;
	int tag, err;

	tag = dt ? fdtr_next_tag(dt, prop, NULL) : -FDTR_ERR_INVAL;
	if (tag != FDTR_PROP) {
		err = tag < 0 ? tag : -FDTR_ERR_BADOFFSET;
		goto fail;
	}
	p = fdtr_struct(dt) + prop;
	name = __fw_fdtr_string(dt, fdtr_be32(p + 8));
	if (!name) {
		err = -FDTR_ERR_BADSTRING;
		goto fail;
	}
	if (namep)
		*namep = name;
	if (lenp)
		*lenp = (int)fdtr_be32(p + 4);	/* checked by fdtr_next_tag() */
	return p + 12;
fail:
	if (lenp)
		*lenp = err;
	return NULL;
}

const void *fdtr_getprop_namelen(const struct fdtr *dt, int node,
				 const char *name, int namelen, int *lenp)
{
	int prop;

	if (!name || namelen < 0) {
		prop = -FDTR_ERR_INVAL;
		goto fail;
	}
	fdtr_for_each_property(prop, dt, node) {
		const char *pname;
		const void *val;

		val = fdtr_get_property_by_offset(dt, prop, &pname, lenp);
		if (!val)
			return NULL;
		/* The whole name: "reg" is not "reg-names". */
		if (fdtr_strnlen(pname, (size_t)namelen + 1) == (size_t)namelen &&
		    fdtr_memeq(pname, name, (size_t)namelen))
			return val;
	}
fail:
	if (lenp)
		*lenp = prop;
	return NULL;
}

const void *fdtr_getprop(const struct fdtr *dt, int node, const char *name,
			 int *lenp)
{
	if (!name) {
		if (lenp)
			*lenp = -FDTR_ERR_INVAL;
		return NULL;
	}
	return fdtr_getprop_namelen(dt, node, name,
				    (int)fdtr_strnlen(name, INT32_MAX), lenp);
}

int fdtr_getprop_u32(const struct fdtr *dt, int node, const char *name,
		     uint32_t *val)
{
	int len;
	const void *p = fdtr_getprop(dt, node, name, &len);

	if (!p)
		return len;
	if (len != 4)
		return -FDTR_ERR_BADVALUE;
	if (val)
		*val = fdtr_be32(p);
	return 0;
}

const char *fdtr_getprop_string(const struct fdtr *dt, int node,
				const char *name)
{
	int len;
	const char *p = fdtr_getprop(dt, node, name, &len);

	/* A string value ends with its NUL: 00 00 00 01 is a number. */
	if (!p || len <= 0 || p[len - 1])
		return NULL;
	return p;
}

bool fdtr_node_is_compatible(const struct fdtr *dt, int node,
			     const char *compat)
{
	int len;
	const void *p = fdtr_getprop(dt, node, "compatible", &len);

	return p && compat && fdtr_stringlist_contains(p, len, compat);
}

bool fdtr_node_is_available(const struct fdtr *dt, int node)
{
	int len;
	const char *status = fdtr_getprop(dt, node, "status", &len);

	if (!status)
		return len == -FDTR_ERR_NOTFOUND;
	status = fdtr_getprop_string(dt, node, "status");
	return status && (fdtr_streq(status, "okay") || fdtr_streq(status, "ok"));
}
