// SPDX-License-Identifier: BSD-2-Clause
/*
 * Test oracle: walk a DTB with libfdt and print every node and property
 * in the format of fdtr-dump.c. The two outputs must be identical.
 * Host test program only; nothing else links libfdt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libfdt.h>
#include "dump-common.h"

static void print_node(const void *fdt, int node, int depth, const char *path)
{
	int parent = fdt_parent_offset(fdt, node);
	int child, prop, n = 0;

	fdt_for_each_subnode(child, fdt, node)
		n++;
	printf("node %d depth %d name \"%s\" path %s lookup %d parent %d "
	       "ac %d sc %d subnodes %d\n", node, depth,
	       fdt_get_name(fdt, node, NULL), path,
	       fdt_path_offset(fdt, path), parent < 0 ? -1 : parent,
	       dump_err(fdt_address_cells(fdt, node)),
	       dump_err(fdt_size_cells(fdt, node)), n);
	fdt_for_each_property_offset(prop, fdt, node) {
		const char *name;
		int len;
		const void *val = fdt_getprop_by_offset(fdt, prop, &name, &len);
		const void *byname = fdt_getprop(fdt, node, name, NULL);

		dump_prop(prop, name, val, len,
			  dump_err(fdt_stringlist_count(fdt, node, name)),
			  byname == val);
	}
}

int main(int argc, char **argv)
{
	size_t size;
	void *fdt;
	int node, depth = -1, n, err; /* libfdt counts the root from depth+1 */
	char path[DUMP_PATH_MAX];

	if (argc != 2)
		return 2;
	fdt = dump_read_file(argv[1], &size);
	err = fdt_check_full(fdt, size);
	printf("check %s\n", err ? "bad" : "ok");
	if (err) {
		free(fdt);
		return 0;
	}
	printf("version %u totalsize %u cpuid %u\n", fdt_version(fdt),
	       fdt_totalsize(fdt), fdt_boot_cpuid_phys(fdt));
	n = fdt_num_mem_rsv(fdt);
	for (int i = 0; i < n; i++) {
		uint64_t a, s;

		fdt_get_mem_rsv(fdt, i, &a, &s);
		printf("rsv %#llx %#llx\n", (unsigned long long)a,
		       (unsigned long long)s);
	}
	/* libfdt returns a non-negative offset when the root ends. */
	for (node = fdt_next_node(fdt, -1, &depth); node >= 0 && depth >= 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		dump_path(path, depth, fdt_get_name(fdt, node, NULL));
		print_node(fdt, node, depth, path);
	}
	free(fdt);
	return 0;
}
