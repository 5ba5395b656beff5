// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock-bench: the benchmarks behind "make bench".
 *
 *   memblock-bench list          names and descriptions
 *   memblock-bench NAME N        run one benchmark (one per process: each
 *                                starts from the static, empty memblock)
 *   memblock-bench smoke         every benchmark on its small N, as TAP
 *
 * BENCH_MEMOPS=default|libc|x86 picks the memory-move and clear routines
 * the library (and the floors) use: bench/memops.c.
 *
 * bench/run.py runs each benchmark natively (wall time) and under
 * callgrind (instructions) and writes the table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench.h"

static const struct bench *const benches[] = {
	&bench_add,
	&bench_add_sorted,
	&bench_reserve,
	&bench_alloc_td,
	&bench_alloc_bu,
	&bench_alloc_small,
	&bench_alloc_small_frag,
	&bench_add_floor,
	&bench_reserve_floor,
	&bench_alloc_zero,
	&bench_alloc_zero_floor,
	&bench_remove_split,
	&bench_free_bu,
#ifdef BENCH_HAVE_FREE_ALL
	&bench_page_floor,
	&bench_free_all,
	&bench_free_all_count,
#endif
};
#define NR_BENCHES	(sizeof(benches) / sizeof(benches[0]))

static const struct bench *find(const char *name)
{
	for (size_t i = 0; i < NR_BENCHES; i++)
		if (!strcmp(benches[i]->name, name))
			return benches[i];
	return NULL;
}

/* Each benchmark draws its own random numbers: seeded by its name. */
static int run(const struct bench *b, unsigned long n)
{
	uint64_t seed = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (const char *c = b->seed ? b->seed : b->name; *c; c++)
		seed = (seed ^ (unsigned char)*c) * 0x100000001b3ULL;
	bench_srand(seed);
	return b->run(n);
}

/* Each smoke run in a child: memblock's state is global and not reset. */
static int smoke(void)
{
	int failed = 0;

	printf("1..%zu\n", NR_BENCHES);
	for (size_t i = 0; i < NR_BENCHES; i++) {
		const struct bench *b = benches[i];
		int status = 0;
		pid_t pid;

		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			/* RESULT lines are not TAP: keep them as comments. */
			bench_line_prefix = "# ";
			_exit(run(b, b->smoke_n));
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0)
			status = -1;
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			failed++;
		printf("%sok %zu - %s n=%lu\n",
		       WIFEXITED(status) && !WEXITSTATUS(status) ? "" : "not ",
		       i + 1, b->name, b->smoke_n);
	}
	return failed != 0;
}

int main(int argc, char **argv)
{
	const struct bench *b;

	if (bench_select_memops(getenv("BENCH_MEMOPS")))
		return 2;
	if (argc == 2 && !strcmp(argv[1], "list")) {
		for (size_t i = 0; i < NR_BENCHES; i++)
			printf("%s\t%s\n", benches[i]->name, benches[i]->what);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "smoke"))
		return smoke();
	if (argc == 3 && (b = find(argv[1])))
		return run(b, strtoul(argv[2], NULL, 0));
	fprintf(stderr, "usage: %s list | smoke | NAME N\n", argv[0]);
	return 2;
}
