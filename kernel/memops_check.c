// SPDX-License-Identifier: BSD-2-Clause
/*
 * The architecture's optimised memory-move and clear hooks, checked on the
 * machine they run on against the library's portable defaults: every
 * source and destination alignment 0..15, lengths 0..300 and a few large
 * ones, overlapping in both directions and disjoint. Each routine works
 * on its own copy of the same pattern; the two copies must end equal,
 * guard bytes around the operation included. (The host test checks the
 * defaults against the C library: tests/unit/test_string.c.)
 */
#include <kernel/kernel.h>
#include <kernel/memops_check.h>
#include <linux/memblock.h>

#define PAD	32
#define BIG	16384
#define BUF	(BIG + 4 * PAD)

static unsigned char opt[BUF] __attribute__((aligned(64)));
static unsigned char ref[BUF] __attribute__((aligned(64)));

static const size_t big_lengths[] = { 511, 4096 + 13, BIG };

static void fill(size_t len)
{
	for (size_t i = 0; i < len; i++)
		opt[i] = ref[i] = (unsigned char)(i * 7 + 3 + (i >> 8));
}

static bool same(size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (opt[i] != ref[i])
			return false;
	return true;
}

/* The move routine under test: the hook, or one path of it. */
static memops_move_fn *move_fn;

static bool move_once(size_t so, size_t dof, size_t n)
{
	size_t len = n + 2 * PAD + 16;

	fill(len);
	if (move_fn(opt + PAD + dof, opt + PAD + so, n) != opt + PAD + dof)
		return false;
	memblock_env_default_memmove(ref + PAD + dof, ref + PAD + so, n);
	return same(len);
}

static bool set_once(size_t off, int c, size_t n)
{
	size_t len = n + 2 * PAD;

	fill(len);
	if (memblock_env_memset(opt + PAD + off, c, n) != opt + PAD + off)
		return false;
	memblock_env_default_memset(ref + PAD + off, c, n);
	return same(len);
}

static unsigned long check_moves(unsigned long *cases)
{
	unsigned long bad = 0;

	for (size_t n = 0; n <= 300; n++)
		for (size_t so = 0; so < 16; so++)
			for (size_t dof = 0; dof < 16; dof++, (*cases)++)
				if (!move_once(so, dof, n) && !bad++)
					ktap_diag("memmove(+%zu, +%zu, %zu) differs", dof, so, n);
	/* A region array opening and closing a slot (24-byte regions). */
	for (size_t n = 0; n <= 300; n += 3, *cases += 2) {
		if (!move_once(0, 24, n) && !bad++)
			ktap_diag("memmove up by 24, %zu bytes, differs", n);
		if (!move_once(24, 0, n) && !bad++)
			ktap_diag("memmove down by 24, %zu bytes, differs", n);
	}
	for (size_t i = 0; i < sizeof(big_lengths) / sizeof(big_lengths[0]); i++) {
		size_t n = big_lengths[i];
		static const size_t offs[][2] = {
			{ 0, 0 }, { 0, 24 }, { 24, 0 }, { 3, 11 }, { 11, 3 }, { 0, 1 }, { 1, 0 },
		};

		for (size_t k = 0; k < sizeof(offs) / sizeof(offs[0]); k++, (*cases)++)
			if (!move_once(offs[k][0], offs[k][1], n) && !bad++)
				ktap_diag("memmove(+%zu, +%zu, %zu) differs", offs[k][1],
					  offs[k][0], n);
	}
	return bad;
}

static unsigned long check_sets(unsigned long *cases)
{
	static const int values[] = { 0, 0xa5 };
	unsigned long bad = 0;

	for (size_t v = 0; v < 2; v++) {
		for (size_t n = 0; n <= 300; n++)
			for (size_t off = 0; off < 16; off++, (*cases)++)
				if (!set_once(off, values[v], n) && !bad++)
					ktap_diag("memset(+%zu, %#x, %zu) differs", off,
						  values[v], n);
		for (size_t i = 0; i < sizeof(big_lengths) / sizeof(big_lengths[0]); i++)
			for (size_t off = 0; off < 16; off += 5, (*cases)++)
				if (!set_once(off, values[v], big_lengths[i]) && !bad++)
					ktap_diag("memset(+%zu, %#x, %zu) differs", off,
						  values[v], big_lengths[i]);
	}
	return bad;
}

void memops_check(const char *what)
{
	unsigned long cases = 0, bad;

	move_fn = memblock_env_memmove;
	bad = check_moves(&cases);
	ktap_ok(!bad && memblock_env_memmove != memblock_env_default_memmove,
		"memblock_env_memmove (%s) matches the default: %lu of %lu moves",
		what, cases - bad, cases);
	cases = 0;
	bad = check_sets(&cases);
	ktap_ok(!bad && memblock_env_memset != memblock_env_default_memset,
		"memblock_env_memset (%s) matches the default: %lu of %lu clears",
		what, cases - bad, cases);
}

void memops_check_move(const char *what, memops_move_fn *fn)
{
	unsigned long cases = 0, bad;

	move_fn = fn;
	bad = check_moves(&cases);
	ktap_ok(!bad && fn != memblock_env_default_memmove,
		"%s matches the default: %lu of %lu moves", what, cases - bad, cases);
}
