// SPDX-License-Identifier: BSD-2-Clause
/*
 * Replaying memblock operations from a file, one per line, after the
 * firmware glue ran: each line is echoed with its result. The grammar is
 * in --help (args.c).
 */
#include <stdlib.h>
#include <string.h>
#include "sim.h"

#define MAX_WORDS	8
/* Virtual allocations are zeroed in host memory: keep that bounded. */
#define MAX_ZEROED	(256ULL << 20)

/* The result of the current line, printed after it ran (after its debug lines). */
static char result[160];

#define set_result(...)	snprintf(result, sizeof(result), __VA_ARGS__)

struct op_line {
	const char *path;
	unsigned int ln;
	int n;
	char *w[MAX_WORDS];
};

static int bad(const struct op_line *l, const char *fmt, const char *what)
{
	char msg[160];

	snprintf(msg, sizeof(msg), fmt, what);
	sim_err("%s:%u: %s", l->path, l->ln, msg);
	return SIM_EXIT_INPUT;
}

static bool num(const char *s, uint64_t *v)
{
	const char *end;

	return sim_parse_u64(s, &end, v) && !*end;
}

/* Positional numbers w[1..n]. */
static int nums(const struct op_line *l, int n, uint64_t *v)
{
	if (l->n != n + 1) {
		char m[64];

		snprintf(m, sizeof(m), "%%s takes %d number%s", n, n == 1 ? "" : "s");
		return bad(l, m, l->w[0]);
	}
	for (int i = 0; i < n; i++)
		if (!num(l->w[i + 1], &v[i]))
			return bad(l, "not a number: \"%s\"", l->w[i + 1]);
	return 0;
}

static void result_err(int err)
{
	if (err)
		set_result("error %d", err);
	else
		set_result("ok");
}

static void result_alloc(uint64_t pa, uint64_t size)
{
	char sz[32];

	if (!pa) {
		set_result("failed");
		return;
	}
	set_result("0x%llx [0x%llx-0x%llx] %s", (unsigned long long)pa,
	       (unsigned long long)pa, (unsigned long long)(pa + size - 1),
	       sim_size_str(sz, sizeof(sz), size));
}

/* "key=value" options after the positional words; returns the error exit. */
static int alloc_op(const struct op_line *l)
{
	uint64_t size, align = PAGE_SIZE, min = 0, max = MEMBLOCK_ALLOC_ACCESSIBLE;
	int64_t nid = NUMA_NO_NODE;
	bool exact = false;
	void *va;
	uint64_t pa;

	if (l->n < 2 || !num(l->w[1], &size))
		return bad(l, "%s: expected SIZE", l->w[0]);
	for (int i = 2; i < l->n; i++) {
		char *eq = strchr(l->w[i], '=');
		uint64_t v;

		if (!strcmp(l->w[i], "exact")) {
			exact = true;
			continue;
		}
		if (!eq || !num(eq + 1, &v))
			return bad(l, "expected align=, nid=, min=, max= or exact, got \"%s\"",
				   l->w[i]);
		*eq = '\0';
		if (!strcmp(l->w[i], "align"))
			align = v;
		else if (!strcmp(l->w[i], "nid") && v < MAX_NUMNODES)
			nid = (int64_t)v;
		else if (!strcmp(l->w[i], "min"))
			min = v;
		else if (!strcmp(l->w[i], "max"))
			max = v;
		else
			return bad(l, "unknown or out-of-range option \"%s\"", l->w[i]);
	}
	if (size > MAX_ZEROED && !exact)
		return bad(l, "%s: the simulator zeroes virtual allocations in host memory, up to 256 MiB; use phys_alloc for more",
			   l->w[0]);
	if (exact)
		va = memblock_alloc_exact_nid_raw(size, align, min, max, (int)nid);
	else
		va = memblock_alloc_try_nid(size, align, min, max, (int)nid);
	pa = va ? test_virt_to_phys(va) : 0;
	result_alloc(pa, size);
	if (va)
		sim_phys_release(pa, size);
	return 0;
}

static int expect_op(const struct op_line *l)
{
	uint64_t want, got;

	if (l->n != 3 || !num(l->w[2], &want))
		return bad(l, "%s: expected free|reserved|memory SIZE", l->w[0]);
	if (!strcmp(l->w[1], "free"))
		got = sim_free_bytes(NUMA_NO_NODE);
	else if (!strcmp(l->w[1], "reserved"))
		got = memblock_reserved_size();
	else if (!strcmp(l->w[1], "memory"))
		got = memblock_phys_mem_size();
	else
		return bad(l, "expect: unknown quantity \"%s\"", l->w[1]);
	if (got != want) {
		set_result("FAILED: 0x%llx", (unsigned long long)got);
		sim_err("%s:%u: expected %s 0x%llx, got 0x%llx", l->path, l->ln,
			l->w[1], (unsigned long long)want, (unsigned long long)got);
		return SIM_EXIT_PANIC;
	}
	set_result("ok");
	return 0;
}

typedef int (*range_fn)(phys_addr_t base, phys_addr_t size);

static const struct {
	const char *name;
	range_fn fn;
} range_ops[] = {
	{ "remove", memblock_remove },
	{ "reserve", memblock_reserve },
	{ "free", memblock_phys_free },
	{ "mark_nomap", memblock_mark_nomap },
	{ "clear_nomap", memblock_clear_nomap },
	{ "mark_hotplug", memblock_mark_hotplug },
	{ "clear_hotplug", memblock_clear_hotplug },
	{ "mark_mirror", memblock_mark_mirror },
};

static int run_op(struct op_line *l)
{
	const char *op = l->w[0];
	uint64_t v[4];
	int ret;

	for (size_t i = 0; i < sizeof(range_ops) / sizeof(range_ops[0]); i++) {
		if (strcmp(op, range_ops[i].name))
			continue;
		if ((ret = nums(l, 2, v)))
			return ret;
		result_err(range_ops[i].fn(v[0], v[1]));
		return 0;
	}
	if (!strcmp(op, "add")) {
		uint64_t nid = MAX_NUMNODES;

		if (l->n == 4 && !strncmp(l->w[3], "nid=", 4)) {
			if (!num(l->w[3] + 4, &nid) || nid >= MAX_NUMNODES)
				return bad(l, "bad node \"%s\"", l->w[3]);
			l->n = 3;
		}
		if ((ret = nums(l, 2, v)))
			return ret;
		result_err(nid == MAX_NUMNODES ? memblock_add(v[0], v[1]) :
			   memblock_add_node(v[0], v[1], (int)nid, MEMBLOCK_NONE));
	} else if (!strcmp(op, "set_node")) {
		if ((ret = nums(l, 3, v)))
			return ret;
		if (v[2] >= MAX_NUMNODES)
			return bad(l, "node %s out of range", l->w[3]);
		result_err(memblock_set_node(v[0], v[1], &memblock.memory, (int)v[2]));
	} else if (!strcmp(op, "alloc")) {
		return alloc_op(l);
	} else if (!strcmp(op, "phys_alloc")) {
		uint64_t align = PAGE_SIZE;

		if (l->n == 3 && !strncmp(l->w[2], "align=", 6)) {
			if (!num(l->w[2] + 6, &align))
				return bad(l, "bad alignment \"%s\"", l->w[2]);
			l->n = 2;
		}
		if ((ret = nums(l, 1, v)))
			return ret;
		result_alloc(memblock_phys_alloc_range(v[0], align, 0,
						       MEMBLOCK_ALLOC_ACCESSIBLE), v[0]);
	} else if (!strcmp(op, "phys_alloc_range")) {
		if ((ret = nums(l, 4, v)))
			return ret;
		result_alloc(memblock_phys_alloc_range(v[0], v[1], v[2], v[3]), v[0]);
	} else if (!strcmp(op, "bottom_up")) {
		if (l->n != 2 || (strcmp(l->w[1], "on") && strcmp(l->w[1], "off")))
			return bad(l, "%s: expected on or off", op);
		memblock_set_bottom_up(!strcmp(l->w[1], "on"));
		set_result("ok");
	} else if (!strcmp(op, "limit")) {
		if (l->n == 2 && !strcmp(l->w[1], "max"))
			v[0] = MEMBLOCK_ALLOC_ANYWHERE;
		else if ((ret = nums(l, 1, v)))
			return ret;
		memblock_set_current_limit(v[0]);
		set_result("ok");
	} else if (!strcmp(op, "mem_limit")) {
		if ((ret = nums(l, 1, v)))
			return ret;
		memblock_enforce_memory_limit(v[0]);
		set_result("ok");
	} else if (!strcmp(op, "cap")) {
		if ((ret = nums(l, 2, v)))
			return ret;
		memblock_cap_memory_range(v[0], v[1]);
		set_result("ok");
	} else if (!strcmp(op, "trim")) {
		if ((ret = nums(l, 1, v)))
			return ret;
		memblock_trim_memory(v[0]);
		set_result("ok");
	} else if (!strcmp(op, "allow_resize")) {
		if ((ret = nums(l, 0, v)))
			return ret;
		memblock_allow_resize();
		set_result("ok");
	} else if (!strcmp(op, "dump")) {
		if ((ret = nums(l, 0, v)))
			return ret;
		printf("ops:%u: dump\n", l->ln);
		memblock_dump_all();
		result[0] = '\0';
	} else if (!strcmp(op, "expect")) {
		return expect_op(l);
	} else {
		return bad(l, "unknown operation \"%s\" (try --help)", op);
	}
	return 0;
}

int sim_run_ops(const char *path)
{
	size_t len;
	char *text = sim_read_file(path, &len), *line, *next;
	struct op_line l = { .path = path };
	int ret = 0;

	if (!text)
		return SIM_EXIT_INPUT;
	if (memchr(text, '\0', len)) {
		sim_err("%s: binary data (a NUL byte at offset %zu), not a list of operations",
			path, (size_t)((char *)memchr(text, '\0', len) - text));
		free(text);
		return SIM_EXIT_INPUT;
	}
	printf("\nops: %s\n", path);
	for (line = text; line && *line && !ret; line = next) {
		char *c, *save = NULL, echo[200];

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		l.ln++;
		c = strchr(line, '#');
		if (c)
			*c = '\0';
		l.n = 0;
		for (char *w = strtok_r(line, " \t\r", &save); w;
		     w = strtok_r(NULL, " \t\r", &save)) {
			if (l.n == MAX_WORDS) {
				ret = bad(&l, "too many words (at most %s)", "8");
				break;
			}
			l.w[l.n++] = w;
		}
		if (ret || !l.n)
			continue;
		echo[0] = '\0';
		for (int i = 0; i < l.n; i++)
			snprintf(echo + strlen(echo), sizeof(echo) - strlen(echo),
				 "%s%s", i ? " " : "", l.w[i]);
		sim_step = echo;
		strcpy(result, "bad line");
		ret = run_op(&l);
		if (result[0])
			printf("ops:%u: %s -> %s\n", l.ln, echo, result);
		sim_step = "ops";
	}
	free(text);
	return ret;
}
