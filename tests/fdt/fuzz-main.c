// SPDX-License-Identifier: BSD-2-Clause
/*
 * A fuzz smoke test without libFuzzer: fdt_fuzz_one() over each blob given
 * and over deterministic mutations of it (bytes overwritten, words set to
 * tags and boundary values, truncation), each in an exactly sized buffer.
 * Under ASan+UBSan a crash is the failure; TAP, one test per blob.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dump-common.h"
#include "fuzz-one.h"

#define MUTATIONS	3000

static uint64_t rng_state;

static uint32_t rnd(void)
{
	/* xorshift64*: deterministic and good enough for mutations. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24, p[1] = v >> 16, p[2] = v >> 8, p[3] = (uint8_t)v;
}

static void mutate(uint8_t *b, size_t *size)
{
	static const uint32_t words[] = { 1, 2, 3, 4, 9, 0, 0xffffffff,
					  0x7fffffff, 0x80000000, 64, 0xd00dfeed };
	int n = 1 + (int)(rnd() % 4);

	while (n--) {
		size_t pos = rnd() % *size;

		switch (rnd() % 4) {
		case 0:
			b[pos] = (uint8_t)rnd();
			break;
		case 1:
			if (*size >= 4)
				put_be32(b + ((pos % (*size - 3)) & ~(size_t)3),
					 words[rnd() % (sizeof(words) / sizeof(words[0]))]);
			break;
		case 2:
			b[pos] ^= (uint8_t)(1u << (rnd() % 8));
			break;
		default:
			if (rnd() % 8 == 0)
				*size = pos + 1;
			break;
		}
	}
}

int main(int argc, char **argv)
{
	printf("1..%d\n", argc - 1);
	for (int i = 1; i < argc; i++) {
		size_t size;
		uint8_t *orig = dump_read_file(argv[i], &size);

		fdt_fuzz_one(orig, size);
		rng_state = 0x9e3779b97f4a7c15ULL ^ (uint64_t)i;
		for (int m = 0; m < MUTATIONS; m++) {
			size_t msize = size;
			uint8_t *copy = malloc(size), *exact;

			memcpy(copy, orig, size);
			mutate(copy, &msize);
			exact = malloc(msize);
			memcpy(exact, copy, msize);
			fdt_fuzz_one(exact, msize);
			free(exact);
			free(copy);
		}
		printf("ok %d - %s: %d mutations\n", i, argv[i], MUTATIONS);
		free(orig);
	}
	return 0;
}
