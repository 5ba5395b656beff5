// SPDX-License-Identifier: BSD-2-Clause
/*
 * fdt_fuzz_one(): a libFuzzer-style entry point for the FDT reader. It
 * opens the input as a blob and, whether or not fdtr_check_full() accepts
 * it, drives every read function over it, so that sanitizers see any read
 * outside the buffer. For a libFuzzer target:
 *
 *   int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
 *   { return fdt_fuzz_one(d, n); }
 *
 * built with tests/fdt.mk's FDT_READER_SRCS and firmware/fdt_console.c.
 */
#include <firmware/fdt.h>
#include <firmware/fdt_memblock.h>
#include "fuzz-one.h"

/* Bounds the quadratic parts (parent lookups) on huge inputs. */
#define FUZZ_MAX_NODES	256

static volatile uint64_t sink;

static void poke(const void *p, int len)
{
	const uint8_t *b = p;

	/* Touch every byte the reader says is inside the blob. */
	for (int i = 0; p && i < len; i++)
		sink += b[i];
}

static void props(const struct fdtr *dt, int node)
{
	int prop, len, ac, sc;

	fdtr_for_each_property(prop, dt, node) {
		const char *name;
		const void *val = fdtr_get_property_by_offset(dt, prop, &name, &len);

		if (!val)
			continue;
		poke(val, len);
		poke(name, 1);
		sink += fdtr_getprop(dt, node, name, NULL) == val;
		sink += (uint64_t)fdtr_stringlist_count(val, len);
		sink += fdtr_stringlist_contains(val, len, "memory");
		poke(fdtr_stringlist_get(val, len, 1, NULL), 1);
		ac = fdtr_address_cells(dt, node);
		sc = fdtr_size_cells(dt, node);
		for (int i = 0; i < 4; i++) {
			uint64_t a, s;

			if (!fdtr_reg_entry(val, len, ac, sc, i, &a, &s))
				sink += a + s;
		}
	}
}

static void paths(const struct fdtr *dt)
{
	static const char *const p[] = {
		"/", "/chosen", "/memory", "/reserved-memory/linux,cma",
		"//a//b/", "/psci", "/aliases", "/soc/bus@10000/uart@2000",
	};
	struct dt_console con;
	enum dt_psci_conduit c;

	for (unsigned int i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		sink += (uint64_t)fdtr_path_offset(dt, p[i]);
	if (!dt_get_console(dt->blob, &con)) {
		poke(con.name, 1);
		sink += con.base;
	}
	sink += (uint64_t)dt_get_psci(dt->blob, &c);
}

int fdt_fuzz_one(const uint8_t *data, size_t size)
{
	struct fdtr dt;
	int node, depth = 0, n = 0;
	uint64_t a, s;

	if (fdtr_init(&dt, data, size))
		return 0;
	sink += (uint64_t)fdtr_check_full(&dt);
	for (int i = 0; !fdtr_get_mem_rsv(&dt, i, &a, &s); i++)
		sink += a + s;
	for (node = fdtr_next_node(&dt, -1, &depth); node >= 0 && n < FUZZ_MAX_NODES;
	     node = fdtr_next_node(&dt, node, &depth), n++) {
		int child, len;
		const char *name = fdtr_get_name(&dt, node, &len);

		poke(name, len);
		sink += (uint64_t)fdtr_parent_offset(&dt, node);
		fdtr_for_each_subnode(child, &dt, node)
			sink += (uint64_t)child;
		sink += fdtr_node_is_available(&dt, node);
		sink += fdtr_node_is_compatible(&dt, node, "arm,pl011");
		props(&dt, node);
	}
	paths(&dt);
	return 0;
}
