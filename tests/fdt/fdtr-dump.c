// SPDX-License-Identifier: BSD-2-Clause
/*
 * Walk a DTB with this project's reader (firmware/fdt*.c) and print every
 * node and property in the format of oracle-libfdt.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <firmware/fdt.h>
#include "dump-common.h"

static void print_node(const struct fdtr *dt, int node, int depth,
		       const char *path)
{
	int parent = fdtr_parent_offset(dt, node);
	int child, prop, n = 0;

	fdtr_for_each_subnode(child, dt, node)
		n++;
	printf("node %d depth %d name \"%s\" path %s lookup %d parent %d "
	       "ac %d sc %d subnodes %d\n", node, depth,
	       fdtr_get_name(dt, node, NULL), path,
	       fdtr_path_offset(dt, path), parent < 0 ? -1 : parent,
	       dump_err(fdtr_address_cells(dt, node)),
	       dump_err(fdtr_size_cells(dt, node)), n);
	fdtr_for_each_property(prop, dt, node) {
		const char *name;
		int len;
		const void *val = fdtr_get_property_by_offset(dt, prop, &name, &len);
		const void *byname = fdtr_getprop(dt, node, name, NULL);

		dump_prop(prop, name, val, len,
			  dump_err(fdtr_stringlist_count(val, len)),
			  byname == val);
	}
}

int main(int argc, char **argv)
{
	struct fdtr dt;
	size_t size;
	void *blob;
	int node, depth = 0, n, err;
	char path[DUMP_PATH_MAX];

	if (argc != 2)
		return 2;
	blob = dump_read_file(argv[1], &size);
	err = fdtr_init(&dt, blob, size);
	if (!err)
		err = fdtr_check_full(&dt);
	printf("check %s\n", err ? "bad" : "ok");
	if (err) {
		fprintf(stderr, "%s: %s\n", argv[1], fdtr_strerror(err));
		free(blob);
		return 0;
	}
	printf("version %u totalsize %u cpuid %u\n", dt.version, dt.totalsize,
	       dt.boot_cpuid);
	n = fdtr_num_mem_rsv(&dt);
	for (int i = 0; i < n; i++) {
		uint64_t a, s;

		fdtr_get_mem_rsv(&dt, i, &a, &s);
		printf("rsv %#llx %#llx\n", (unsigned long long)a,
		       (unsigned long long)s);
	}
	for (node = fdtr_next_node(&dt, -1, &depth); node >= 0;
	     node = fdtr_next_node(&dt, node, &depth)) {
		dump_path(path, depth, fdtr_get_name(&dt, node, NULL));
		print_node(&dt, node, depth, path);
	}
	if (node != -FDTR_ERR_NOTFOUND)
		printf("walk error %s\n", fdtr_strerror(node));
	free(blob);
	return 0;
}
