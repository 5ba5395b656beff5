/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The output format shared by the oracle (libfdt) and the reader's dump
 * program, so that a diff of the two compares the readers.
 */
#ifndef TESTS_FDT_DUMP_COMMON_H
#define TESTS_FDT_DUMP_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DUMP_PATH_MAX	4096
#define DUMP_MAX_DEPTH	64

/* Errors differ between the libraries: print them all as -1. */
static inline int dump_err(int v)
{
	return v < 0 ? -1 : v;
}

/* Read a whole file into an exactly sized buffer (ASan sees overruns). */
static inline void *dump_read_file(const char *file, size_t *size)
{
	FILE *f = fopen(file, "rb");
	void *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		perror(file);
		exit(2);
	}
	buf = malloc(n ? (size_t)n : 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		perror(file);
		exit(2);
	}
	fclose(f);
	*size = (size_t)n;
	return buf;
}

/* Keep path components per depth; write the path of the current node. */
static inline void dump_path(char *path, int depth, const char *name)
{
	static char parts[DUMP_MAX_DEPTH][256];
	size_t len = 0;

	if (depth < 0 || depth >= DUMP_MAX_DEPTH)
		exit(3);
	snprintf(parts[depth], sizeof(parts[depth]), "%s", name);
	path[0] = '\0';
	for (int d = 1; d <= depth; d++)
		len += (size_t)snprintf(path + len, DUMP_PATH_MAX - len, "/%s",
					parts[d]);
	if (!depth)
		strcpy(path, "/");
}

static inline void dump_prop(int off, const char *name, const void *val,
			     int len, int strcount, int byname_same)
{
	const uint8_t *v = val;

	printf("  prop %d \"%s\" len %d strings %d byname %s:", off, name, len,
	       strcount, byname_same ? "same" : "other");
	for (int i = 0; i < len; i++)
		printf("%s%02x", i % 4 ? "" : " ", v[i]);
	printf("\n");
}

#endif
