// SPDX-License-Identifier: BSD-2-Clause
/*
 * An out-of-tree user of the library, built by each build-system consumer
 * (make, CMake, Meson) from that system's fragment alone. It runs on the
 * host: memblock manages a static arena whose physical address is its
 * virtual one (the default identity mapping), allocates from it and checks
 * the results. Exit status 0 is success; with the argument "free-all",
 * exit status 3 (the weak memblock_env_free_pages() panicked, naming
 * itself).
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/memblock.h>

#define ARENA_SIZE	(1u << 20)

static _Alignas(1 << 16) unsigned char arena[ARENA_SIZE];

/* The one hook a user must write to see the log; the others are weak. */
void memblock_env_log(int level, const char *line)
{
	printf("<%d>%s\n", level, line);
}

/*
 * A panic the program can report: "free-all" mode calls memblock_free_all()
 * without defining memblock_env_free_pages(), whose weak default must panic
 * with a message naming it.
 */
__attribute__((noreturn)) void memblock_env_panic(const char *msg)
{
	printf("panic: %s\n", msg);
	fflush(stdout);
	exit(strstr(msg, "memblock_env_free_pages()") ? 3 : 2);
}

static int check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	phys_addr_t base = (phys_addr_t)(uintptr_t)arena;
	unsigned char *p;
	int fails = 0, i, zero = 1;

	for (i = 0; i < 64; i++)
		arena[ARENA_SIZE - 4096 + i] = 0xa5;	/* memblock_alloc zeroes */
	fails += check(memblock_add(base, ARENA_SIZE) == 0, "memblock_add");
	fails += check(memblock_reserve(base, 4096) == 0, "memblock_reserve");
	p = memblock_alloc(4096, 4096);
	/* Top-down: the last page of the arena. */
	fails += check(p == arena + ARENA_SIZE - 4096, "memblock_alloc top-down");
	for (i = 0; p && i < 4096; i++)
		zero &= p[i] == 0;
	fails += check(p && zero, "memblock_alloc zeroed");
	fails += check(memblock.reserved.total_size == 8192, "reserved total");
	fails += check(memblock_phys_mem_size() == ARENA_SIZE, "memory total");
	memblock_dump_all();
	if (argc > 1 && !strcmp(argv[1], "free-all") && !fails) {
		memblock_free_all();
		return 4;	/* the default hook did not panic */
	}
	return fails ? 1 : 0;
}
