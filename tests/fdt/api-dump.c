// SPDX-License-Identifier: BSD-2-Clause
/*
 * api-dump BLOB...: walk each blob through the libfdt-compatible subset of
 * firmware/fdt_api.h and print everything the subset can say about it.
 * Built twice (tests/fdt.mk): with the built-in reader as the provider and
 * with FIRMWARE_LIBFDT_SYSTEM against Debian's libfdt; the fdt-api suite
 * requires identical output on every test tree, damaged ones included.
 * Error values differ between providers by design (libfdt's FDT_ERR_* or
 * errno), so only fw_fdt_errno() of them is printed.
 */
#include <firmware/fdt_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Properties a DT memory scan reads, looked up on every node. */
static const char *const props[] = {
	"reg", "compatible", "device_type", "status", "#address-cells",
	"#size-cells", "no-map", "reusable", "size", "alignment",
	"alloc-ranges", "bootargs", "stdout-path", "linux,usable-memory-range",
	"linux,elfcorehdr", "numa-node-id", "hotpluggable",
	"linux,initrd-start", "linux,initrd-end", "ranges", "method",
	"memory-region", "absent-property",
};

static const char *const paths[] = {
	"/", "/chosen", "/memory", "/reserved-memory", "/cpus", "/psci",
	"/chosen/", "//chosen", "/reserved-memory/linux,cma", "/nonexistent",
	"/soc", "/memory@40000000", "/memory@80000000",
};

static void dump_value(const unsigned char *v, int len)
{
	printf(" len %d:", len);
	for (int i = 0; i < len; i++)
		printf(" %02x", v[i]);
	printf("\n");
}

static void dump_node(const void *fdt, int node, int depth)
{
	int len, child;
	const char *name = fdt_get_name(fdt, node, &len);

	printf("node @%d depth %d parent %d name ", node, depth,
	       fw_fdt_errno(fdt_parent_offset(fdt, node)));
	if (name)
		printf("\"%s\" len %d\n", name, len);
	else
		printf("error %d\n", fw_fdt_errno(len));
	printf("  cells %d %d\n", fw_fdt_errno(fdt_address_cells(fdt, node)),
	       fw_fdt_errno(fdt_size_cells(fdt, node)));
	for (size_t i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
		const void *v = fdt_getprop(fdt, node, props[i], &len), *w;
		int n = (int)strlen(props[i]);

		if (!v) {
			if (fw_fdt_errno(len) != -ENOENT)
				printf("  %s: error %d\n", props[i], fw_fdt_errno(len));
			continue;
		}
		printf("  %s:", props[i]);
		dump_value(v, len);
		/* The counted lookup: the whole name, and a prefix of it. */
		w = fdt_getprop_namelen(fdt, node, props[i], n, &len);

		printf("  %s namelen %d: %s len %d\n", props[i], n,
		       w == v ? "same" : "differs", w ? len : fw_fdt_errno(len));
		w = fdt_getprop_namelen(fdt, node, props[i], n - 1, &len);
		printf("  %.*s namelen %d: %s\n", n - 1, props[i], n - 1,
		       w ? "found" : "absent");
	}
	printf("  children:");
	for (child = fdt_first_subnode(fdt, node); child >= 0;
	     child = fdt_next_subnode(fdt, child))
		printf(" @%d", child);
	printf(" end %d\n", fw_fdt_errno(child));
}

static void dump(const void *fdt, size_t size)
{
	int err = fdt_check_full(fdt, size), n, node, depth = 0;

	/* Both providers must agree on the verdict; the reason may differ. */
	printf("check_full %s\n", err ? "rejects" : "accepts");
	if (err)
		return;
	printf("check_header %d totalsize %u version %u\n", fdt_check_header(fdt),
	       (unsigned int)fdt_totalsize(fdt), (unsigned int)fdt_version(fdt));
	n = fdt_num_mem_rsv(fdt);
	printf("memreserve %d\n", fw_fdt_errno(n));
	for (int i = 0; i < n; i++) {
		uint64_t a = 0, s = 0;

		err = fdt_get_mem_rsv(fdt, i, &a, &s);
		printf("  %d: %d %#llx %#llx\n", i, fw_fdt_errno(err),
		       (unsigned long long)a, (unsigned long long)s);
	}
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		int n = (int)strlen(paths[i]);

		printf("path %s -> %d\n", paths[i],
		       fw_fdt_errno(fdt_path_offset(fdt, paths[i])));
		/* Counted: every prefix, as a console's "path:options" is cut. */
		for (int k = 1; k < n; k++)
			printf("  namelen %d -> %d\n", k,
			       fw_fdt_errno(fdt_path_offset_namelen(fdt, paths[i], k)));
	}
	for (node = fdt_next_node(fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(fdt, node, &depth))
		dump_node(fdt, node, depth);
	printf("walk end %d\n", fw_fdt_errno(node));
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		unsigned char *buf;
		long size;

		if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 ||
		    fseek(f, 0, SEEK_SET)) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			return 1;
		}
		/* Exactly the file: a read past it is an ASan report. */
		buf = malloc(size ? (size_t)size : 1);
		if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			return 1;
		}
		fclose(f);
		printf("== %s\n", argv[i]);
		dump(buf, (size_t)size);
		free(buf);
	}
	return 0;
}
